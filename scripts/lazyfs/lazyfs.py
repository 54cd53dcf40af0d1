#!/usr/bin/env python3
"""A FUSE passthrough that can lose power: the file system of the power-loss test.

    lazyfs.py <backing-dir> <mount-point>

Mounts <backing-dir> at <mount-point> (in the foreground, until unmounted). Written bytes are
not passed to the backing files: each file's unsynced data is kept here, in memory, as 4 KiB
pages over the backing file (a truncate is kept too, as a size and a "zero from" mark: see
lazy_file.py), and
reads and getattr see that data over the backing file. fsync/fdatasync of a file writes its
pages and size to the backing file: the backing directory plays the disk, so what reached it
survives. "lose-power" throws away every unsynced byte of every file, and from then on every
change fails with EIO, as on a machine without power, until the test unmounts and mounts again.

Metadata (create, mkdir, unlink, rename, link, symlink, chmod, utimens) passes through at once,
as Jepsen's LazyFS does by default: only file data waits for fsync. So a file created and
never synced survives a power cut with the size it had on the disk, which for a new file is 0.

Commands, one a line on stdin; each answer is one line on stdout:
    lose-power   ->  power-lost <files> <bytes>   (the unsynced data thrown away)
    stats        ->  stats <unsynced files> <unsynced bytes> <synced bytes>
When the kernel has mounted the file system it prints "mounted". When stdin closes (the test
process died) it unmounts itself.

No direct_io: SQLite maps its -shm file with mmap(MAP_SHARED), which needs the kernel's page
cache. That cache can still hold unsynced data after "lose-power", so the test must unmount and
mount again before anything reads the files. Byte-range locks are left to the kernel (no lock
operation), which is right for one mount used by one machine.
"""
import errno
import os
import signal
import subprocess
import sys
import threading

try:
    import fuse  # fusepy as pip installs it
except ImportError:
    import fusepy as fuse  # Debian's python3-fusepy

from lazy_file import LazyFile


class LazyFS(fuse.Operations):
    use_ns = True

    def __init__(self, root, mount_point):
        self.root = os.path.realpath(root)
        self.mount_point = mount_point
        # Not "self.lock": fusepy would take an attribute of that name for the lock operation.
        self.mutex = threading.Lock()
        self.files = {}  # backing inode -> LazyFile, for files with unsynced data
        self.handles = {}  # open handle (a backing fd) -> backing inode
        self.open_count = {}  # backing inode -> open handles
        self.powered = True
        self.synced_bytes = 0

    def _path(self, path):
        return os.path.join(self.root, path.lstrip('/'))

    def _alive(self):
        if not self.powered:
            raise fuse.FuseOSError(errno.EIO)

    def _file(self, ino, size):
        lazy = self.files.get(ino)
        if lazy is None:
            lazy = self.files[ino] = LazyFile(size)
        return lazy

    def _forget_if_gone(self, ino, links):
        """A file with no name left and no handle open can never be synced: drop its data."""
        if links == 0 and self.open_count.get(ino, 0) == 0:
            self.files.pop(ino, None)

    # -- the control channel -------------------------------------------------------------------

    def lose_power(self):
        with self.mutex:
            files = len(self.files)
            lost = sum(f.unsynced_bytes() for f in self.files.values())
            self.files.clear()
            self.powered = False
        return f'power-lost {files} {lost}'

    def stats(self):
        with self.mutex:
            unsynced = sum(f.unsynced_bytes() for f in self.files.values())
            return f'stats {len(self.files)} {unsynced} {self.synced_bytes}'

    # -- files -----------------------------------------------------------------------------------

    def getattr(self, path, fh=None):
        with self.mutex:
            if isinstance(fh, int) and fh in self.handles:
                st = os.fstat(fh)
            else:
                st = os.lstat(self._path(path))
            attrs = {
                key: getattr(st, key)
                for key in ('st_mode', 'st_ino', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
                            'st_blocks', 'st_blksize', 'st_rdev')
            }
            attrs.update(st_atime=st.st_atime_ns, st_mtime=st.st_mtime_ns,
                         st_ctime=st.st_ctime_ns)
            lazy = self.files.get(st.st_ino)
            if lazy is not None:
                attrs['st_size'] = lazy.size
                attrs['st_blocks'] = (lazy.size + 511) // 512
            return attrs

    def _open_backing(self, path, flags, mode=None):
        # Reads and syncs use the handle whatever the caller asked for, and the backing file is
        # never truncated or appended to by the open itself: that data is cached like any write.
        keep = flags & ~(os.O_ACCMODE | os.O_TRUNC | os.O_APPEND)
        try:
            fd = os.open(self._path(path), keep | os.O_RDWR, *(() if mode is None else (mode,)))
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EROFS, errno.EPERM, errno.ETXTBSY):
                raise
            fd = os.open(self._path(path), flags & ~(os.O_TRUNC | os.O_APPEND),
                         *(() if mode is None else (mode,)))
        ino = os.fstat(fd).st_ino
        self.handles[fd] = ino
        self.open_count[ino] = self.open_count.get(ino, 0) + 1
        return fd, ino

    def open(self, path, flags):
        with self.mutex:
            if flags & os.O_TRUNC or (flags & os.O_ACCMODE) != os.O_RDONLY:
                self._alive()
            fd, ino = self._open_backing(path, flags)
            if flags & os.O_TRUNC:
                self._file(ino, os.fstat(fd).st_size).truncate(0)
            return fd

    def create(self, path, mode, fi=None):
        with self.mutex:
            self._alive()
            fd, _ = self._open_backing(path, os.O_CREAT, mode)
            return fd

    def read(self, path, size, offset, fh):
        with self.mutex:
            lazy = self.files.get(self.handles[fh])
            return lazy.read(fh, size, offset) if lazy else os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        with self.mutex:
            self._alive()
            ino = self.handles[fh]
            self._file(ino, os.fstat(fh).st_size).write(fh, data, offset)
            return len(data)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            self._alive()
            if isinstance(fh, int) and fh in self.handles:
                ino, size = self.handles[fh], os.fstat(fh).st_size
            else:
                st = os.stat(self._path(path))
                ino, size = st.st_ino, st.st_size
            self._file(ino, size).truncate(length)

    def fsync(self, path, datasync, fh):
        with self.mutex:
            self._alive()
            lazy = self.files.pop(self.handles[fh], None)
            if lazy is not None:
                # The "disk" is the backing directory: reaching it is durability here.
                self.synced_bytes += lazy.sync_to(fh)
            return 0

    def flush(self, path, fh):
        return 0  # close() is not a sync

    def release(self, path, fh):
        with self.mutex:
            ino = self.handles.pop(fh)
            links = os.fstat(fh).st_nlink
            os.close(fh)
            self.open_count[ino] -= 1
            if self.open_count[ino] == 0:
                del self.open_count[ino]
            self._forget_if_gone(ino, links)
            return 0

    # -- metadata: passed through at once ------------------------------------------------------

    def unlink(self, path):
        with self.mutex:
            self._alive()
            st = os.lstat(self._path(path))
            os.unlink(self._path(path))
            self._forget_if_gone(st.st_ino, st.st_nlink - 1)

    def rename(self, old, new):
        with self.mutex:
            self._alive()
            try:
                replaced = os.lstat(self._path(new))
            except FileNotFoundError:
                replaced = None
            os.rename(self._path(old), self._path(new))
            if replaced is not None and not os.path.isdir(self._path(new)):
                self._forget_if_gone(replaced.st_ino, replaced.st_nlink - 1)

    def link(self, target, source):
        with self.mutex:
            self._alive()
            os.link(self._path(source), self._path(target))

    def symlink(self, target, source):
        with self.mutex:
            self._alive()
            os.symlink(source, self._path(target))

    def readlink(self, path):
        return os.readlink(self._path(path))

    def mkdir(self, path, mode):
        with self.mutex:
            self._alive()
            os.mkdir(self._path(path), mode)

    def rmdir(self, path):
        with self.mutex:
            self._alive()
            os.rmdir(self._path(path))

    def readdir(self, path, fh):
        return ['.', '..', *os.listdir(self._path(path))]

    def chmod(self, path, mode):
        with self.mutex:
            self._alive()
            os.chmod(self._path(path), mode)

    def chown(self, path, uid, gid):
        with self.mutex:
            self._alive()
            os.chown(self._path(path), uid, gid)

    def utimens(self, path, times=None):
        with self.mutex:
            self._alive()
            os.utime(self._path(path), ns=times)

    def access(self, path, amode):
        if not os.access(self._path(path), amode):
            raise fuse.FuseOSError(errno.EACCES)

    def statfs(self, path):
        st = os.statvfs(self._path(path))
        return {key: getattr(st, key) for key in (
            'f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail', 'f_ffree', 'f_files',
            'f_flag', 'f_frsize', 'f_namemax')}

    def fsyncdir(self, path, datasync, fh):
        return 0  # metadata is already on the "disk"

    def init(self, path):
        print('mounted', flush=True)


def unmount(mount_point):
    for command in (['fusermount3', '-u', '-z', mount_point], ['umount', '-l', mount_point]):
        try:
            if subprocess.run(command, capture_output=True).returncode == 0:
                return
        except FileNotFoundError:
            pass


def serve_commands(fs):
    # Process signals (SIGTERM from the test's cleanup) must reach the FUSE loop's thread.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    for line in sys.stdin:
        command = line.strip()
        if command == 'lose-power':
            print(fs.lose_power(), flush=True)
        elif command == 'stats':
            print(fs.stats(), flush=True)
        elif command:
            print(f'error unknown command {command!r}', flush=True)
    unmount(fs.mount_point)  # the test process is gone: do not leave the mount behind


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    backing, mount_point = sys.argv[1], os.path.realpath(sys.argv[2])
    fs = LazyFS(backing, mount_point)
    threading.Thread(target=serve_commands, args=(fs,), daemon=True).start()
    fuse.FUSE(fs, mount_point, foreground=True, nothreads=True, fsname='lazyfs',
              subtype='lazyfs', use_ino=True, hard_remove=True, big_writes=True)


if __name__ == '__main__':
    main()
