import fs from 'node:fs';
import path from 'node:path';

/** Owner read and write, nobody else: the files that hold tokens. */
export const OWNER_ONLY = 0o600;

/**
 * Writes `data` as JSON so that no other user of the machine can read it at any moment: the
 * temporary file is created 0600 (and chmod-ed again, whatever the umask), synced, then renamed
 * over the old one, so a crash leaves the old file or the new one, never half of either.
 */
export function writeOwnerOnlyJson(file: string, data: unknown): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'w', OWNER_ONLY);
  try {
    fs.fchmodSync(fd, OWNER_ONLY);
    fs.writeFileSync(fd, JSON.stringify(data));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** What was read: the parsed JSON, and whether other users could have read it too. */
export interface OwnerOnlyRead {
  data: unknown;
  /** Group or others had read access (never on Windows, whose modes say nothing of it). */
  exposed: boolean;
}

/** Reads a file written by writeOwnerOnlyJson; null when it is missing or not JSON. */
export function readOwnerOnlyJson(file: string): OwnerOnlyRead | null {
  let text: string;
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return {
      data: JSON.parse(text),
      exposed: process.platform !== 'win32' && (mode & 0o077) !== 0,
    };
  } catch {
    return null;
  }
}

/** Removes the file; a file already gone is fine. */
export function removeOwnerOnlyFile(file: string): void {
  fs.rmSync(file, { force: true });
}
