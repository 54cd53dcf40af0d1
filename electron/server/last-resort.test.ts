import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-last-resort-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A real process, since what is tested is what Node does with an exception nobody caught: a
 * timer throws, then a promise is rejected unhandled, then the server stops serving and one
 * more throw comes. Each step runs after the previous one, so the order is fixed.
 */
const SCRIPT = `
import { installLastResort } from ${JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, 'last-resort.ts')).href)};
let serving = true;
installLastResort({
  log: (message) => console.error(message),
  stillServing: () => serving,
  stop: (errorId) => { console.log('stopping after ' + errorId); process.exit(1); },
});
setTimeout(() => {
  setTimeout(() => {
    setTimeout(() => {
      console.log('still here');
      serving = false;
      throw new Error('after the server closed');
    });
    void Promise.reject(new Error('nobody awaited this'));
  });
  throw new Error('a timer broke');
});
`;

describe('the last resort', () => {
  it('logs an uncaught exception or rejection with an error id and goes on; stops once nothing serves', () => {
    const file = path.join(dir, 'throws.ts');
    fs.writeFileSync(file, SCRIPT);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('roundtable: error'));
    expect(lines, run.stderr).toEqual([
      expect.stringMatching(
        /^roundtable: error [0-9a-f]{8}: an uncaught exception; the server goes on: Error: a timer broke$/,
      ),
      expect.stringMatching(
        /^roundtable: error [0-9a-f]{8}: a rejection nobody handled; the server goes on: Error: nobody awaited this$/,
      ),
      expect.stringMatching(
        /^roundtable: error ([0-9a-f]{8}): an uncaught exception, and the server no longer serves; stopping: Error: after the server closed$/,
      ),
    ]);
    expect(run.stderr).toMatch(/\n\s+at /); // each with its stack
    const lastId = /error ([0-9a-f]{8})/.exec(lines[2] ?? '')?.[1];
    expect(run.stdout).toBe(`still here\nstopping after ${lastId}\n`);
    expect(run.status).toBe(1);
  });
});
