import { describe, expect, it } from 'vitest';
import type { DoorList, DoorPerson } from '../../../electron/api/sign-in.ts';
import { loadedDoorList, withDoorChange, type DoorChange } from './doorChange.ts';

const person = (signedInAt: number | null): DoorPerson => ({
  id: 'p1',
  name: '林一平',
  organization: '平湖街道',
  position: '党工委书记',
  rank: 1,
  role: 'attendee',
  reply: 'attending',
  substitute: '',
  signedInAt,
  createdAt: 1,
});
const list = (signedInAt: number | null, change: number, meetingId = 'm1'): DoorList => ({
  meetingId,
  title: '座谈会',
  date: '2026-11-25',
  startTime: '09:00',
  people: [person(signedInAt)],
  revision: { boot: 'b1', change },
});
const heard = (signedInAt: number | null, change: number, meetingId = 'm1', boot = 'b1') => ({
  meetingId,
  people: [person(signedInAt)],
  revision: { boot, change },
});
const TICKED = 1_000;

describe('withDoorChange: a door.changed heard', () => {
  it('ticks the person on the list held', () => {
    expect(withDoorChange(list(null, 3), heard(TICKED, 4))).toEqual(list(TICKED, 4));
  });

  it('leaves a list that is later, or of another meeting, as it is', () => {
    const held = list(TICKED, 5);
    expect(withDoorChange(held, heard(null, 4))).toBe(held);
    expect(withDoorChange(held, heard(null, 6, 'm2'))).toBe(held);
  });
});

describe('loadedDoorList: a load landing', () => {
  it('keeps the people a tick changed when the load read before the tick lands after it', () => {
    const held = list(TICKED, 4);
    expect(loadedDoorList(held, list(null, 3), heard(TICKED, 4))).toEqual(held);
  });

  it('takes the meeting’s title and start from the load, whatever the people', () => {
    const held = list(TICKED, 4);
    const renamed = { ...list(null, 3), title: '座谈会（改期）', startTime: '14:30' };
    expect(loadedDoorList(held, renamed, heard(TICKED, 4))).toEqual({
      ...renamed,
      people: held.people,
      revision: held.revision,
    });
  });

  it('brings a load up to a change heard while nothing, or another meeting, was held', () => {
    const tick: DoorChange = heard(TICKED, 4);
    expect(loadedDoorList(null, list(null, 3), tick)).toEqual(list(TICKED, 4));
    expect(loadedDoorList(list(null, 2, 'm0'), list(null, 3), tick)).toEqual(list(TICKED, 4));
  });

  it('takes a load at or after the last change heard, and a restarted server’s', () => {
    const loaded = list(TICKED, 4);
    expect(loadedDoorList(list(null, 3), loaded, heard(TICKED, 4))).toBe(loaded);
    const restarted = { ...list(null, 0), revision: { boot: 'b2', change: 0 } };
    expect(loadedDoorList(list(TICKED, 9), restarted, heard(TICKED, 9))).toBe(restarted);
  });
});
