import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FAKE_ONTIME = path.join(import.meta.dirname, 'test-support', 'fake-ontime.ts');
const tempDirs: string[] = [];
/** What the benchmark started, ended after each test should the benchmark have left it. */
const started: number[] = [];

/** True while `pid` runs; a zombie has ended, only its exit status is left to collect. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Runs `npm run bench:peer` (as `node bench/peer.ts`) against a fake Ontime that fails as
 * `failure` says; `signal` is sent to the benchmark once it has started Ontime. Resolves with
 * how it ended, what it said, and the PID of every process it started.
 */
function runPeerBench(failure: string, signal?: NodeJS.Signals) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-peer-cleanup-'));
  tempDirs.push(dir);
  const pidFile = path.join(dir, 'ontime.pid');
  const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'peer.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ONTIME_SERVER: FAKE_ONTIME,
      FAKE_ONTIME_FAILURE: failure,
      FAKE_ONTIME_PID_FILE: pidFile,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (signal && /started ontime \(pid \d+\)/.test(stderr)) {
      child.kill(signal);
      signal = undefined;
    }
  });
  return new Promise<{ code: number | null; stderr: string; pids: Map<string, number> }>(
    (resolve) => {
      child.once('exit', (code) => {
        const pids = new Map<string, number>();
        for (const [, name = '', pid] of stderr.matchAll(/started (\w+) \(pid (\d+)\)/g)) {
          pids.set(name, Number(pid));
        }
        if (fs.existsSync(pidFile))
          pids.set('ontime (its own word)', Number(fs.readFileSync(pidFile, 'utf8')));
        started.push(...pids.values());
        resolve({ code, stderr, pids });
      });
    },
  );
}

afterEach(() => {
  for (const pid of started.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('bench:peer leaves no process it started', () => {
  it.each([
    ['exits', /Ontime exited with code 3 before it was ready/],
    ['start-refused', /Ontime did not play its second entry: \/api\/start\/index\/2 500/],
    ['dies-in-round', /bench:peer stopped: /],
  ])(
    'when Ontime %s: says why, exits 1, and every server it started is gone',
    async (failure, said) => {
      const { code, stderr, pids } = await runPeerBench(failure);

      expect(stderr).toMatch(said);
      expect(code).toBe(1);
      expect([...pids.keys()]).toEqual(expect.arrayContaining(['floor', 'ontime']));
      for (const [name, pid] of pids)
        expect({ name, running: isRunning(pid) }).toEqual({ name, running: false });
    },
    60_000,
  );

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s while Ontime loads: exits %i, and every server it started is gone',
    async (signal, exitCode) => {
      const { code, stderr, pids } = await runPeerBench('never-loads', signal);

      expect(stderr).toContain(`bench: ${signal}, ending the servers it started`);
      expect(code).toBe(exitCode);
      expect([...pids.keys()]).toEqual(expect.arrayContaining(['floor', 'ontime']));
      for (const [name, pid] of pids)
        expect({ name, running: isRunning(pid) }).toEqual({ name, running: false });
    },
    60_000,
  );
});
