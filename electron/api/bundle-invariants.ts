import { drawOrder } from '../core/draw.ts';
import type { MeetingBundle } from './bundle.ts';

/** What is wrong with a meeting file, and where: `['notes', 12, 'itemId']`. */
export interface BundleFault {
  path: (string | number)[];
  message: string;
}
type Path = BundleFault['path'];

/** A place in the file as a person reads it: `items[3].plannedMinutes`, `run.message`. */
export function placeInFile(path: readonly PropertyKey[]): string {
  return path
    .map((key, k) => (typeof key === 'number' ? `[${key}]` : `${k === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * The first fault in what must hold between the parts of a file that has passed `bundleSchema`,
 * or null: the file describes one meeting, and the database could hold it as the API would have
 * written it. The import gives every part a new id, so these checks are what keeps a reference
 * from silently pointing at nothing.
 */
export function bundleFault(bundle: MeetingBundle): BundleFault | null {
  return faultsOf(bundle).next().value ?? null;
}

/** Each fault in file order, lazily: only the first is wanted. */
function* faultsOf(bundle: MeetingBundle): Generator<BundleFault, void> {
  const meetingId = bundle.meeting.id;
  const itemIds = new Set(bundle.items.map((i) => i.id));
  function* ofThisMeeting(id: string, path: Path): Generator<BundleFault, void> {
    if (id !== meetingId) yield { path, message: 'must be meeting.id' };
  }
  function* anItem(id: string, path: Path): Generator<BundleFault, void> {
    if (!itemIds.has(id)) yield { path, message: 'names an agenda item that is not in the file' };
  }

  yield* repeats(
    bundle.items.map((i) => i.id),
    (k) => ['items', k, 'id'],
  );
  for (const [k, item] of bundle.items.entries()) {
    yield* ofThisMeeting(item.meetingId, ['items', k, 'meetingId']);
    // The agenda's order is its positions, 0, 1, 2… as the API keeps them, in file order.
    if (item.position !== k) {
      yield { path: ['items', k, 'position'], message: `must be ${k} (positions count 0, 1, 2…)` };
    }
  }

  yield* repeats(
    bundle.notes.map((n) => n.id),
    (k) => ['notes', k, 'id'],
  );
  for (const [k, note] of bundle.notes.entries()) {
    yield* ofThisMeeting(note.meetingId, ['notes', k, 'meetingId']);
    yield* anItem(note.itemId, ['notes', k, 'itemId']);
  }

  const { run } = bundle;
  if (run.currentItemId !== null) yield* anItem(run.currentItemId, ['run', 'currentItemId']);
  // A clock only ever runs for the item on stage (core/run.ts starts and stops them together).
  if (run.clock && run.clock.itemId !== run.currentItemId) {
    yield { path: ['run', 'clock', 'itemId'], message: 'must be run.currentItemId' };
  }
  // The timing record has one entry per item: it is keyed by the item's id.
  yield* repeats(
    run.itemRuns.map((r) => r.itemId),
    (k) => ['run', 'itemRuns', k, 'itemId'],
  );
  for (const [k, itemRun] of run.itemRuns.entries()) {
    yield* anItem(itemRun.itemId, ['run', 'itemRuns', k, 'itemId']);
  }
  for (const id of Object.keys(run.adjustedLimits)) {
    yield* anItem(id, ['run', 'adjustedLimits', id]);
  }

  yield* repeats(
    bundle.draws.map((d) => d.id),
    (k) => ['draws', k, 'id'],
  );
  for (const [k, draw] of bundle.draws.entries()) {
    yield* ofThisMeeting(draw.meetingId, ['draws', k, 'meetingId']);
    const poolIds = draw.pool.map((entry) => entry.itemId);
    for (const [e, id] of poolIds.entries()) yield* anItem(id, ['draws', k, 'pool', e, 'itemId']);
    yield* repeats(poolIds, (e) => ['draws', k, 'pool', e, 'itemId']);
    for (const [o, id] of draw.order.entries()) yield* anItem(id, ['draws', k, 'order', o]);
    // A draw is published so that anyone can re-run it: the record must be what its seed gives.
    const expected = drawOrder(poolIds, draw.seed);
    if (expected.length !== draw.order.length || expected.some((id, o) => id !== draw.order[o])) {
      yield {
        path: ['draws', k, 'order'],
        message: 'is not the order this seed gives for this pool, so the draw cannot be re-checked',
      };
    }
  }
  yield* participantFaults(bundle, ofThisMeeting);
}

/** The people: each once, each of this meeting; the seating plan's swaps name only them. */
function* participantFaults(
  bundle: MeetingBundle,
  ofThisMeeting: (id: string, path: Path) => Generator<BundleFault, void>,
): Generator<BundleFault, void> {
  yield* repeats(
    bundle.participants.map((p) => p.id),
    (k) => ['participants', k, 'id'],
  );
  for (const [k, person] of bundle.participants.entries()) {
    yield* ofThisMeeting(person.meetingId, ['participants', k, 'meetingId']);
  }
  // A swap names two people by id: each must be one of the file's, or the seats would be lost.
  const participantIds = new Set(bundle.participants.map((p) => p.id));
  for (const [k, pair] of (bundle.seating?.swaps ?? []).entries()) {
    for (const [side, id] of pair.entries()) {
      if (!participantIds.has(id)) {
        yield {
          path: ['seating', 'swaps', k, side],
          message: 'names a participant who is not in the file',
        };
      }
    }
  }
}

/** Where an id appears a second time in a list. */
function* repeats(
  ids: readonly string[],
  at: (index: number) => Path,
): Generator<BundleFault, void> {
  const firstAt = new Map<string, number>();
  for (const [index, id] of ids.entries()) {
    const first = firstAt.get(id);
    if (first !== undefined) {
      yield { path: at(index), message: `the same id as ${placeInFile(at(first))}` };
    } else firstAt.set(id, index);
  }
}
