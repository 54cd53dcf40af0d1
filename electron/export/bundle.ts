import { BUNDLE_FORMAT, BUNDLE_VERSION, type MeetingBundle } from '../api/bundle.ts';
import { byRank } from '../core/participants.ts';
import type { NewsBriefEdits } from '../core/news-brief.ts';
import type { RunState } from '../core/run.ts';
import type { SeatingPlan } from '../core/seating-plan.ts';
import type { MeetingData } from './meeting-data.ts';

/**
 * The meeting as a file. Notes and timing records are listed in the agenda's order, not in an
 * order that depends on their ids: ids are new on every computer, the file stays the same.
 */
export function toBundle(data: MeetingData, exportedAt: number): MeetingBundle {
  const placeOf = new Map(data.items.map((item) => [item.id, item.position]));
  const byAgenda = (itemId: string) => placeOf.get(itemId) ?? Number.MAX_SAFE_INTEGER;
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    originMeetingId: data.originMeetingId ?? data.meeting.id,
    meeting: data.meeting,
    items: data.items,
    notes: data.notes.toSorted(
      (a, b) => byAgenda(a.itemId) - byAgenda(b.itemId) || a.position - b.position,
    ),
    run: {
      ...runInFile(data.run),
      itemRuns: Object.values(data.run.itemRuns).toSorted(
        (a, b) => byAgenda(a.itemId) - byAgenda(b.itemId),
      ),
    },
    draws: data.draws,
    participants: byRank(data.participants),
    ...(data.notice ? { notice: data.notice } : {}),
    ...(data.seating ? { seating: seatingInFile(data.seating) } : {}),
    ...(data.newsBriefEdits ? { newsBriefEdits: data.newsBriefEdits } : {}),
  };
}

/** The plan without what belongs to this computer: its meeting's id and when it was saved. */
function seatingInFile({ meetingId: _meetingId, updatedAt: _updatedAt, ...plan }: SeatingPlan) {
  return plan;
}

/** The run without the undo of its last plan: undoing belongs to the meeting as it runs. */
function runInFile({ limitsBeforePlan: _limitsBeforePlan, ...run }: RunState) {
  return run;
}

/** The meeting a file describes, as it was; `bundleFault` must have found nothing wrong. */
export function fromBundle(bundle: MeetingBundle): MeetingData {
  return {
    meeting: bundle.meeting,
    items: bundle.items,
    notes: bundle.notes,
    run: {
      ...bundle.run,
      limitsBeforePlan: null,
      itemRuns: Object.fromEntries(
        bundle.run.itemRuns.map((r) => [
          r.itemId,
          { ...r, turns: r.turns ?? (r.status === 'skipped' ? 0 : 1) },
        ]),
      ),
    },
    draws: bundle.draws,
    participants: bundle.participants,
    ...(bundle.notice ? { notice: bundle.notice } : {}),
    // Saved when the import writes it, so its time is the import's.
    ...(bundle.seating
      ? { seating: { ...bundle.seating, meetingId: bundle.meeting.id, updatedAt: 0 } }
      : {}),
    ...(bundle.newsBriefEdits ? { newsBriefEdits: bundle.newsBriefEdits } : {}),
    originMeetingId: bundle.originMeetingId ?? bundle.meeting.id,
  };
}

/**
 * The same meeting under new ids (`newId` per id), every reference between them kept. Every id
 * is new, so nothing from a file can land on a row that is already here. References must
 * resolve (as `bundleFault` checks): one that does not is a bug, and throws.
 */
export function withNewIds(data: MeetingData, newId: () => string): MeetingData {
  const meetingId = newId();
  const itemIds = new Map(data.items.map((item) => [item.id, newId()]));
  const itemId = (id: string) => {
    const renamed = itemIds.get(id);
    if (renamed === undefined) throw new Error(`a reference to an agenda item not in the meeting`);
    return renamed;
  };
  const participantIds = new Map(data.participants.map((p) => [p.id, newId()]));
  const participantId = (id: string) => {
    const renamed = participantIds.get(id);
    if (renamed === undefined) throw new Error(`a reference to a participant not in the meeting`);
    return renamed;
  };
  return {
    meeting: { ...data.meeting, id: meetingId },
    items: data.items.map((i) => ({ ...i, id: itemId(i.id), meetingId })),
    notes: data.notes.map((n) => ({ ...n, id: newId(), meetingId, itemId: itemId(n.itemId) })),
    run: {
      ...data.run,
      currentItemId: data.run.currentItemId && itemId(data.run.currentItemId),
      clock: data.run.clock && { ...data.run.clock, itemId: itemId(data.run.clock.itemId) },
      itemRuns: Object.fromEntries(
        Object.values(data.run.itemRuns).map((r) => [
          itemId(r.itemId),
          { ...r, itemId: itemId(r.itemId) },
        ]),
      ),
      adjustedLimits: renamedKeys(data.run.adjustedLimits, itemId),
      limitsBeforePlan: data.run.limitsBeforePlan && renamedKeys(data.run.limitsBeforePlan, itemId),
    },
    draws: data.draws.map((d) => ({
      ...d,
      id: newId(),
      meetingId,
      pool: d.pool.map((p) => ({ ...p, itemId: itemId(p.itemId) })),
      order: d.order.map(itemId),
    })),
    participants: data.participants.map((p) => ({ ...p, id: participantId(p.id), meetingId })),
    ...(data.notice ? { notice: data.notice } : {}),
    ...(data.seating
      ? {
          seating: {
            ...data.seating,
            meetingId,
            swaps: data.seating.swaps.map(([a, b]): [string, string] => [
              participantId(a),
              participantId(b),
            ]),
          },
        }
      : {}),
    ...(data.newsBriefEdits
      ? { newsBriefEdits: newsBriefEditsWithNewIds(data.newsBriefEdits, itemIds) }
      : {}),
    originMeetingId: data.originMeetingId,
  };
}

/**
 * A leader's requirements paragraph is keyed by the leader's item id: renamed with the item.
 * A key naming no item of the meeting stays as it is, an edit of no paragraph (shown as such).
 */
function newsBriefEditsWithNewIds(
  edits: NewsBriefEdits,
  itemIds: ReadonlyMap<string, string>,
): NewsBriefEdits {
  return {
    ...edits,
    paragraphs: edits.paragraphs.map((edit) => {
      const [, id] = /^requirements:(.+)$/.exec(edit.key) ?? [];
      const renamed = id === undefined ? undefined : itemIds.get(id);
      return renamed ? { ...edit, key: `requirements:${renamed}` } : edit;
    }),
  };
}

/** The same record keyed by the renamed ids. */
const renamedKeys = <T>(record: Readonly<Record<string, T>>, rename: (id: string) => string) =>
  Object.fromEntries(Object.entries(record).map(([id, value]) => [rename(id), value]));
