import diagnostics from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { heavyJobStarting, type HeavyJobStarting } from '../services/heavy-jobs.ts';
import { importLargeMeeting, largeMeetingFile } from './test-support/large-meeting.ts';
import { importMeetingFile } from './test-support/meeting-file.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';

/**
 * Heavy jobs (exports, meeting file imports) run in worker threads, one per meeting at a time
 * and two in all, and tell the organizer how far they have come. Exports take turns on a worker
 * that is kept between them (the Office writers loaded once). Jobs are held in flight with
 * the heavyJobStarting hook (a diagnostics channel: only this process can reach it), so what is
 * checked follows from order, never from how long anything takes.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let meetingIds: string[];
beforeAll(async () => {
  server = await startTestServer();
  meetingIds = [0, 1, 2].map(
    () => server.handlers['meetings.createSample']({ date: SAMPLE_DATE }).meeting.id,
  );
});
afterAll(() => server.cleanup());

const exportOf = (meetingId: string, name: string) =>
  fetch(`${server.url}/api/meetings/${meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });

/** Holds every heavy job that starts while `during` runs, until it returns; the jobs seen. */
async function holdingJobs<T>(
  during: (started: () => HeavyJobStarting[]) => Promise<T>,
): Promise<T> {
  const started: HeavyJobStarting[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const onStart = (message: unknown) => {
    const starting = message as HeavyJobStarting;
    starting.hold(released);
    started.push(starting);
  };
  heavyJobStarting.subscribe(onStart);
  try {
    return await during(() => started);
  } finally {
    heavyJobStarting.unsubscribe(onStart);
    release();
  }
}

/** Resolves once `count` jobs have taken their place (and are held there). */
async function jobsInFlight(started: () => HeavyJobStarting[], count: number) {
  while (started().length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('heavy jobs', () => {
  it('makes exports in a worker thread kept warm between them, and replaces one that died', async () => {
    const workers: Worker[] = [];
    const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);
    const exportAll = async (names: string[]) => {
      for (const name of names) {
        const res = await exportOf(meetingIds[0] as string, name);
        expect(res.status, name).toBe(200);
        await res.arrayBuffer();
      }
    };
    diagnostics.subscribe('worker_threads', onWorker);
    try {
      await exportAll(['slides.pptx', 'minutes.md', 'meeting.roundtable']);
      expect(workers).toHaveLength(1);
      // The kept worker dies while it waits: the next export is made on a new one, kept too.
      const died = new Promise((resolve) => workers[0]?.once('exit', resolve));
      await workers[0]?.terminate();
      await died;
      await exportAll(['slides.pptx', 'minutes.docx']);
      expect(workers).toHaveLength(2);
    } finally {
      diagnostics.unsubscribe('worker_threads', onWorker);
    }
  });

  it('ends the worker it keeps when the server closes', async () => {
    const other = await startTestServer();
    const meetingId = other.handlers['meetings.createSample']({ date: SAMPLE_DATE }).meeting.id;
    const workers: Worker[] = [];
    const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);
    diagnostics.subscribe('worker_threads', onWorker);
    try {
      const res = await fetch(`${other.url}/api/meetings/${meetingId}/export/minutes.md`, {
        headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(res.status).toBe(200);
    } finally {
      diagnostics.unsubscribe('worker_threads', onWorker);
    }
    expect(workers).toHaveLength(1);
    const ended = new Promise((resolve) => workers[0]?.once('exit', resolve));
    await other.cleanup();
    await ended;
  });

  it('answers 429 with Retry-After to a second job for the same meeting while one runs', async () => {
    const [a, b, c] = meetingIds as [string, string, string];
    const first = await holdingJobs(async (started) => {
      const running = exportOf(a, 'slides.pptx');
      await jobsInFlight(started, 1);
      const again = await exportOf(a, 'minutes.md');
      expect(again.status, await again.clone().text()).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const refusal = ((await again.json()) as Json).error;
      expect(refusal.code).toBe('busy');
      expect(refusal.reason).toBe('server.busy');
      expect(refusal.params.seconds).toBe(Number(again.headers.get('retry-after')));
      expect(refusal.message).toMatch(
        /slides\.pptx of this meeting is being made.*try again in \d+ s/,
      );

      // Another meeting's export goes ahead; a third job in all waits its turn, imports too.
      const other = exportOf(b, 'timing.csv');
      await jobsInFlight(started, 2);
      const third = await exportOf(c, 'minutes.md');
      expect(third.status).toBe(429);
      expect(((await third.json()) as Json).error.message).toMatch(/already making 2/);
      const file = await importMeetingFile(server.url, largeMeetingFile(3, 10), true);
      expect(file.status).toBe(429);
      // Handed out unawaited: they finish once released, after this returns.
      return { answers: Promise.all([running, other]) };
    });
    expect((await first.answers).map((res) => res.status)).toEqual([200, 200]);
    // Each place is free again once its job is done.
    expect((await exportOf(a, 'minutes.md')).status).toBe(200);
    expect((await exportOf(c, 'minutes.md')).status).toBe(200);
  });

  it('refuses an export that runs out of memory with a clear message, and goes on', async () => {
    const big = await importLargeMeeting(server, 200, 5000);
    const onStart = (message: unknown) => {
      (message as HeavyJobStarting).job.heapLimitMb = 32;
    };
    heavyJobStarting.subscribe(onStart);
    let refused: Response;
    try {
      refused = await exportOf(big, 'slides.pptx');
    } finally {
      heavyJobStarting.unsubscribe(onStart);
    }
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as Json).error.message).toMatch(
      /slides\.pptx of this meeting needs more memory than the 32 MiB one export may use/,
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const api = jsonApi(server.url, TEST_TOKEN);
    expect((await api('PATCH', `/api/meetings/${big}`, { venue: '第二会议室' })).status).toBe(200);
    const again = await exportOf(big, 'slides.pptx');
    expect(again.status).toBe(200);
    expect(
      Buffer.from(await again.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 120_000);

  it("tells the organizer's screens how far a job has come, and no device", async () => {
    const api = jsonApi(server.url, TEST_TOKEN);
    const sharing = (await api('POST', '/api/sharing', { enabled: true })).body;
    const lan = (sharing.urls[0] as string).replace(/\/$/, '');
    const joined = await jsonApi(lan, '')('POST', '/api/session', {
      code: sharing.code,
      role: 'projector',
    });
    const listen = async (origin: string, token: string) => {
      const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`);
      const events: Json[] = [];
      ws.on('message', (data) => events.push(JSON.parse(String(data)) as Json));
      await new Promise((resolve) => ws.once('open', resolve));
      return { ws, jobs: () => events.filter((e) => e.kind === 'job.progress') };
    };
    const organizer = await listen(server.url, TEST_TOKEN);
    const projector = await listen(lan, joined.body.token as string);
    try {
      const res = await exportOf(meetingIds[1] as string, 'slides.pptx');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      // Sent before the answer, so on each socket they come before the answer to a ping.
      for (const { ws } of [organizer, projector]) {
        await new Promise<void>((resolve) => {
          const onMessage = (data: unknown) => {
            const event = JSON.parse(String(data)) as Json;
            if (event.kind !== 'pong' || event.clientSentAt !== 42) return;
            ws.off('message', onMessage);
            resolve();
          };
          ws.on('message', onMessage);
          ws.send(JSON.stringify({ kind: 'ping', clientSentAt: 42 }));
        });
      }
      const seen = organizer.jobs().map((e) => e.job);
      expect(seen[0]).toMatchObject({
        meetingId: meetingIds[1],
        kind: 'export',
        name: 'slides.pptx',
        state: 'running',
      });
      expect(seen.at(-1)).toMatchObject({ state: 'done', fraction: 1 });
      expect(new Set(seen.map((job) => job.id)).size).toBe(1);
      expect(projector.jobs()).toEqual([]);
    } finally {
      organizer.ws.close();
      projector.ws.close();
      await api('POST', '/api/sharing', { enabled: false });
    }
  });
});
