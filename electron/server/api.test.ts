import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerEvent } from '../api/events.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

const meetingBody = { title: '经验交流座谈会', date: '2026-11-25', venue: '第一会议室' };

describe('meetings over the HTTP API', () => {
  it('creates, reads, lists, updates and deletes a meeting', async () => {
    const created = await api('POST', '/api/meetings', {
      ...meetingBody,
      attendees: ['张勇', '戴斌', '张勇'],
    });
    expect(created.status).toBe(201);
    const id = created.body.meeting.id as string;
    expect(created.body.meeting).toMatchObject({
      ...meetingBody,
      startTime: '09:00',
      attendees: ['张勇', '戴斌'],
    });
    expect(created.body.items).toEqual([]);

    expect((await api('GET', `/api/meetings/${id}`)).body.meeting.title).toBe('经验交流座谈会');
    const list = await api('GET', '/api/meetings');
    expect(list.body.meetings.map((m: { id: string }) => m.id)).toContain(id);

    const patched = await api('PATCH', `/api/meetings/${id}`, {
      absentees: ['王五'],
      presider: '戴斌',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({
      absentees: ['王五'],
      presider: '戴斌',
      title: '经验交流座谈会',
    });

    expect((await api('DELETE', `/api/meetings/${id}`)).body).toEqual({ deletedMeetingId: id });
    expect((await api('GET', `/api/meetings/${id}`)).status).toBe(404);
    expect((await api('DELETE', `/api/meetings/${id}`)).status).toBe(404);
  });

  it('builds the sample meeting from the source story', async () => {
    const sample = await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE });
    expect(sample.status).toBe(201);
    expect(sample.body.meeting.title).toContain('经验交流座谈会');
    const items = sample.body.items as {
      kind: string;
      organization: string;
      plannedMinutes: number;
    }[];
    expect(items).toHaveLength(13);
    expect(items.filter((i) => i.kind === 'exchange').map((i) => i.organization)).toEqual(
      ['平湖', '坪地', '横岗', '龙岗', '龙城', '布吉', '南湾', '坂田', '吉华', '园山', '宝龙'].map(
        (s) => `${s}街道`,
      ),
    );
    expect(items[0]?.kind).toBe('opening');
    expect(items.at(-1)?.kind).toBe('leader');
  });

  it('holds the sample meeting on the day the caller names, and asks for one', async () => {
    const other = await api('POST', '/api/meetings/sample', { date: '2031-02-28' });
    expect(other.body.meeting.date).toBe('2031-02-28');
    for (const body of [{}, { date: '2031-02-30' }, { date: 'tomorrow' }]) {
      const refused = await api('POST', '/api/meetings/sample', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.field).toBe('date');
    }
  });

  it('duplicates a meeting with its agenda under new ids, leaving the original as it was', async () => {
    const sample = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body;
    await api('PATCH', `/api/meetings/${sample.meeting.id}`, { archived: true });
    const copy = await api('POST', `/api/meetings/${sample.meeting.id}/duplicate`, {
      title: '第二次经验交流座谈会',
      date: '2026-12-20',
    });
    expect(copy.status).toBe(201);
    expect(copy.body.meeting).toMatchObject({
      title: '第二次经验交流座谈会',
      date: '2026-12-20',
      archived: false,
      presider: sample.meeting.presider,
      attendees: sample.meeting.attendees,
    });
    expect(copy.body.meeting.id).not.toBe(sample.meeting.id);
    const strip = (items: { id: string; meetingId: string }[]) =>
      items.map(({ id: _id, meetingId: _m, ...rest }) => rest);
    expect(strip(copy.body.items)).toEqual(strip(sample.items));
    const copiedIds = new Set(copy.body.items.map((i: { id: string }) => i.id));
    expect(sample.items.some((i: { id: string }) => copiedIds.has(i.id))).toBe(false);
    const original = await api('GET', `/api/meetings/${sample.meeting.id}`);
    expect(original.body.items).toEqual(sample.items);
    expect(original.body.meeting.archived).toBe(true);
    expect((await api('POST', '/api/meetings/nope/duplicate', {})).status).toBe(404);
    expect(
      (await api('POST', `/api/meetings/${sample.meeting.id}/duplicate`, { date: 'soon' })).body
        .error.field,
    ).toBe('date');
  });

  it.each([
    [{ date: '2026-11-25' }, 'title'],
    [{ title: '   ', date: '2026-11-25' }, 'title'],
    [{ title: 'x', date: '2026-02-30' }, 'date'],
    [{ title: 'x', date: '25/11/2026' }, 'date'],
    [{ title: 'x', date: '2026-11-25', startTime: '25:00' }, 'startTime'],
    [{ title: 'x', date: '2026-11-25', attendees: '张勇' }, 'attendees'],
    [{ title: 'x', date: '2026-11-25', color: 'red' }, 'color'],
    [{ title: 'x'.repeat(201), date: '2026-11-25' }, 'title'],
  ])('refuses %j with 400 naming %s, and writes nothing', async (body, field) => {
    const before = (await api('GET', '/api/meetings')).body.meetings.length;
    const res = await api('POST', '/api/meetings', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field });
    expect(res.body.error.message).toContain(field);
    expect((await api('GET', '/api/meetings')).body.meetings.length).toBe(before);
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    expect((await api('POST', '/api/meetings', '{"title":')).body.error).toMatchObject({
      field: 'body',
    });
    expect((await api('POST', '/api/meetings', '[1,2]')).status).toBe(400);
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    const noRoute = await api('GET', '/api/nothing');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body.error).toMatchObject({
      reason: 'server.noRoute',
      params: { path: '/api/nothing' },
    });
    const wrongMethod = await api('PUT', '/api/meetings');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error).toMatchObject({
      reason: 'server.wrongMethod',
      params: { method: 'PUT', path: '/api/meetings' },
    });
    expect((await api('GET', '/api/session')).body.error).toMatchObject({
      reason: 'server.wrongMethod',
      params: { method: 'GET', path: '/api/session' },
    });
    // A path that does not decode is a bad request, whatever route it looks like (issue 12).
    expect((await api('GET', '/api/meetings/%E0%A4%A')).status).toBe(400);
  });
});

describe('the agenda over the HTTP API', () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (await api('POST', '/api/meetings', meetingBody)).body.meeting.id;
  });

  const add = (body: object) => api('POST', `/api/meetings/${meetingId}/items`, body);
  const orgs = (items: { organization: string }[]) => items.map((i) => i.organization);

  it('adds items at the end or at an index, edits, reorders and deletes them', async () => {
    const a = await add({ organization: '平湖街道', speaker: '林一平', plannedMinutes: 8 });
    expect(a.status).toBe(201);
    expect(a.body.item).toMatchObject({ kind: 'exchange', position: 0, organization: '平湖街道' });
    await add({ organization: '宝龙街道', speaker: '何十一' });
    const c = await add({ organization: '坪地街道', speaker: '陈二坪', index: 1 });
    expect(orgs(c.body.items)).toEqual(['平湖街道', '坪地街道', '宝龙街道']);
    expect(c.body.items.map((i: { position: number }) => i.position)).toEqual([0, 1, 2]);

    const ids = c.body.items.map((i: { id: string }) => i.id) as string[];
    const edited = await api('PATCH', `/api/meetings/${meetingId}/items/${ids[2]}`, {
      topic: '三棵松水治理',
      plannedMinutes: 10,
    });
    expect(edited.body.item).toMatchObject({
      topic: '三棵松水治理',
      plannedMinutes: 10,
      speaker: '何十一',
    });

    const moved = await api('PATCH', `/api/meetings/${meetingId}/items/${ids[2]}`, { index: 0 });
    expect(orgs(moved.body.items)).toEqual(['宝龙街道', '平湖街道', '坪地街道']);

    const reordered = await api('POST', `/api/meetings/${meetingId}/items/reorder`, {
      itemIds: [ids[1], ids[0], ids[2]],
    });
    expect(reordered.status).toBe(200);
    expect(orgs(reordered.body.items)).toEqual(['坪地街道', '平湖街道', '宝龙街道']);

    const removed = await api('DELETE', `/api/meetings/${meetingId}/items/${ids[0]}`);
    expect(orgs(removed.body.items)).toEqual(['坪地街道', '宝龙街道']);
    expect(removed.body.items.map((i: { position: number }) => i.position)).toEqual([0, 1]);
    expect(orgs((await api('GET', `/api/meetings/${meetingId}`)).body.items)).toEqual([
      '坪地街道',
      '宝龙街道',
    ]);
  });

  it('refuses bad items with 400 naming the field, and unknown ids with 404', async () => {
    const before = (await api('GET', `/api/meetings/${meetingId}`)).body.items;
    expect((await add({ plannedMinutes: 0 })).body.error.field).toBe('plannedMinutes');
    expect((await add({ plannedMinutes: 7.5 })).body.error.field).toBe('plannedMinutes');
    expect((await add({ kind: 'dance' })).body.error.field).toBe('kind');
    const ids = before.map((i: { id: string }) => i.id);
    const partial = await api('POST', `/api/meetings/${meetingId}/items/reorder`, {
      itemIds: ids.slice(1),
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error).toMatchObject({ field: 'itemIds' });
    expect(partial.body.error.message).toContain('missing');
    expect((await api('GET', `/api/meetings/${meetingId}`)).body.items).toEqual(before);

    expect((await api('POST', '/api/meetings/nope/items', { speaker: 'x' })).status).toBe(404);
    expect(
      (await api('PATCH', `/api/meetings/${meetingId}/items/nope`, { topic: 'x' })).status,
    ).toBe(404);
    expect((await api('DELETE', `/api/meetings/${meetingId}/items/nope`)).status).toBe(404);
  });
});

describe('live events', () => {
  it('push one message per change to every connected screen', async () => {
    const screens = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<{ ws: WebSocket; events: ServerEvent[] }>((resolve) => {
            const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${TEST_TOKEN}`);
            const events: ServerEvent[] = [];
            ws.on('message', (data) => {
              events.push(JSON.parse(String(data)) as ServerEvent);
              if (events.length === 1) resolve({ ws, events });
            });
          }),
      ),
    );
    const created = await api('POST', '/api/meetings', meetingBody);
    const id = created.body.meeting.id;
    await api('POST', `/api/meetings/${id}/items`, { speaker: '林一平' });
    await new Promise((r) => setTimeout(r, 100));
    for (const { ws, events } of screens) {
      expect(events.map((e) => e.kind)).toEqual(['hello', 'meeting.saved', 'agenda.saved']);
      const agenda = events[2] as Extract<ServerEvent, { kind: 'agenda.saved' }>;
      expect(agenda.meetingId).toBe(id);
      expect(agenda.items[0]?.speaker).toBe('林一平');
      ws.close();
    }
  });
});
