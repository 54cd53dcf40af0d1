import fs from 'node:fs';

/**
 * A file's data, or a folder's entries (a new file's name, a grown file's size), on the disk
 * before this returns: what a power cut may not take away once something relies on it.
 */
export function syncToDisk(fileOrFolder: string): void {
  const fd = fs.openSync(fileOrFolder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
