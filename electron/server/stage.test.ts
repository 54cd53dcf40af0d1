import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../api/events.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-stage-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A live socket and every event it has received so far. */
function listen(port: number): Promise<{ ws: WebSocket; events: ServerEvent[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${TEST_TOKEN}`);
    const events: ServerEvent[] = [];
    ws.on('error', reject);
    ws.on('message', (data) => {
      events.push(JSON.parse(String(data)) as ServerEvent);
      if (events.length === 1) resolve({ ws, events });
    });
  });
}

async function eventually(check: () => void): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      return check();
    } catch (error) {
      if (tries > 200) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('the meeting on stage', () => {
  it('follows the run and the organizer, is pushed to the screens, and survives a restart', async () => {
    const first = await startTestServer(dataDir);
    const api = jsonApi(first.url, TEST_TOKEN);
    const earlier = (
      await api('POST', '/api/meetings', {
        title: '上午场',
        date: '2026-03-02',
        startTime: '09:00',
      })
    ).body;
    const later = (
      await api('POST', '/api/meetings', {
        title: '下午场',
        date: '2026-03-09',
        startTime: '14:00',
      })
    ).body;
    for (const m of [earlier, later]) {
      await api('POST', `/api/meetings/${m.meeting.id}/items`, { speaker: '林一平' });
    }
    const { ws, events } = await listen(first.port);
    const staged = () =>
      events.flatMap((e) => (e.kind === 'stage.changed' ? [e.stage.meetingId] : []));

    // Nobody chose yet: the server names one, and says it was not chosen.
    expect((await api('GET', '/api/stage')).body.chosen).toBe(false);

    // Running the earlier meeting puts it on stage, and the screens are told.
    expect((await api('POST', `/api/meetings/${earlier.meeting.id}/run/start`, {})).status).toBe(
      200,
    );
    expect((await api('GET', '/api/stage')).body).toMatchObject({
      meetingId: earlier.meeting.id,
      chosen: true,
    });
    await eventually(() => expect(staged()).toEqual([earlier.meeting.id]));

    // The organizer puts the other one on stage (上台).
    const set = await api('POST', '/api/stage', { meetingId: later.meeting.id });
    expect(set.body).toMatchObject({ meetingId: later.meeting.id, chosen: true });
    await eventually(() => expect(staged()).toEqual([earlier.meeting.id, later.meeting.id]));

    // A meeting that does not exist cannot go on stage, and nothing changes.
    expect((await api('POST', '/api/stage', { meetingId: 'nope' })).status).toBe(404);
    ws.close();
    await first.cleanup();

    const second = await startTestServer(dataDir);
    const again = jsonApi(second.url, TEST_TOKEN);
    // The earlier meeting's clock still runs, yet the stage is what the organizer chose.
    expect((await again('GET', '/api/stage')).body).toMatchObject({
      meetingId: later.meeting.id,
      chosen: true,
    });
    // Deleting the meeting on stage takes it off: the stage falls back to the running one.
    await again('DELETE', `/api/meetings/${later.meeting.id}`);
    expect((await again('GET', '/api/stage')).body).toMatchObject({
      meetingId: earlier.meeting.id,
      chosen: false,
    });
    await second.cleanup();
  });

  it('moves with new, archived and deleted meetings, and tells every screen', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-stage-empty-'));
    const server = await startTestServer(emptyDir);
    const api = jsonApi(server.url, TEST_TOKEN);
    // A screen opened before any meeting exists: nothing on stage.
    const { ws, events } = await listen(server.port);
    expect((await api('GET', '/api/stage')).body).toMatchObject({ meetingId: null, chosen: false });
    const staged = () => events.flatMap((e) => (e.kind === 'stage.changed' ? [e.stage] : []));

    // The first meeting goes on stage by itself, and the open screen is told.
    const morning = (await api('POST', '/api/meetings', { title: '上午场', date: '2026-03-02' }))
      .body.meeting;
    await eventually(() =>
      expect(staged()).toMatchObject([{ meetingId: morning.id, chosen: false }]),
    );

    // The organizer puts a second meeting on stage.
    const evening = (await api('POST', '/api/meetings', { title: '晚间场', date: '2026-03-09' }))
      .body.meeting;
    await api('POST', '/api/stage', { meetingId: evening.id });
    const last = () => staged().at(-1);
    await eventually(() => expect(last()).toMatchObject({ meetingId: evening.id, chosen: true }));

    // Archiving the meeting on stage takes it off; the screens follow the server's pick.
    const archived = await api('PATCH', `/api/meetings/${evening.id}`, { archived: true });
    expect(archived.status).toBe(200);
    const afterArchive = { meetingId: morning.id, chosen: false };
    expect((await api('GET', '/api/stage')).body).toMatchObject(afterArchive);
    await eventually(() => expect(last()).toMatchObject(afterArchive));

    // Deleting the last meeting leaves nothing on stage, and the screens hear it.
    const told = staged().length;
    await api('DELETE', `/api/meetings/${morning.id}`);
    await eventually(() => expect(last()).toMatchObject({ meetingId: null, chosen: false }));
    expect(staged()).toHaveLength(told + 1);
    // Each change a later revision, and a read after it at that revision: a screen that gets
    // both in either order keeps the newer (renderer/api/newerRevision.ts).
    const changes = staged().map((stage) => stage.revision.change);
    expect(changes).toEqual([...changes].sort((a, b) => a - b));
    expect(new Set(changes).size).toBe(changes.length);
    expect((await api('GET', '/api/stage')).body.revision).toEqual(last()?.revision);
    ws.close();
    await server.cleanup();
    fs.rmSync(emptyDir, { recursive: true, force: true });
  });
});
