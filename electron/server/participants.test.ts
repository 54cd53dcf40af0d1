import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { readDocx } from '../export/test-support/docx-readback.ts';
import { exportMeetingFile, importMeetingFile } from './test-support/meeting-file.ts';
import { openCaller } from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-people-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const brief = (people: Json[]) =>
  people.map((p) => `${p.rank} ${p.name} ${p.role} ${p.reply}${p.leaveReason}${p.substitute}`);

describe('the participants of a meeting', () => {
  it('come from the roster in one action, are edited, reordered and removed, and stay', async () => {
    let server = await startTestServer(dataDir);
    let api = jsonApi(server.url, TEST_TOKEN);
    const meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body
      .meeting.id as string;
    const people = `/api/meetings/${meetingId}/participants`;
    expect((await api('GET', people)).body.participants).toEqual([]);

    // The roster, in its order, as 出席 with no reply yet; a second time adds nobody twice.
    const roster = (await api('GET', '/api/roster')).body.entries as Json[];
    const named = roster.filter((e) => !e.retired && e.name !== '');
    const fromRoster = await api('POST', `${people}/from-roster`);
    expect(fromRoster.status).toBe(200);
    expect(fromRoster.body.added).toBe(named.length);
    const listed = fromRoster.body.participants as Json[];
    expect(listed.map((p) => `${p.organization} ${p.name} ${p.position}`)).toEqual(
      named.map((e) => `${e.organization} ${e.name} ${e.position}`),
    );
    expect(listed.map((p) => p.rank)).toEqual(named.map((_, k) => k + 1));
    expect(new Set(listed.map((p) => `${p.role} ${p.reply}`))).toEqual(new Set(['attendee none']));
    expect((await api('POST', `${people}/from-roster`)).body.added).toBe(0);

    // One more by hand: last, 出席 unless said otherwise.
    const added = await api('POST', people, { name: '  周列席 ', role: 'observer' });
    expect(added.status).toBe(201);
    expect(added.body.participant).toMatchObject({
      name: '周列席',
      role: 'observer',
      rank: named.length + 1,
    });
    const observerId = added.body.participant.id as string;
    const [first, second, third] = listed as [Json, Json, Json];

    // Replies: on leave with a reason, a substitute with a name; a role changed.
    await api('PATCH', `${people}/${first.id}`, { reply: 'leave', leaveReason: '外出学习' });
    await api('PATCH', `${people}/${second.id}`, { reply: 'substitute', substitute: '王代表' });
    const staff = await api('PATCH', `${people}/${third.id}`, {
      role: 'staff',
      position: '联络员',
    });
    expect(staff.status).toBe(200);
    expect(staff.body.participant).toMatchObject({ role: 'staff', position: '联络员' });

    // Reordered by hand: ranks 1, 2, 3… in the new order.
    const order = [observerId, ...listed.map((p) => p.id as string)];
    const reordered = await api('POST', `${people}/reorder`, { participantIds: order });
    expect(reordered.status).toBe(200);
    expect((reordered.body.participants as Json[]).map((p) => p.id)).toEqual(order);
    const partial = await api('POST', `${people}/reorder`, { participantIds: order.slice(1) });
    expect(partial.status).toBe(400);
    expect(partial.body.error.reason).toBe('participants.orderMismatch');

    const removed = await api('DELETE', `${people}/${listed.at(-1)?.id}`);
    expect(removed.status).toBe(200);
    expect((removed.body.participants as Json[]).map((p) => p.rank)).toEqual(
      named.map((_, k) => k + 1),
    );

    // In SQLite: a restarted server has the same list.
    const before = brief((await api('GET', people)).body.participants);
    expect(before.slice(0, 4)).toEqual([
      '1 周列席 observer none',
      `2 ${first.name} attendee leave外出学习`,
      `3 ${second.name} attendee substitute王代表`,
      `4 ${third.name} staff none`,
    ]);
    await server.cleanup();
    server = await startTestServer(dataDir);
    api = jsonApi(server.url, TEST_TOKEN);
    try {
      expect(brief((await api('GET', people)).body.participants)).toEqual(before);

      // Deleted with the meeting.
      await api('DELETE', `/api/meetings/${meetingId}`);
      expect((await api('GET', people)).status).toBe(404);
    } finally {
      await server.cleanup();
    }
  });

  it('are held to the contract’s limits, with the field named', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    try {
      const meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body
        .meeting.id as string;
      const people = `/api/meetings/${meetingId}/participants`;
      const refused = async (body: Json) => (await api('POST', people, body)).body.error;
      expect(await refused({ name: '   ' })).toMatchObject({ field: 'name' });
      expect(await refused({ name: '林'.repeat(61) })).toMatchObject({
        field: 'name',
        reason: 'field.tooLong',
      });
      expect(await refused({ name: '林一平', role: 'guest' })).toMatchObject({ field: 'role' });
      expect(await refused({ name: '林一平', rank: 0 })).toMatchObject({ field: 'rank' });
      expect(await refused({ name: '林\ud800' })).toMatchObject({
        field: 'name',
        reason: 'field.illFormedText',
      });
      expect(await refused({ name: '林一平', signedInAt: 1 })).toMatchObject({
        reason: 'field.unknown',
      });
      const nobody = await api('PATCH', `${people}/no-such-person`, { reply: 'attending' });
      expect(nobody.status).toBe(404);
      expect((await api('GET', people)).body.participants).toEqual([]);
    } finally {
      await server.cleanup();
    }
  });

  it('travel in the meeting file and come back under new ids; an older file has none', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    try {
      const meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body
        .meeting.id as string;
      const people = `/api/meetings/${meetingId}/participants`;
      const listed = (await api('POST', `${people}/from-roster`)).body.participants as Json[];
      await api('PATCH', `${people}/${listed[1]?.id}`, { reply: 'leave', leaveReason: '外出学习' });
      await api('PATCH', `${people}/${listed[2]?.id}`, { role: 'observer' });
      const original = brief((await api('GET', people)).body.participants);

      const file = await exportMeetingFile(server.url, meetingId);
      expect(brief(file.participants)).toEqual(original);
      const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
      expect(copy.status).toBe(201);
      const copyId = copy.body.meeting.id as string;
      const copied = (await api('GET', `/api/meetings/${copyId}/participants`)).body
        .participants as Json[];
      expect(brief(copied)).toEqual(original);
      const originalIds = new Set(listed.map((p) => p.id));
      expect(copied.some((p) => originalIds.has(p.id))).toBe(false);
      expect(new Set(copied.map((p) => p.meetingId))).toEqual(new Set([copyId]));

      delete file.participants;
      const older = await importMeetingFile(server.url, JSON.stringify(file), true);
      expect(older.status).toBe(201);
      const none = await api('GET', `/api/meetings/${older.body.meeting.id}/participants`);
      expect(none.body.participants).toEqual([]);
    } finally {
      await server.cleanup();
    }
  });

  it('are found by name, organization or substitute, across meetings or in one', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    try {
      const meetingOf = async (title: string) =>
        (await api('POST', '/api/meetings', { title, date: SAMPLE_DATE })).body.meeting
          .id as string;
      const first = await meetingOf('第一次座谈会');
      const second = await meetingOf('第二次座谈会');
      for (const id of [first, second]) {
        await api('POST', `/api/meetings/${id}/participants`, {
          name: '林一平',
          organization: '平湖街道',
        });
      }
      await api('POST', `/api/meetings/${second}/participants`, {
        name: '陈二坪',
        organization: '坪地街道',
        reply: 'substitute',
        substitute: '王代表',
      });
      const search = async (query: string) =>
        (await api('GET', `/api/participants/search?${new URLSearchParams(query)}`)).body
          .results as Json[];
      const hits = await search('q=平湖 林');
      expect(hits.map((h) => `${h.meetingTitle} ${h.name}`).sort()).toEqual([
        '第一次座谈会 林一平',
        '第二次座谈会 林一平',
      ]);
      expect(hits[0]?.highlights).toEqual({
        name: [[0, 1]],
        organization: [[0, 2]],
        substitute: [],
      });
      expect((await search(`q=平湖&meetingId=${first}`)).map((h) => h.meetingId)).toEqual([first]);
      expect((await search('q=王代表')).map((h) => h.name)).toEqual(['陈二坪']);
      expect(await search('q=张勇')).toEqual([]);
    } finally {
      await server.cleanup();
    }
  });

  it('name the minutes’ 出席, 请假 and 列席 in rank order once listed, the typed lists before', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    const blocks = async (meetingId: string) => {
      const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/minutes.docx`, {
        headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(res.status).toBe(200);
      const docx = await readDocx(Buffer.from(await res.arrayBuffer()));
      return docx.body.map((p) => p.text).filter((text) => /^(出席|请假|列席)：/.test(text));
    };
    try {
      const meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body
        .meeting.id as string;
      // None listed yet: the lists typed in the meeting.
      const typed = await blocks(meetingId);
      expect(typed[0]).toMatch(/^出席：张勇（区委书记）、戴斌、/);

      const people = `/api/meetings/${meetingId}/participants`;
      const add = async (body: Json) =>
        (await api('POST', people, body)).body.participant.id as string;
      const zhang = await add({ name: '张勇', position: '区委书记', rank: 1 });
      const lin = await add({
        name: '林一平',
        organization: '平湖街道',
        position: '党工委书记',
        rank: 3,
      });
      await add({ name: '陈二坪', organization: '坪地街道', position: '党工委书记', rank: 2 });
      await add({ name: '周列席', organization: '区委组织部', role: 'observer', rank: 4 });
      await add({ name: '吴会务', organization: '区委办', role: 'staff', rank: 5 });
      const gao = await add({ name: '高远', position: '区委常委', rank: 2 });
      await api('PATCH', `${people}/${lin}`, { reply: 'substitute', substitute: '王代表' });
      await api('PATCH', `${people}/${gao}`, { reply: 'leave', leaveReason: '因公出差' });
      await api('PATCH', `${people}/${zhang}`, { reply: 'attending' });

      expect(await blocks(meetingId)).toEqual([
        '出席：张勇（区委书记）、陈二坪（坪地街道党工委书记）、王代表（平湖街道，代林一平）',
        '请假：高远（区委常委，因公出差）',
        '列席：周列席（区委组织部）',
      ]);
    } finally {
      await server.cleanup();
    }
  });

  it('are invited again by a duplicate of the meeting, with no replies yet', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    try {
      const meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body
        .meeting.id as string;
      const people = `/api/meetings/${meetingId}/participants`;
      const listed = (await api('POST', `${people}/from-roster`)).body.participants as Json[];
      await api('PATCH', `${people}/${listed[0]?.id}`, { reply: 'leave', leaveReason: '外出学习' });
      await api('PATCH', `${people}/${listed[1]?.id}`, { role: 'observer' });
      const copy = await api('POST', `/api/meetings/${meetingId}/duplicate`, {});
      expect(copy.status).toBe(201);
      const copied = (await api('GET', `/api/meetings/${copy.body.meeting.id}/participants`)).body
        .participants as Json[];
      expect(copied.map((p) => `${p.rank} ${p.name} ${p.role} ${p.reply}${p.leaveReason}`)).toEqual(
        listed.map((p, k) => `${p.rank} ${p.name} ${k === 1 ? 'observer' : 'attendee'} none`),
      );
      expect(copied.some((p) => listed.some((q) => q.id === p.id))).toBe(false);
      // The original keeps its own replies.
      expect((await api('GET', people)).body.participants[0].reply).toBe('leave');
    } finally {
      await server.cleanup();
    }
  });

  it('are told to the organizer’s screens as they change, never to a projector', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    const sockets: Awaited<ReturnType<typeof openCaller>>[] = [];
    try {
      const meetingId = (await api('POST', '/api/meetings', { title: '座谈会', date: SAMPLE_DATE }))
        .body.meeting.id as string;
      const sharing = (await api('POST', '/api/sharing', { enabled: true })).body;
      const lan = (sharing.urls[0] as string).replace(/\/$/, '');
      const joined = await jsonApi(lan, '')('POST', '/api/session', {
        code: sharing.code,
        role: 'projector',
      });
      const projector = await openCaller(lan, joined.body.token as string);
      const organizerScreen = await openCaller(server.url, TEST_TOKEN);
      sockets.push(projector, organizerScreen);
      const heard = (socket: typeof organizerScreen) =>
        socket.messages.filter((m) => m.kind === 'participants.changed');

      await api('POST', `/api/meetings/${meetingId}/participants`, { name: '林一平' });
      await api('PATCH', `/api/meetings/${meetingId}`, { venue: '第一会议室' });
      await vi.waitFor(() => expect(heard(organizerScreen)).toHaveLength(1));
      expect((heard(organizerScreen)[0]?.participants as Json[]).map((p) => p.name)).toEqual([
        '林一平',
      ]);
      // The projector heard the meeting change, and nothing of its people.
      await vi.waitFor(() =>
        expect(projector.messages.some((m) => m.kind === 'meeting.saved')).toBe(true),
      );
      expect(heard(projector)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.ws.close();
      await server.cleanup();
    }
  });

  it('are read and told at one revision per change, so a screen keeps the newer list', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    const organizerScreen = await openCaller(server.url, TEST_TOKEN);
    try {
      const meetingId = (await api('POST', '/api/meetings', { title: '座谈会', date: SAMPLE_DATE }))
        .body.meeting.id as string;
      const list = `/api/meetings/${meetingId}/participants`;
      const before = (await api('GET', list)).body.revision as Json;
      const added = await api('POST', list, { name: '林一平' });
      const after = (await api('GET', list)).body.revision as Json;
      await vi.waitFor(() =>
        expect(organizerScreen.messages.some((m) => m.kind === 'signInCounts.changed')).toBe(true),
      );
      const told = (kind: string) => organizerScreen.messages.find((m) => m.kind === kind);
      const changed = told('participants.changed')?.revision as Json;
      expect(changed.boot).toBe(before.boot);
      expect(changed.change).toBeGreaterThan(before.change as number);
      // The answer, the door's list and the counts are at the change's; the read after is not
      // older (the seating chart's announcement of the same add raises it again).
      expect(added.body.revision).toEqual(changed);
      expect(after.boot).toBe(changed.boot);
      expect(after.change).toBeGreaterThanOrEqual(changed.change as number);
      expect(told('door.changed')?.revision).toEqual(changed);
      expect((told('signInCounts.changed')?.signInCounts as Json).revision).toEqual(changed);
    } finally {
      organizerScreen.ws.close();
      await server.cleanup();
    }
  });
});
