import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attendanceOf, countAttendance, type Participant } from '../core/participants.ts';
import type { DoorList } from '../api/sign-in.ts';
import { meetingStartOf } from '../../renderer/views/door/doorText.ts';
import { openCaller, type WsCaller } from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * Sign-in at the door (issue 16): two door devices joined with the access code, the organizer's
 * console, and the server's own clock set by the test (the door's clock never counts).
 */
const DATE = '2026-11-25';
/** The meeting's planned start, read as the screens read it: local time on its date. */
const START = new Date(`${DATE}T09:00:00`).getTime();
/** What the door and the console judge arrivals by, as they read it from the meeting. */
const ON_DATE = meetingStartOf({ date: DATE, startTime: '09:00' });
let clock = START - 10 * 60_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let lan: string;
let meetingId: string;
const ids: Record<string, string> = {};
const doors: { token: string; api: ReturnType<typeof jsonApi>; ws: WsCaller }[] = [];
let notetaker: WsCaller;

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => clock });
  organizer = jsonApi(server.url, TEST_TOKEN);
  meetingId = (
    await organizer('POST', '/api/meetings', { title: '签到', date: DATE, startTime: '09:00' })
  ).body.meeting.id as string;
  for (const name of ['林一平', '张勇', '王芳']) {
    const added = await organizer('POST', `/api/meetings/${meetingId}/participants`, { name });
    ids[name] = added.body.participant.id as string;
  }
  const sharing = (await organizer('POST', '/api/sharing', { enabled: true })).body;
  lan = (sharing.urls[0] as string).replace(/\/$/, '');
  const join = (role: string) =>
    jsonApi(lan, '')('POST', '/api/session', { code: sharing.code, role });
  for (let k = 0; k < 2; k++) {
    const joined = await join('door');
    expect(joined.status).toBe(200);
    const token = joined.body.token as string;
    doors.push({ token, api: jsonApi(lan, token), ws: await openCaller(lan, token) });
  }
  notetaker = await openCaller(lan, (await join('notetaker')).body.token as string);
});
afterAll(async () => {
  for (const door of doors) door.ws.ws.close();
  notetaker.ws.close();
  await server.cleanup();
});

const signInPath = (name: string) => `/api/meetings/${meetingId}/participants/${ids[name]}/sign-in`;
const eventsOf = (caller: WsCaller, kind: string) => caller.messages.filter((m) => m.kind === kind);
/** The last list a socket heard, once it has heard `count` of them. */
const lastHeard = async (caller: WsCaller, count: number) => {
  await vi.waitFor(() =>
    expect(eventsOf(caller, 'door.changed').length).toBeGreaterThanOrEqual(count),
  );
  return (eventsOf(caller, 'door.changed').at(-1) as Json).people as Json[];
};

describe('signing in at the door', () => {
  it('lists the meeting on stage for a door device, without the reasons for leave', async () => {
    await organizer('PATCH', `/api/meetings/${meetingId}/participants/${ids['王芳']}`, {
      reply: 'leave',
      leaveReason: '外出学习',
    });
    const list = await doors[0]!.api('GET', '/api/door');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ meetingId, title: '签到', date: DATE, startTime: '09:00' });
    expect((list.body.people as Json[]).map((p) => `${p.name} ${p.reply}`)).toEqual([
      '林一平 none',
      '张勇 none',
      '王芳 leave',
    ]);
    expect(JSON.stringify(list.body)).not.toContain('外出学习');
  });

  it('signs a person in once when two devices tick them at the same moment', async () => {
    const before = eventsOf(doors[1]!.ws, 'door.changed').length;
    const [overHttp, overSocket] = await Promise.all([
      doors[0]!.api('POST', signInPath('林一平')),
      doors[1]!.ws.call('signIn.signIn', { id: meetingId, participantId: ids['林一平'] }),
    ]);
    expect(overHttp.status).toBe(200);
    expect(overSocket.ok).toBe(true);
    const second = overSocket.ok ? (overSocket.output as Json) : {};
    const answers = [overHttp.body, second];
    // One of the two made the record; the other was told who and when, and changed nothing.
    expect(answers.map((a) => a.alreadySignedIn).sort()).toEqual([false, true]);
    expect(answers.map((a) => a.person.signedInAt)).toEqual([clock, clock]);
    expect(answers.map((a) => a.person.name)).toEqual(['林一平', '林一平']);

    const people = (await organizer('GET', `/api/meetings/${meetingId}/participants`)).body
      .participants as Participant[];
    expect(people.filter((p) => p.signedInAt !== null).map((p) => p.name)).toEqual(['林一平']);
    expect(countAttendance(people, ON_DATE, clock)).toMatchObject({
      expected: 3,
      signedIn: 1,
      onLeave: 1,
      notYet: 1,
    });

    // Every door heard of it once; a note-taker's device heard nothing of who came.
    const heard = await lastHeard(doors[0]!.ws, before + 1);
    expect(heard.find((p) => p.name === '林一平')?.signedInAt).toBe(clock);
    await lastHeard(doors[1]!.ws, before + 1);
    expect(eventsOf(doors[1]!.ws, 'door.changed').length).toBe(before + 1);
    expect(eventsOf(notetaker, 'door.changed')).toEqual([]);
  });

  it('marks who came after the planned start as late, by the server clock', async () => {
    clock = START - 60_000;
    await doors[0]!.api('POST', signInPath('王芳')); // on leave, came after all, on time
    clock = START + 7 * 60_000;
    const late = await doors[1]!.api('POST', signInPath('张勇'));
    expect(late.body.person.signedInAt).toBe(START + 7 * 60_000);
    const people = (await organizer('GET', `/api/meetings/${meetingId}/participants`)).body
      .participants as Participant[];
    expect(countAttendance(people, ON_DATE, clock)).toEqual({
      expected: 3,
      signedIn: 3,
      late: 1,
      onLeave: 0,
      notYet: 0,
    });
  });

  it('lets the organizer undo a sign-in, and not a door device', async () => {
    const refused = await doors[0]!.api('POST', `${signInPath('张勇')}/undo`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe('access.doorOnly');
    const undone = await organizer('POST', `${signInPath('张勇')}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.person.signedInAt).toBeNull();
    await vi.waitFor(async () =>
      expect(
        (await lastHeard(doors[1]!.ws, 1)).find((p) => p.name === '张勇')?.signedInAt,
      ).toBeNull(),
    );
  });

  it('gives a door device its list and the stage, and none of the other screens’ events', async () => {
    // A change every other screen hears: the note-taker's device gets it, the door does not.
    await organizer('PATCH', `/api/meetings/${meetingId}`, { title: '签到（改）' });
    await vi.waitFor(() => expect(eventsOf(notetaker, 'meeting.saved').length).toBe(1));
    const kinds = new Set(doors[0]!.ws.messages.map((m) => m.kind));
    expect(
      [...kinds].filter((k) => !['hello', 'door.changed', 'answer'].includes(String(k))),
    ).toEqual([]);
    // The organizer edits a name: the doors list it at once.
    await organizer('PATCH', `/api/meetings/${meetingId}/participants/${ids['张勇']}`, {
      name: '张　勇',
    });
    await vi.waitFor(async () =>
      expect((await lastHeard(doors[0]!.ws, 1)).map((p) => p.name)).toContain('张　勇'),
    );
    expect(eventsOf(doors[0]!.ws, 'participants.changed')).toEqual([]);
  });

  it('marks nobody late who signs in today for a meeting dated 2020-01-01, by the door’s list', async () => {
    const old = (
      await organizer('POST', '/api/meetings', {
        title: '旧日期',
        date: '2020-01-01',
        startTime: '09:00',
      })
    ).body.meeting.id as string;
    const added = await organizer('POST', `/api/meetings/${old}/participants`, { name: '周六' });
    expect((await organizer('POST', '/api/stage', { meetingId: old })).status).toBe(200);
    // Half past nine on a day long after the meeting's date, by the server's clock.
    clock = new Date('2026-12-01T09:30:00').getTime();
    const ticked = await doors[0]!.api(
      'POST',
      `/api/meetings/${old}/participants/${added.body.participant.id as string}/sign-in`,
    );
    expect(ticked.body.person.signedInAt).toBe(clock);
    const list = (await doors[0]!.api('GET', '/api/door')).body as DoorList;
    expect(list).toMatchObject({ meetingId: old, date: '2020-01-01', startTime: '09:00' });
    const start = meetingStartOf(list);
    expect(list.people.map((p) => attendanceOf(p, start, clock))).toEqual(['signed_in']);
    expect(countAttendance(list.people, start, clock)).toMatchObject({ signedIn: 1, late: 0 });
  });
});
