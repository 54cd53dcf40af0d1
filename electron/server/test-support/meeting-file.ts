import type { Store } from '../../store/index.ts';
import { TEST_TOKEN, type Json } from './test-server.ts';

/** Posts a meeting file's bytes, as the console's 导入 button does. */
export async function importMeetingFile(
  serverUrl: string,
  body: string | Uint8Array<ArrayBuffer>,
  asCopy = false,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(
    `${serverUrl}/api/meetings/import-bundle${asCopy ? '?asCopy=true' : ''}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TEST_TOKEN}`,
        'Content-Type': 'application/octet-stream',
      },
      body,
    },
  );
  return { status: res.status, body: (await res.json()) as Json };
}

/** The meeting's `.roundtable` file, parsed. */
export async function exportMeetingFile(serverUrl: string, meetingId: string): Promise<Json> {
  const res = await fetch(`${serverUrl}/api/meetings/${meetingId}/export/meeting.roundtable`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  if (res.status !== 200) throw new Error(`export answered ${res.status}`);
  return JSON.parse(await res.text()) as Json;
}

const TABLES = [
  'meetings',
  'agenda_items',
  'notes',
  'meeting_runs',
  'item_runs',
  'draws',
  'participants',
  'roster_entries',
];

/** How many rows each table holds: a refused file must leave every count as it was. */
export function tableRowCounts(store: Store): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((table) => [
      table,
      (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  );
}

/**
 * The file with every id (and every reference to one) passed through `rename`, but for
 * `originMeetingId`, which names the meeting across computers rather than a row. Written out
 * here independently of the importer so that a test can tell whether the importer kept them.
 */
export function mapFileIds(file: Json, rename: (id: string) => string): Json {
  const copy = structuredClone(file) as Json;
  copy.meeting.id = rename(copy.meeting.id);
  for (const item of copy.items) {
    item.id = rename(item.id);
    item.meetingId = rename(item.meetingId);
  }
  for (const note of copy.notes) {
    note.id = rename(note.id);
    note.meetingId = rename(note.meetingId);
    note.itemId = rename(note.itemId);
  }
  const run = copy.run;
  if (run.currentItemId !== null) run.currentItemId = rename(run.currentItemId);
  if (run.clock) run.clock.itemId = rename(run.clock.itemId);
  for (const itemRun of run.itemRuns) itemRun.itemId = rename(itemRun.itemId);
  for (const draw of copy.draws) {
    draw.id = rename(draw.id);
    draw.meetingId = rename(draw.meetingId);
    for (const entry of draw.pool) entry.itemId = rename(entry.itemId);
    draw.order = draw.order.map(rename);
  }
  for (const person of copy.participants ?? []) {
    person.id = rename(person.id);
    person.meetingId = rename(person.meetingId);
  }
  if (copy.seating) {
    copy.seating.swaps = copy.seating.swaps.map((pair: string[]) => pair.map(rename));
  }
  return copy;
}

/**
 * The file with its ids numbered in order of first appearance, and no `exportedAt`: two files of
 * the same meeting under different ids compare equal, references between the parts included.
 */
export function withIdsNumbered(file: Json): Json {
  const numbers = new Map<string, string>();
  const numbered = mapFileIds(file, (id) => {
    if (!numbers.has(id)) numbers.set(id, `#${numbers.size}`);
    return numbers.get(id) as string;
  });
  return { ...numbered, exportedAt: 0 };
}
