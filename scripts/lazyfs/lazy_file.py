"""The unsynced state of one file in lazyfs.py: its written pages and its size, over the
backing file, until fsync writes them there or a power cut throws them away."""
import os

PAGE = 4096


class LazyFile:
    """The unsynced state of one file (one backing inode)."""

    def __init__(self, size):
        self.pages = {}  # page number -> bytearray(PAGE): the file's content there
        self.size = size  # the file's size as its users see it
        self.zero_from = size  # backing bytes from here on were truncated away

    def unsynced_bytes(self):
        return len(self.pages) * PAGE  # whole pages; a truncate alone counts as a file, not bytes

    def _backing(self, fd, offset, length):
        """Bytes of the backing file as this file's content, where no page overrides them."""
        length = max(0, min(length, self.zero_from - offset))
        return os.pread(fd, length, offset) if length > 0 else b''

    def read(self, fd, size, offset):
        end = min(offset + size, self.size)
        if end <= offset:
            return b''
        out = bytearray(self._backing(fd, offset, end - offset))
        out.extend(bytes(end - offset - len(out)))
        for number in range(offset // PAGE, (end - 1) // PAGE + 1):
            page = self.pages.get(number)
            if page is None:
                continue
            start = max(offset, number * PAGE)
            stop = min(end, (number + 1) * PAGE)
            out[start - offset:stop - offset] = page[start - number * PAGE:stop - number * PAGE]
        return bytes(out)

    def write(self, fd, data, offset):
        end = offset + len(data)
        for number in range(offset // PAGE, (end - 1) // PAGE + 1):
            page = self.pages.get(number)
            if page is None:
                page = bytearray(self.read(fd, PAGE, number * PAGE))
                page.extend(bytes(PAGE - len(page)))
                self.pages[number] = page
            start = max(offset, number * PAGE)
            stop = min(end, (number + 1) * PAGE)
            page[start - number * PAGE:stop - number * PAGE] = data[start - offset:stop - offset]
        self.size = max(self.size, end)

    def truncate(self, length):
        if length < self.size:
            for number in [n for n in self.pages if n * PAGE >= length]:
                del self.pages[number]
            tail = self.pages.get(length // PAGE)
            if tail is not None:
                cut = length % PAGE
                tail[cut:] = bytes(PAGE - cut)
            self.zero_from = min(self.zero_from, length)
        self.size = length

    def sync_to(self, fd):
        """Writes this file's content to the backing file; answers the bytes written."""
        os.ftruncate(fd, self.zero_from)
        written = 0
        for number, page in sorted(self.pages.items()):
            start = number * PAGE
            if start >= self.size:
                continue
            chunk = page[:min(PAGE, self.size - start)]
            os.pwrite(fd, chunk, start)
            written += len(chunk)
        os.ftruncate(fd, self.size)
        return written
