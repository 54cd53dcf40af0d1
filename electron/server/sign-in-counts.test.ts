import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCaller, type WsCaller } from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * The sign-in counts on the projector (issue 16): a projector joined over the network reads
 * 应到/已签到/请假/未到 and hears them change as doors sign people in, and never a name, phone or
 * reason; the organizer's switch for them is kept over a restart.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-sign-in-counts-'));
const PHONE = '13800000000';
const REASON = '外出学习';

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let meetingId: string;
let projector: ReturnType<typeof jsonApi>;
let projectorSocket: WsCaller;
const doors: ReturnType<typeof jsonApi>[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer(dataDir);
  organizer = jsonApi(server.url, TEST_TOKEN);
  meetingId = (await organizer('POST', '/api/meetings', { title: '签到人数', date: '2026-11-25' }))
    .body.meeting.id as string;
  const people: Json[] = [
    { name: '林一平', phone: PHONE },
    { name: '张勇' },
    { name: '王芳', reply: 'leave', leaveReason: REASON },
    { name: '郑凯', role: 'observer' },
    { name: '何芳', role: 'staff' },
  ];
  for (const person of people) {
    const added = await organizer('POST', `/api/meetings/${meetingId}/participants`, person);
    ids[person.name as string] = added.body.participant.id as string;
  }
  const sharing = (await organizer('POST', '/api/sharing', { enabled: true })).body;
  const lan = (sharing.urls[0] as string).replace(/\/$/, '');
  const join = async (role: string) =>
    (await jsonApi(lan, '')('POST', '/api/session', { code: sharing.code, role })).body
      .token as string;
  const projectorToken = await join('projector');
  projector = jsonApi(lan, projectorToken);
  projectorSocket = await openCaller(lan, projectorToken);
  for (let k = 0; k < 2; k++) doors.push(jsonApi(lan, await join('door')));
});
afterAll(async () => {
  projectorSocket.ws.close();
  await server.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const countsPath = () => `/api/meetings/${meetingId}/sign-in-counts`;
const signInPath = (name: string) => `/api/meetings/${meetingId}/participants/${ids[name]}/sign-in`;
const countEvents = () => projectorSocket.messages.filter((m) => m.kind === 'signInCounts.changed');

describe('the sign-in counts a projector may read', () => {
  it('are the four figures, staff not counted, and nothing of who', async () => {
    const read = await projector('GET', countsPath());
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      meetingId,
      counts: { expected: 4, signedIn: 0, onLeave: 1, notYet: 3 },
      revision: { boot: expect.any(String), change: expect.any(Number) },
    });
    // The list itself stays the organizer's, the note-takers' and the doors'.
    expect((await projector('GET', `/api/meetings/${meetingId}/participants`)).status).toBe(403);
    expect((await projector('GET', '/api/door')).status).toBe(403);
    expect((await projector('GET', '/api/participants/search?q=lyp')).status).toBe(403);
  });

  it('go up once when two doors sign the same person in at the same moment', async () => {
    const before = countEvents().length;
    const answers = await Promise.all(doors.map((door) => door('POST', signInPath('林一平'))));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.alreadySignedIn).sort()).toEqual([false, true]);

    await vi.waitFor(() => expect(countEvents().length).toBe(before + 1));
    expect(countEvents().at(-1)).toMatchObject({
      kind: 'signInCounts.changed',
      signInCounts: { meetingId, counts: { expected: 4, signedIn: 1, onLeave: 1, notYet: 2 } },
    });
    expect((await projector('GET', countsPath())).body.counts.signedIn).toBe(1);
  });

  it('carry a revision that says which of a read and an event is newer', async () => {
    const readBefore = (await projector('GET', countsPath())).body;
    const before = countEvents().length;
    await doors[0]!('POST', signInPath('张勇'));
    await vi.waitFor(() => expect(countEvents().length).toBe(before + 1));
    const event = countEvents().at(-1)!.signInCounts as Json;
    const readAfter = (await projector('GET', countsPath())).body;

    // A read answered before the tick is older than its event, and one answered after is not.
    expect(event.revision.boot).toBe(readBefore.revision.boot);
    expect(event.revision.change).toBeGreaterThan(readBefore.revision.change);
    expect(readAfter.revision).toEqual(event.revision);
    expect(readAfter.counts).toEqual(event.counts);
    await organizer('POST', `${signInPath('张勇')}/undo`);
    await vi.waitFor(() =>
      expect(countEvents().at(-1)?.signInCounts).toMatchObject({
        counts: { signedIn: 1 },
        revision: { change: event.revision.change + 1 },
      }),
    );
  });

  it('follow a change of reply and the one on leave coming after all', async () => {
    await organizer('PATCH', `/api/meetings/${meetingId}/participants/${ids['张勇']}`, {
      reply: 'leave',
      leaveReason: '参加市里会议',
    });
    await vi.waitFor(() =>
      expect(countEvents().at(-1)?.signInCounts).toMatchObject({
        counts: { expected: 4, signedIn: 1, onLeave: 2, notYet: 1 },
      }),
    );
    await doors[0]!('POST', signInPath('王芳'));
    await vi.waitFor(() =>
      expect(countEvents().at(-1)?.signInCounts).toMatchObject({
        counts: { expected: 4, signedIn: 2, onLeave: 1, notYet: 1 },
      }),
    );
  });

  it('reach the projector as figures alone, and with them no list, phone or reason for leave', () => {
    for (const event of countEvents()) {
      expect(Object.keys(event.signInCounts as Json).sort()).toEqual([
        'counts',
        'meetingId',
        'revision',
      ]);
    }
    const kinds = new Set(projectorSocket.messages.map((m) => m.kind));
    expect(kinds.has('door.changed')).toBe(false);
    expect(kinds.has('participants.changed')).toBe(false);
    // The seating chart names who sits where, by design (请按座次入座); nothing says who came.
    const heard = JSON.stringify(projectorSocket.messages);
    for (const secret of [PHONE, REASON, '参加市里会议', 'signedInAt', 'reply']) {
      expect(heard).not.toContain(secret);
    }
  });
});

describe('the organizer’s switch for them', () => {
  it('reaches the projector, and is kept over a restart', async () => {
    const seating = `/api/meetings/${meetingId}/seating`;
    expect((await organizer('GET', seating)).body.settings.countsOnProjector).toBe(false);
    // A screen may not switch it.
    expect((await projector('PATCH', seating, { countsOnProjector: true })).status).toBe(403);
    const switched = await organizer('PATCH', seating, { countsOnProjector: true });
    expect(switched.status).toBe(200);
    expect(switched.body.settings).toMatchObject({ countsOnProjector: true, onProjector: false });
    await vi.waitFor(() =>
      expect(
        projectorSocket.messages.some(
          (m) =>
            m.kind === 'seating.changed' && (m.seating as Json).settings.countsOnProjector === true,
        ),
      ).toBe(true),
    );

    const beforeRestart = (await projector('GET', countsPath())).body.revision as Json;
    projectorSocket.ws.close();
    await server.cleanup();
    server = await startTestServer(dataDir);
    const again = jsonApi(server.url, TEST_TOKEN);
    expect((await again('GET', seating)).body.settings.countsOnProjector).toBe(true);
    const afterRestart = (await again('GET', countsPath())).body;
    expect(afterRestart.counts).toEqual({ expected: 4, signedIn: 2, onLeave: 1, notYet: 1 });
    // The restarted server counts again from another boot, which a screen takes over the old.
    expect(afterRestart.revision.boot).not.toBe(beforeRestart.boot);
  });
});
