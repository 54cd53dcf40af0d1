import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const serveScript = path.resolve(import.meta.dirname, 'serve.ts');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-serve-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function runServe(args: string[], untilReady = true) {
  const child = spawn(process.execPath, [serveScript, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    stop(): Promise<number | null>;
  }>((resolve) => {
    const done = () =>
      resolve({ code: child.exitCode, stdout, stderr, stop: async () => child.exitCode });
    child.on('exit', done);
    if (untilReady) {
      child.stdout.on('data', () => {
        if (stdout.includes('Roundtable ready:')) {
          resolve({
            code: null,
            stdout,
            stderr,
            stop: () =>
              new Promise((r) => {
                child.once('exit', (code) => r(code));
                child.kill('SIGTERM');
              }),
          });
        }
      });
    }
  });
}

describe('npm run serve', () => {
  it('prints the ready line with a loopback address, a port and a token, and stops cleanly', async () => {
    const run = await runServe(['--port', '0', '--data-dir', tempDir()]);
    const match = /Roundtable ready: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]{20,})/.exec(
      run.stdout,
    );
    expect(match, run.stdout + run.stderr).not.toBeNull();
    const health = await fetch(`http://127.0.0.1:${match?.[1]}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    expect(await run.stop()).toBe(0);
  });

  it('refuses a damaged database with a message naming the file and no stack trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'roundtable.sqlite');
    fs.writeFileSync(file, 'this is not a database, just words '.repeat(300));
    const run = await runServe(['--port', '0', '--data-dir', dir], false);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('damaged');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toContain('Roundtable ready');
    expect(fs.readFileSync(file, 'utf8')).toContain('this is not a database');
  });

  it('refuses a bad port with usage', async () => {
    const run = await runServe(['--port', 'eighty'], false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port');
  });
});
