import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE, startServe, type ServeProcess } from '../../e2e/serve-process.ts';
import { integrityOf, killAndRestart } from './test-support/crash-harness.ts';
import { jsonApi, type Json } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function call(
  serve: ServeProcess,
  method: string,
  url: string,
  body?: object,
): Promise<Json> {
  return (await jsonApi(serve.origin, serve.token)(method, url, body)).body;
}

const COMMANDS: [string, object?][] = [
  ['next'],
  ['pause'],
  ['resume'],
  ['adjust', { deltaMs: 60_000 }],
  ['next'],
  ['adjust', { deltaMs: -30_000 }],
  ['pause'],
  ['resume'],
];

describe('kill -9 in the middle of a countdown', () => {
  it('restores the running or paused clock exactly where wall-clock time says, every time', async () => {
    let serve = await startServe(dataDir);
    const { meeting } = await call(serve, 'POST', '/api/meetings/sample', {
      date: SAMPLE_DATE,
    });
    const runUrl = `/api/meetings/${meeting.id}/run`;

    for (const [command, body] of COMMANDS) {
      const acked = await call(serve, 'POST', `${runUrl}/${command}`, body ?? {});
      expect(acked.error, command).toBeUndefined();
      // Kill at a random moment after the answer: at once, or while the clock runs on.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
      serve = await killAndRestart(serve, dataDir);
      const restored = await call(serve, 'GET', runUrl);

      expect(restored.clock, command).toEqual(acked.clock);
      expect(restored.itemRuns, command).toEqual(acked.itemRuns);
      expect(restored.recovered, command).toBe(true);
      const paused = acked.clock.pausedAt !== null;
      const expected = paused
        ? acked.remainingMs
        : acked.remainingMs - (restored.serverNow - acked.serverNow);
      expect(Math.abs(restored.remainingMs - expected), command).toBeLessThan(1000);
    }
    await serve.stop('SIGKILL');
    expect(integrityOf(dataDir)).toBe('ok');
  });
});
