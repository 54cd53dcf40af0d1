import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerEvent } from '../api/events.ts';
import { sampleRequest, startServe, type ServeProcess } from '../../e2e/serve-process.ts';
import { DATABASE_FILE_NAME } from '../store/db.ts';
import { mountSmallTmpfs, smallTmpfsGate, type SmallTmpfs } from './test-support/small-tmpfs.ts';

/**
 * The real `serve` process on a real 2 MiB file system, filled to the last byte: writes are
 * refused with 507 and a sentence about the disk, nothing is half-written, the server goes on
 * serving what it can (its checkpointer and backups fail quietly and retry), and once space
 * returns the same write succeeds without a restart.
 */
const gate = smallTmpfsGate('disk-full test');

const mounts: SmallTmpfs[] = [];
const servers: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  for (const m of mounts.splice(0)) m.unmount();
});

function smallDisk(): SmallTmpfs {
  gate.require();
  const mount = mountSmallTmpfs('2m');
  if ('cannot' in mount) throw new Error(mount.cannot);
  mounts.push(mount);
  return mount;
}

/** The server, and everything it has written to stderr so far. */
async function serveOn(dir: string) {
  const serve = await startServe(dir);
  servers.push(serve);
  let log = '';
  serve.child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { serve, log: () => log };
}

function api(serve: ServeProcess) {
  const headers = { Authorization: `Bearer ${serve.token}` };
  return {
    get: async (route: string) => {
      const res = await fetch(`${serve.origin}${route}`, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    post: async (route: string, body: object) => {
      const res = await fetch(`${serve.origin}${route}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

/** Polls the server's log until `pattern` shows up; a pause for a timer, not a timing check. */
async function waitForLog(log: () => string, pattern: RegExp, what: string): Promise<void> {
  for (let i = 0; i < 200 && !pattern.test(log()); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!pattern.test(log())) throw new Error(`the server never logged ${what}:\n${log()}`);
}

/** Polls until `done`; a wait for the server, never a timing check. */
async function waitFor(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!done()) throw new Error(`never saw ${what}`);
}

/** A screen's view of the run: the last run.changed it was sent. */
async function watchRun(serve: ServeProcess) {
  const port = new URL(serve.origin).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${serve.token}`);
  let last: Record<string, unknown> | undefined;
  let pongs = 0;
  ws.on('message', (data) => {
    const event = JSON.parse(String(data)) as ServerEvent;
    if (event.kind === 'run.changed') last = event.run as unknown as Record<string, unknown>;
    if (event.kind === 'pong') pongs++;
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    /** After the pong to a ping sent now, every event sent before it has arrived. */
    async settled() {
      const before = pongs;
      ws.send(JSON.stringify({ kind: 'ping', clientSentAt: 0 }));
      await waitFor(() => pongs > before, 'the pong');
      return last;
    },
    close: () => ws.close(),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough that a few of them fill what is left of the WAL once the disk is full. */
const bigNote = (n: number) => `第${n}条：${'以实干论英雄，我当网格员。'.repeat(250)}`;

async function sampleMeeting(serve: ServeProcess) {
  const res = await fetch(
    `${serve.origin}/api/meetings/sample`,
    sampleRequest({ Authorization: `Bearer ${serve.token}` }),
  );
  const sample = (await res.json()) as { meeting: { id: string }; items: { id: string }[] };
  const meetingId = sample.meeting.id;
  const itemId = sample.items[1]?.id ?? '';
  return { meetingId, itemId, notesRoute: `/api/meetings/${meetingId}/items/${itemId}/notes` };
}

describe.skipIf(gate.skip)('a full disk under the data folder (a real 2 MiB tmpfs)', () => {
  it('refuses writes with 507, keeps serving, and takes the same write once space returns', async () => {
    const disk = smallDisk();
    const { serve, log } = await serveOn(disk.dir);
    const client = api(serve);
    const { meetingId, notesRoute } = await sampleMeeting(serve);
    const runRoute = `/api/meetings/${meetingId}/run`;
    await client.post(`${runRoute}/next`, {});
    await client.post(`${runRoute}/next`, {});
    const screen = await watchRun(serve);
    const acknowledged = new Map<string, string>();
    const first = await client.post(notesRoute, { kind: 'takeaway', text: '写满之前的一条' });
    expect(first.status).toBe(201);
    acknowledged.set(String(first.body.id), '写满之前的一条');
    const notesBefore = (await client.get(notesRoute)).body.notes as unknown[];

    const filler = disk.fill();
    // The WAL's own length can still take a few commits; then a write has to grow a file.
    let refused: { status: number; body: Record<string, unknown>; text: string } | undefined;
    for (let n = 1; n <= 100 && !refused; n++) {
      const answer = await client.post(notesRoute, { kind: 'takeaway', text: bigNote(n) });
      if (answer.status === 201) acknowledged.set(String(answer.body.id), bigNote(n));
      else refused = { ...answer, text: bigNote(n) };
    }
    expect(refused?.status).toBe(507);
    expect(refused?.body.error).toMatchObject({ code: 'storage_full' });
    const message = String((refused?.body.error as { message?: unknown }).message);
    expect(message).toMatch(/disk .*full/i);
    expect(message).toMatch(/nothing was saved/i);

    // Nothing half-written: exactly the acknowledged notes, the refused one nowhere.
    const notesNow = await client.get(notesRoute);
    expect(notesNow.status).toBe(200);
    const ids = (notesNow.body.notes as { id: string }[]).map((n) => n.id);
    expect(ids.length).toBe(notesBefore.length + acknowledged.size - 1);
    for (const id of acknowledged.keys()) expect(ids).toContain(id);
    expect(JSON.stringify(notesNow.body)).not.toContain(refused?.text.slice(0, 40));

    // A run command that finds no room: refused, and every screen is put back to the clock as
    // stored (they are told of a command before its commit, to show it a disk write sooner).
    let lastRun = (await client.get(runRoute)).body;
    let refusedRun: { status: number; body: Record<string, unknown> } | undefined;
    let runCommandsTaken = 0;
    for (let n = 0; n < 200 && !refusedRun; n++) {
      const answer = await client.post(`${runRoute}/adjust`, { deltaMs: 60_000 });
      if (answer.status === 200) [lastRun, runCommandsTaken] = [answer.body, n + 1];
      else refusedRun = answer;
    }
    console.log(
      `disk-full test: once the disk was full, ${acknowledged.size - 1} notes and then ` +
        `${runCommandsTaken} run commands still fitted in the WAL before the first refusal (507)`,
    );
    expect(refusedRun?.status).toBe(507);
    expect(refusedRun?.body.error).toMatchObject({ code: 'storage_full' });
    const storedRun = (await client.get(runRoute)).body;
    expect(storedRun.clock).toEqual(lastRun.clock);
    expect((await screen.settled())?.clock).toEqual(lastRun.clock);
    screen.close();

    // The checkpointer meets the full disk too: it says so once and keeps trying, quietly.
    await waitForLog(log, /checkpoint.*disk.*full/i, 'the failed checkpoint');
    await pause(2_000); // eight of its intervals
    expect(log().match(/checkpoint.*disk.*full/gi)).toHaveLength(1);
    expect(log()).not.toMatch(/uncaught exception|rejection nobody handled/);
    expect(serve.child.exitCode).toBeNull();
    expect(serve.child.signalCode).toBeNull();

    // Reads go on: the meeting, the run state the clocks show, the notes, the health check.
    expect((await fetch(`${serve.origin}/healthz`)).status).toBe(200);
    expect((await client.get(`/api/meetings/${meetingId}`)).status).toBe(200);
    expect((await client.get(`/api/meetings/${meetingId}/run`)).status).toBe(200);

    // Space comes back: the very same note is taken, by the same process.
    fs.rmSync(filler);
    const retried = await client.post(notesRoute, { kind: 'takeaway', text: refused?.text });
    expect(retried.status).toBe(201);
    acknowledged.set(String(retried.body.id), refused?.text ?? '');
    await waitForLog(log, /checkpoint.*again/i, 'that checkpoints work again');
    expect(serve.child.exitCode).toBeNull();

    // A restart finds every acknowledged note, and a sound database.
    await serve.stop();
    const again = await serveOn(disk.dir);
    const after = await api(again.serve).get(notesRoute);
    const saved = new Map(
      (after.body.notes as { id: string; text: string }[]).map((n) => [n.id, n.text]),
    );
    for (const [id, text] of acknowledged) expect(saved.get(id)).toBe(text);
    await again.serve.stop();
    const db = new Database(path.join(disk.dir, DATABASE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);

  it('a backup that finds no room fails alone: logged, its partial file gone, the server going on', async () => {
    const disk = smallDisk();
    const first = await serveOn(disk.dir);
    const { meetingId, notesRoute } = await sampleMeeting(first.serve);
    await first.serve.stop();

    // Room to start (the WAL index, the lock) but not for a copy of the database.
    disk.fill(96 * 1024);
    // A meeting and no backup yet: one is taken at start, and the disk cannot hold it.
    const { serve, log } = await serveOn(disk.dir);
    await waitForLog(
      log,
      /backup \(daily\) was not made: the disk .* is full/,
      'the failed backup',
    );
    await pause(1_000);
    expect(log()).not.toMatch(/uncaught exception|rejection nobody handled/);
    expect(serve.child.exitCode).toBeNull();
    const backups = path.join(disk.dir, 'backups');
    const left = fs.existsSync(backups) ? fs.readdirSync(backups) : [];
    expect(left.filter((name) => name.endsWith('.partial'))).toEqual([]);

    const client = api(serve);
    expect((await client.get(`/api/meetings/${meetingId}/run`)).status).toBe(200);
    // What the failed backup took, it gave back: a note still fits.
    const note = await client.post(notesRoute, { kind: 'insight', text: '备份失败之后的一条' });
    expect(note.status).toBe(201);
  }, 60_000);
});
