import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { ServerEvent } from '../api/events.ts';
import { startServer } from './app.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { TEST_TOKEN, type Json } from './test-support/test-server.ts';
import { sampleRunServer } from './test-support/sample-run.ts';

const MIN = 60_000;
const sample = sampleRunServer();
const { post, getRun } = sample;

describe('the run over the HTTP control API', () => {
  it('starts idle, then "next" starts the opening with its countdown facts', async () => {
    const idle = await getRun();
    expect(idle).toMatchObject({
      currentItemId: null,
      clock: null,
      remainingMs: null,
      screen: 'live',
      message: '',
    });
    const askedAt = Date.now(); // the server runs in this process, on the same clock
    const { body } = await post('next');
    expect(body.currentItemId).toBe(sample.itemIds[0]);
    expect(body.clock).toMatchObject({
      itemId: sample.itemIds[0],
      plannedMs: 5 * MIN,
      addedMs: 0,
      pausedAt: null,
      pausedMs: 0,
    });
    // Started by this command: after it was sent and no later than the answer's own time.
    expect(body.clock.startedAt).toBeGreaterThanOrEqual(askedAt);
    expect(body.clock.startedAt).toBeLessThanOrEqual(body.serverNow);
    expect(body.remainingMs).toBe(5 * MIN - (body.serverNow - body.clock.startedAt));
    expect(body.thresholds).toEqual({ warningMs: 60_000, dangerMs: 0 });
  });

  it('pauses, adds and removes time, resumes, with the remaining time computed at serverNow', async () => {
    const paused = (await post('pause')).body;
    expect(paused.clock.pausedAt).not.toBeNull();
    const before = paused.remainingMs;
    await new Promise((r) => setTimeout(r, 150));
    expect((await getRun()).remainingMs).toBe(before);
    expect((await post('adjust', { deltaMs: MIN })).body.remainingMs).toBe(before + MIN);
    expect((await post('adjust', { deltaMs: -2 * MIN })).body.remainingMs).toBe(before - MIN);
    const resumed = (await post('resume')).body;
    expect(resumed.clock.pausedAt).toBeNull();
    expect(resumed.remainingMs).toBeLessThanOrEqual(before - MIN);
  });

  it('moves through the agenda: next, stop (cues the next), start, skip, goto, previous', async () => {
    expect((await post('next')).body.currentItemId).toBe(sample.itemIds[1]);
    const stopped = (await post('stop')).body;
    expect(stopped).toMatchObject({
      currentItemId: sample.itemIds[2],
      clock: null,
      remainingMs: null,
    });
    expect(stopped.itemRuns.find((r: Json) => r.itemId === sample.itemIds[1])).toMatchObject({
      status: 'done',
    });
    expect((await post('start')).body.clock.itemId).toBe(sample.itemIds[2]);
    const skipped = (await post('skip')).body;
    expect(skipped.currentItemId).toBe(sample.itemIds[3]);
    // Skipped while talking: their turn ended, and it counts as spoken.
    expect(skipped.itemRuns.find((r: Json) => r.itemId === sample.itemIds[2])).toMatchObject({
      status: 'done',
      turns: 1,
    });
    expect((await post('skip')).body.currentItemId).toBe(sample.itemIds[4]);
    expect(
      (await getRun()).itemRuns.find((r: Json) => r.itemId === sample.itemIds[3]),
    ).toMatchObject({
      status: 'skipped',
      turns: 0,
    });
    expect((await post('goto', { itemId: sample.itemIds[12] })).body).toMatchObject({
      currentItemId: sample.itemIds[12],
      clock: null,
    });
    expect((await getRun()).thresholds).toEqual({ warningMs: 120_000, dangerMs: 0 });
    const back = (await post('previous')).body;
    expect(back.currentItemId).toBe(sample.itemIds[11]);
  });

  it('shows messages until cleared, and switches the screen', async () => {
    expect((await post('message', { text: '请抓紧时间' })).body.message).toBe('请抓紧时间');
    expect((await getRun()).message).toBe('请抓紧时间');
    expect((await post('message', { text: '' })).body.message).toBe('');
    expect((await post('screen', { mode: 'blackout' })).body.screen).toBe('blackout');
    expect((await post('screen', { mode: 'logo' })).body.screen).toBe('logo');
    expect((await post('screen', { mode: 'live' })).body.screen).toBe('live');
  });

  it('refuses what cannot be done with a clear message, and changes nothing', async () => {
    await post('goto', { itemId: sample.itemIds[5] });
    const before = await getRun();
    const pause = await post('pause');
    expect(pause.status).toBe(409);
    expect(pause.body.error.message).toContain('no speaker');
    expect(pause.body.error.reason).toBe('run.notRunning');
    expect((await post('goto', { itemId: 'nope' })).body.error.reason).toBe('run.unknownItem');
    expect((await post('message', { text: '请'.repeat(201) })).body.error).toMatchObject({
      reason: 'field.tooLong',
      params: { field: 'text', max: 200 },
    });
    expect((await post('adjust', { deltaMs: 0 })).body.error.field).toBe('deltaMs');
    expect((await post('adjust', { deltaMs: '60000' })).body.error.field).toBe('deltaMs');
    expect((await post('goto', { itemId: 'nope' })).status).toBe(409);
    expect((await post('message', { text: '请'.repeat(201) })).body.error.field).toBe('text');
    expect((await post('screen', { mode: 'disco' })).body.error.field).toBe('mode');
    const after = await getRun();
    expect({ ...after, serverNow: 0 }).toEqual({ ...before, serverNow: 0 });
  });

  it('pushes exactly one run.changed per command to every screen, and answers pings', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${sample.server.port}/ws?token=${TEST_TOKEN}`);
    const events: ServerEvent[] = [];
    ws.on('message', (data) => events.push(JSON.parse(String(data)) as ServerEvent));
    await new Promise((r) => ws.once('open', r));
    await post('start');
    await post('adjust', { deltaMs: 30_000 });
    ws.send(JSON.stringify({ kind: 'ping', clientSentAt: 12345 }));
    await new Promise((r) => setTimeout(r, 1500));
    ws.close();
    const kinds = events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'run.changed')).toHaveLength(2);
    expect(kinds.filter((k) => k !== 'run.changed' && k !== 'hello' && k !== 'pong')).toEqual([]);
    const pong = events.find((e) => e.kind === 'pong');
    expect(pong).toMatchObject({ clientSentAt: 12345, serverNow: expect.any(Number) });
  });
});

/** A server whose clock is the real one plus a shift the test sets: someone changing the time. */
async function serverOnSteppedClock(prefix: string) {
  let shift = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const s = await startServer({
    dataDir: dir,
    port: 0,
    staticDir: dir,
    token: TEST_TOKEN,
    now: () => Date.now() + shift,
    log: () => {},
  });
  return { s, setShift: (ms: number) => (shift = ms) };
}

describe('a wall-clock step', () => {
  it('does not move a running countdown', async () => {
    const { s, setShift } = await serverOnSteppedClock('rt-step-');
    try {
      const { meeting } = s.handlers['meetings.createSample']({ date: SAMPLE_DATE });
      s.handlers['run.next']({ id: meeting.id });
      const readAt = performance.now();
      const before = s.handlers['run.get']({ id: meeting.id }).remainingMs as number;
      setShift(3_600_000); // someone sets the clock an hour ahead
      await new Promise((r) => setTimeout(r, 2300));
      const after = s.handlers['run.get']({ id: meeting.id }).remainingMs as number;
      const between = performance.now() - readAt; // real time, however busy the machine
      // The countdown moved by the time that really passed, not by the hour.
      expect(before - after).toBeGreaterThan(2300 - 100);
      expect(before - after).toBeLessThan(between + 100);
    } finally {
      await s.close();
    }
  });

  it('set back leaves a later change later: screens order a reload and an event by revision', async () => {
    const { s, setShift } = await serverOnSteppedClock('rt-step-back-');
    try {
      const { meeting } = s.handlers['meetings.createSample']({ date: SAMPLE_DATE });
      s.handlers['run.next']({ id: meeting.id });
      const held = s.handlers['run.get']({ id: meeting.id });
      setShift(-3_600_000); // someone sets the clock an hour back
      // The server absorbs the step and tells the screens, a change of its own.
      await vi.waitFor(
        () =>
          expect(s.handlers['run.get']({ id: meeting.id }).revision.change).toBeGreaterThan(
            held.revision.change,
          ),
        { timeout: 5000 },
      );
      const paused = s.handlers['run.pause']({ id: meeting.id });
      // By its time the pause looks an hour older than the run a screen held (a screen that kept
      // the later serverNow ignored every command for that hour); by its revision it is newer.
      expect(paused.serverNow).toBeLessThan(held.serverNow);
      expect(paused.revision.boot).toBe(held.revision.boot);
      expect(paused.revision.change).toBeGreaterThan(held.revision.change);
    } finally {
      await s.close();
    }
  });
});
