import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real, small file system that the tests can fill to the last byte. */
export interface SmallTmpfs {
  dir: string;
  /**
   * Writes `filler` until the file system answers ENOSPC, so nothing else can grow a file, then
   * gives `leaveBytes` back; answers its path. Removing it gives all the space back.
   */
  fill(leaveBytes?: number): string;
  unmount(): void;
}

function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return (result.stderr || result.error?.message || `${command} failed`).trim();
}

function fillUntilFull(file: string): void {
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 0x5a);
  try {
    // Blocks first, then single bytes: the last partial page of the device goes too.
    for (const chunk of [block, block.subarray(0, 1)]) {
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A tmpfs of `size` (mount's syntax: `2m`) on a new temporary folder. Returns why not when this
 * machine cannot mount (not root, no CAP_SYS_ADMIN); the caller skips with that reason, or fails
 * under CI.
 */
export function mountSmallTmpfs(size: string): SmallTmpfs | { cannot: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-small-disk-'));
  const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (failed) {
    fs.rmdirSync(dir);
    return { cannot: `cannot mount a ${size} tmpfs here (${failed})` };
  }
  return {
    dir,
    fill(leaveBytes = 0) {
      const file = path.join(dir, 'filler');
      fillUntilFull(file);
      if (leaveBytes > 0) fs.truncateSync(file, Math.max(0, fs.statSync(file).size - leaveBytes));
      return file;
    },
    unmount() {
      const error = run('umount', [dir]);
      if (error) throw new Error(`umount ${dir}: ${error}`);
      fs.rmdirSync(dir);
    },
  };
}

/**
 * Whether the tests that need a small tmpfs run here: a trial mount says. Where it cannot
 * (not root, a container without CAP_SYS_ADMIN) they are skipped with the reason printed, and
 * under CI they fail with it instead.
 */
export function smallTmpfsGate(test: string): { skip: boolean; require(): void } {
  const trial = mountSmallTmpfs('64k');
  const cannot = 'cannot' in trial ? trial.cannot : null;
  if (!('cannot' in trial)) trial.unmount();
  const mustRun = Boolean(process.env.CI);
  if (cannot && !mustRun) console.warn(`${test} skipped: ${cannot}`);
  return {
    skip: cannot !== null && !mustRun,
    require() {
      if (cannot) throw new Error(`CI must run the ${test}, but ${cannot}`);
    },
  };
}
