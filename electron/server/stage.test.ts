import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../api/events.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-server.ts';

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
    expect((await api('GET', '/api/stage')).body).toEqual({
      meetingId: earlier.meeting.id,
      chosen: true,
    });
    await eventually(() => expect(staged()).toEqual([earlier.meeting.id]));

    // The organizer puts the other one on stage (上台).
    const set = await api('POST', '/api/stage', { meetingId: later.meeting.id });
    expect(set.body).toEqual({ meetingId: later.meeting.id, chosen: true });
    await eventually(() => expect(staged()).toEqual([earlier.meeting.id, later.meeting.id]));

    // A meeting that does not exist cannot go on stage, and nothing changes.
    expect((await api('POST', '/api/stage', { meetingId: 'nope' })).status).toBe(404);
    ws.close();
    await first.cleanup();

    const second = await startTestServer(dataDir);
    const again = jsonApi(second.url, TEST_TOKEN);
    // The earlier meeting's clock still runs, yet the stage is what the organizer chose.
    expect((await again('GET', '/api/stage')).body).toEqual({
      meetingId: later.meeting.id,
      chosen: true,
    });
    // Deleting the meeting on stage takes it off: the stage falls back to the running one.
    await again('DELETE', `/api/meetings/${later.meeting.id}`);
    expect((await again('GET', '/api/stage')).body).toEqual({
      meetingId: earlier.meeting.id,
      chosen: false,
    });
    await second.cleanup();
  });
});
