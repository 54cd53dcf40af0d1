/**
 * The soak test: `npm run soak -- --hours 0.5`. Runs the real server (as `npm run serve` does)
 * through a long meeting: the sample meeting running, three screens connected over WebSocket
 * and syncing their clocks as the screens do, a note every 5 s, the next speaker now and then.
 * Every minute it prints the server's heap (GET /api/diagnostics) and RSS (/proc); at the end,
 * the heap growth after the first 5 minutes, when start-up and first-use allocations are over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { rssMiB } from '../bench/proc.ts';
import { SAMPLE_DATE, startServe, type ServeProcess } from '../e2e/serve-process.ts';
import { jsonApi } from '../electron/server/test-support/test-server.ts';

const usage = 'usage: npm run soak -- [--hours <h>] [--sample-seconds <s>]';
const { values } = parseArgs({
  options: {
    hours: { type: 'string', default: '1' },
    // Shorter for trying the script out; the figures are read once a minute.
    'sample-seconds': { type: 'string', default: '60' },
  },
});
const hours = Number(values.hours);
const sampleMs = Number(values['sample-seconds']) * 1000;
if (!(hours > 0) || !(sampleMs >= 1000)) {
  console.error(`--hours must be above 0 and --sample-seconds at least 1\n${usage}`);
  process.exit(2);
}
const NOTE_EVERY_MS = 5_000;
const NEXT_SPEAKER_EVERY_MS = 90_000;
const SETTLED_AFTER_MS = 5 * 60_000;
const SCREENS = 3;
const MiB = 1024 * 1024;

interface Sample {
  atMs: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  rssMiB: number;
}

const counts = { notes: 0, nextSpeakers: 0, failures: 0, wsMessages: 0, wsReconnects: 0 };

/** A screen: connected for the whole run, pinging as renderer/api/live.ts does. */
function connectScreen(serve: ServeProcess, isRunning: () => boolean): void {
  const url = `${serve.origin.replace('http', 'ws')}/ws?token=${serve.token}`;
  const ws = new WebSocket(url, { origin: serve.origin });
  let pings = 0;
  let timer: NodeJS.Timeout | undefined;
  const ping = () => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify({ kind: 'ping', clientSentAt: Date.now() }));
    pings += 1;
    timer = setTimeout(ping, pings < 5 ? 150 : 30_000);
  };
  ws.on('open', ping);
  ws.on('message', () => (counts.wsMessages += 1));
  ws.on('error', () => {});
  ws.on('close', () => {
    clearTimeout(timer);
    if (!isRunning()) return;
    counts.wsReconnects += 1;
    setTimeout(() => connectScreen(serve, isRunning), 1000);
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-soak-'));
const serve = await startServe(dataDir);
const pid = serve.child.pid as number;
const api = jsonApi(serve.origin, serve.token);
const { meeting, items } = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body;
const run = `/api/meetings/${meeting.id}/run`;
let currentItemId: string = (await api('POST', `${run}/next`)).body.currentItemId;
let running = true;
for (let i = 0; i < SCREENS; i++) connectScreen(serve, () => running);

async function saveNote(): Promise<void> {
  const n = counts.notes + 1;
  const text = `第${n}条：把党支部建在项目上，问题解决在一线（${new Date().toISOString()}）`;
  const res = await api('POST', `/api/meetings/${meeting.id}/items/${currentItemId}/notes`, {
    kind: 'takeaway',
    text,
  });
  if (res.status === 201) counts.notes += 1;
  else counts.failures += 1;
}

/** The next speaker; after the last, the meeting starts over from the first item. */
async function nextSpeaker(): Promise<void> {
  let view = (await api('POST', `${run}/next`)).body;
  if (!view.currentItemId) {
    await api('POST', `${run}/goto`, { itemId: items[0].id });
    view = (await api('POST', `${run}/next`)).body;
  }
  if (view.currentItemId) {
    currentItemId = view.currentItemId;
    counts.nextSpeakers += 1;
  } else counts.failures += 1;
}

async function sample(startedAt: number): Promise<Sample> {
  const { memory } = (await api('GET', '/api/diagnostics')).body;
  return {
    atMs: Date.now() - startedAt,
    heapUsedMiB: memory.heapUsed / MiB,
    heapTotalMiB: memory.heapTotal / MiB,
    rssMiB: rssMiB(pid),
  };
}

const guard = (work: () => Promise<void>) => () => {
  work().catch(() => (counts.failures += 1));
};

const fmt = (n: number) => n.toFixed(1).padStart(7);
const minutes = (ms: number) => (ms / 60_000).toFixed(1).padStart(6);
console.log(
  `Soak: ${hours} h, ${SCREENS} screens, a note every ${NOTE_EVERY_MS / 1000} s, ` +
    `the next speaker every ${NEXT_SPEAKER_EVERY_MS / 1000} s (server pid ${pid})`,
);
console.log(' minute  heap MiB  heap total   RSS MiB   notes  ws messages  failures');
const startedAt = Date.now();
const samples: Sample[] = [];
const print = (s: Sample) =>
  console.log(
    `${minutes(s.atMs)}  ${fmt(s.heapUsedMiB)}  ${fmt(s.heapTotalMiB)}    ${fmt(s.rssMiB)}  ` +
      `${String(counts.notes).padStart(6)}  ${String(counts.wsMessages).padStart(11)}  ${counts.failures}`,
  );
samples.push(await sample(startedAt));
print(samples[0] as Sample);

const timers = [
  setInterval(guard(saveNote), NOTE_EVERY_MS),
  setInterval(guard(nextSpeaker), NEXT_SPEAKER_EVERY_MS),
  setInterval(
    guard(async () => {
      const s = await sample(startedAt);
      samples.push(s);
      print(s);
    }),
    sampleMs,
  ),
];
await new Promise((r) => setTimeout(r, hours * 3_600_000));
running = false;
timers.forEach(clearInterval);
const last = await sample(startedAt);
samples.push(last);
print(last);
await serve.stop('SIGTERM');
fs.rmSync(dataDir, { recursive: true, force: true });

// The first sample at or after 5 minutes (the first one at all, in a shorter run).
const settled = samples.find((s) => s.atMs >= SETTLED_AFTER_MS) ?? (samples[0] as Sample);
const since =
  settled.atMs >= SETTLED_AFTER_MS
    ? 'after the first 5 minutes'
    : 'over the whole run (shorter than 5 minutes)';
const growth = (from: number, to: number) => `${(((to - from) / from) * 100).toFixed(1)} %`;
const heaps = samples.filter((s) => s.atMs >= settled.atMs).map((s) => s.heapUsedMiB);
// One reading lands anywhere between two garbage collections; the lowest reading of a few
// minutes is close to what is really kept alive, so the floors are compared too.
const floorBetween = (from: number, to: number) =>
  Math.min(...samples.filter((s) => s.atMs >= from && s.atMs <= to).map((s) => s.heapUsedMiB));
const earlyFloor = floorBetween(settled.atMs, settled.atMs + SETTLED_AFTER_MS);
const lateFloor = floorBetween(last.atMs - SETTLED_AFTER_MS, last.atMs);
console.log(
  [
    '',
    `ran ${minutes(last.atMs).trim()} min: ${counts.notes} notes, ${counts.nextSpeakers} next speakers, ` +
      `${counts.wsMessages} WebSocket messages to ${SCREENS} screens, ${counts.wsReconnects} reconnects, ` +
      `${counts.failures} failed requests`,
    `heap after ${minutes(settled.atMs).trim()} min: ${settled.heapUsedMiB.toFixed(1)} MiB; ` +
      `at the end: ${last.heapUsedMiB.toFixed(1)} MiB; ` +
      `lowest/highest since: ${Math.min(...heaps).toFixed(1)}/${Math.max(...heaps).toFixed(1)} MiB`,
    `heap growth ${since}: ${growth(settled.heapUsedMiB, last.heapUsedMiB)}`,
    `heap floor (lowest reading over 5 minutes): ${earlyFloor.toFixed(1)} MiB from minute ` +
      `${minutes(settled.atMs).trim()}, ${lateFloor.toFixed(1)} MiB in the last 5 minutes ` +
      `(${growth(earlyFloor, lateFloor)})`,
    `RSS growth ${since}: ${growth(settled.rssMiB, last.rssMiB)} ` +
      `(${settled.rssMiB.toFixed(1)} → ${last.rssMiB.toFixed(1)} MiB)`,
  ].join('\n'),
);
if (counts.failures > 0 || counts.wsReconnects > 0) process.exitCode = 1;
