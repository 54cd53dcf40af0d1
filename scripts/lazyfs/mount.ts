/**
 * Mounts lazyfs.py (a FUSE passthrough that keeps written data in its own memory until fsync
 * and throws it away on "lose-power") as a child process, and drives it: the file system of the
 * power-loss test. See lazyfs.py for what it keeps and what it passes through.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const LAZYFS = path.join(import.meta.dirname, 'lazyfs.py');

/**
 * Debian's python3-fusepy lives in the system Python's packages, which a pyenv or virtualenv
 * python3 earlier on PATH does not see; LAZYFS_PYTHON overrides.
 */
const PYTHON =
  process.env.LAZYFS_PYTHON ?? (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

const MOUNT_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5_000;

export interface PowerCut {
  /** Files that had unsynced data. */
  files: number;
  /** Unsynced bytes thrown away (whole 4 KiB pages). */
  bytes: number;
}

export interface LazyFsMount {
  mountPoint: string;
  backingDir: string;
  /** Throws away every byte not synced; after it every change fails (EIO) until remounted. */
  losePower(): Promise<PowerCut>;
  /**
   * Unmounts (lazily if something still holds it) and waits for the file system's process to
   * end, killing it if it does not. Never throws: it is cleanup.
   */
  unmount(): Promise<void>;
}

/** Whether something is mounted at the folder, from the kernel's own list. */
export function isMounted(mountPoint: string): boolean {
  const target = path.resolve(mountPoint);
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[4]?.replace(/\\040/g, ' ') === target);
}

/** Unmounts, lazily if something still holds the mount. */
export function detach(mountPoint: string): void {
  for (const [command, ...args] of [
    ['fusermount3', '-u', mountPoint],
    ['fusermount', '-u', mountPoint],
    ['umount', '-l', mountPoint],
  ] as [string, ...string[]][]) {
    if (!isMounted(mountPoint)) return;
    spawnSync(command, args, { stdio: 'ignore', timeout: EXIT_TIMEOUT_MS });
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Mounts the backing folder at the (existing, empty) mount point; resolves once mounted. */
export function mountLazyFs(backingDir: string, mountPoint: string): Promise<LazyFsMount> {
  // -B: no __pycache__ beside the scripts.
  const child = spawn(PYTHON, ['-B', LAZYFS, backingDir, mountPoint], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = (what: string, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(`no answer to ${what} in ${ms} ms`), ms);
      const onExit = () => fail(`it ended before answering ${what}`);
      const fail = (why: string) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        reject(new Error(`lazyfs at ${mountPoint}: ${why}\n${stderr}`.trim()));
      };
      child.once('exit', onExit);
      waiting.push((line) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(line);
      });
    });

  const unmount = async (): Promise<void> => {
    detach(mountPoint);
    if (!(await exited(child, EXIT_TIMEOUT_MS))) {
      child.kill('SIGTERM');
      if (!(await exited(child, EXIT_TIMEOUT_MS))) child.kill('SIGKILL');
      await exited(child, EXIT_TIMEOUT_MS);
    }
    // A killed file system process leaves its mount behind ("transport endpoint not connected").
    detach(mountPoint);
    child.stdin?.destroy();
  };

  const mount: LazyFsMount = {
    mountPoint,
    backingDir,
    async losePower() {
      const answer = nextLine('lose-power', EXIT_TIMEOUT_MS);
      child.stdin!.write('lose-power\n');
      const match = /^power-lost (\d+) (\d+)$/.exec(await answer);
      if (!match) throw new Error(`lazyfs answered lose-power with "${await answer}"`);
      return { files: Number(match[1]), bytes: Number(match[2]) };
    },
    unmount,
  };
  return nextLine('the mount', MOUNT_TIMEOUT_MS).then(
    (line) => {
      if (line === 'mounted') return mount;
      return unmount().then(() => Promise.reject(new Error(`lazyfs printed "${line}"`)));
    },
    (error: Error) => unmount().then(() => Promise.reject(error)),
  );
}

/**
 * Why lazyfs cannot be mounted here (no /dev/fuse, no fusepy, no permission to mount), or null
 * when it can: it mounts one in a temporary folder, writes through it and unmounts.
 */
export async function lazyFsUnavailable(): Promise<string | null> {
  if (!fs.existsSync('/dev/fuse')) return 'there is no /dev/fuse';
  const probe = spawnSync(PYTHON, ['-B', '-c', 'import lazyfs'], {
    cwd: path.dirname(LAZYFS),
    encoding: 'utf8',
  });
  if (probe.error) return `${PYTHON} cannot run: ${probe.error.message}`;
  if (probe.status !== 0) {
    const lastLine = probe.stderr.trim().split('\n').at(-1);
    return `${PYTHON} cannot load lazyfs.py (is python3-fusepy installed?): ${lastLine}`;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-lazyfs-probe-'));
  const [disk, mnt] = [path.join(dir, 'disk'), path.join(dir, 'mnt')];
  fs.mkdirSync(disk);
  fs.mkdirSync(mnt);
  try {
    const mount = await mountLazyFs(disk, mnt);
    try {
      fs.writeFileSync(path.join(mnt, 'probe'), 'probe');
    } finally {
      await mount.unmount();
    }
    return null;
  } catch (error) {
    return `FUSE cannot be mounted: ${(error as Error).message}`;
  } finally {
    if (!isMounted(mnt)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The suite's rule for tests that mount lazyfs: CI (root, /dev/fuse, and .ci/run installs fuse3
 * and python3-fusepy) must run them, so there a machine that cannot mount fails them; elsewhere
 * they are skipped, and the reason is printed.
 */
export async function lazyFsTestGate(test: string): Promise<{ skip: boolean; require(): void }> {
  const unavailable = await lazyFsUnavailable();
  const mustRun = Boolean(process.env.CI);
  if (unavailable && !mustRun) console.warn(`${test} skipped: ${unavailable}`);
  return {
    skip: unavailable !== null && !mustRun,
    require() {
      if (unavailable) throw new Error(`CI must run the ${test}, but ${unavailable}`);
    },
  };
}
