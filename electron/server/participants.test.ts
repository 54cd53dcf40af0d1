import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-server.ts';

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
});
