import { BUNDLE_FORMAT, BUNDLE_VERSION, type MeetingBundle } from '../api/bundle.ts';
import type { MeetingData } from './meeting-data.ts';

export function toBundle(data: MeetingData, exportedAt: number): MeetingBundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    meeting: data.meeting,
    items: data.items,
    notes: data.notes,
    run: { ...data.run, itemRuns: Object.values(data.run.itemRuns) },
    draws: data.draws,
  };
}

export function fromBundle(bundle: MeetingBundle): MeetingData {
  return {
    meeting: bundle.meeting,
    items: bundle.items,
    notes: bundle.notes,
    run: {
      ...bundle.run,
      itemRuns: Object.fromEntries(bundle.run.itemRuns.map((r) => [r.itemId, r])),
    },
    draws: bundle.draws,
  };
}

/** The same meeting under new ids (`newId` per id), every reference between them kept. */
export function withNewIds(data: MeetingData, newId: () => string): MeetingData {
  const ids = new Map<string, string>();
  const map = (id: string) => {
    if (!ids.has(id)) ids.set(id, newId());
    return ids.get(id) as string;
  };
  const meetingId = map(data.meeting.id);
  const items = data.items.map((i) => ({ ...i, id: map(i.id), meetingId }));
  return {
    meeting: { ...data.meeting, id: meetingId },
    items,
    notes: data.notes.map((n) => ({ ...n, id: newId(), meetingId, itemId: map(n.itemId) })),
    run: {
      ...data.run,
      currentItemId: data.run.currentItemId && map(data.run.currentItemId),
      clock: data.run.clock && { ...data.run.clock, itemId: map(data.run.clock.itemId) },
      itemRuns: Object.fromEntries(
        Object.values(data.run.itemRuns).map((r) => [
          map(r.itemId),
          { ...r, itemId: map(r.itemId) },
        ]),
      ),
    },
    draws: data.draws.map((d) => ({
      ...d,
      id: newId(),
      meetingId,
      pool: d.pool.map((p) => ({ ...p, itemId: map(p.itemId) })),
      order: d.order.map(map),
    })),
  };
}
