import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A folder the kernel itself keeps read-only (root ignores permission bits, not this). */
export interface ReadOnlyMount {
  dir: string;
  unmount(): void;
}

function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return (result.stderr || result.error?.message || `${command} failed`).trim();
}

/**
 * An empty read-only folder (a read-only tmpfs), or, with `contents`, that folder's files seen
 * through a read-only bind mount. Returns why not when this machine cannot mount (not root, no
 * CAP_SYS_ADMIN); the caller skips with that reason, or fails under CI.
 */
export function mountReadOnly(contents?: string): ReadOnlyMount | { cannot: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-read-only-'));
  const failed =
    contents === undefined
      ? run('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir])
      : (run('mount', ['--bind', contents, dir]) ?? run('mount', ['-o', 'remount,ro,bind', dir]));
  if (failed) {
    if (contents !== undefined) run('umount', [dir]);
    fs.rmdirSync(dir);
    return { cannot: `cannot mount a read-only folder here (${failed})` };
  }
  return {
    dir,
    unmount() {
      const error = run('umount', [dir]);
      if (error) throw new Error(`umount ${dir}: ${error}`);
      fs.rmdirSync(dir);
    },
  };
}
