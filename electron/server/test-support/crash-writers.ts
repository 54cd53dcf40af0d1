import { isDeepStrictEqual } from 'node:util';
import type { ServeProcess } from '../../../e2e/serve-process.ts';

/** The server under test and the sample meeting the writers write to. */
export interface Session {
  serve: ServeProcess;
  meetingId: string;
  itemIds: string[];
}

/** A JSON request with the launch token; answers status and body. */
export async function request(
  serve: ServeProcess,
  method: string,
  url: string,
  body?: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${serve.origin}${url}`, {
    method,
    headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The acknowledged notes not yet found lost, by id and text as answered. */
export interface NoteLog {
  acked: { id: string; text: string }[];
  /** Every note acknowledged so far. */
  count: number;
}

/** What of the run state a command writes, as the server answered it. */
interface RunFacts {
  currentItemId: unknown;
  clock: unknown;
  itemRuns: unknown;
  message: string;
}

export interface CommandLog {
  acked: number;
  /** The last message sequence number sent. */
  seq: number;
  /** The run state after the last acknowledged command (or as found after the last restart). */
  last: (RunFacts & { command: string }) | null;
  /** The kind of command in flight when the server died: its write may or may not be there. */
  pending: 'clock' | 'message' | null;
}

/** Clock commands cycled by the organizer; "next" past the end goes back to the first item. */
const CLOCK_COMMANDS: [string, object?][] = [
  ['next'],
  ['pause'],
  ['adjust', { deltaMs: 60_000 }],
  ['resume'],
  ['next'],
  ['previous'],
  ['adjust', { deltaMs: -30_000 }],
];

const MESSAGE_PREFIX = '口令';
const seqOf = (message: string) =>
  message.startsWith(MESSAGE_PREFIX) ? Number(message.slice(MESSAGE_PREFIX.length)) : 0;

function factsOf(view: Record<string, unknown>): RunFacts {
  const itemRuns = [...((view.itemRuns as { itemId: string }[] | undefined) ?? [])].sort((a, b) =>
    a.itemId.localeCompare(b.itemId),
  );
  return {
    currentItemId: view.currentItemId,
    clock: view.clock,
    itemRuns,
    message: String(view.message ?? ''),
  };
}

/** A note-taker typing entries one after another until the server dies under them. */
export async function noteWriter(session: Session, writer: string, log: NoteLog): Promise<void> {
  const { serve, meetingId, itemIds } = session;
  const url = `/api/meetings/${meetingId}/items/${itemIds[1]}/notes`;
  for (let n = 0; ; n++) {
    const text = `${writer} 第${n}条：临时党支部把问题解决在一线`;
    try {
      const res = await request(serve, 'POST', url, { kind: 'takeaway', text });
      if (res.status !== 201) return;
      log.acked.push({ id: String(res.body.id), text: String(res.body.text) });
      log.count += 1;
    } catch {
      return; // the connection died with the server: this entry was never acknowledged
    }
  }
}

/**
 * The organizer: a clock command, then a message carrying a sequence number, over and over
 * until the server dies. A refused command (409, e.g. pausing a paused clock) wrote nothing.
 */
export async function commandWriter(session: Session, log: CommandLog): Promise<void> {
  const { serve, meetingId, itemIds } = session;
  const send = async (
    kind: 'clock' | 'message',
    command: string,
    body: object = {},
  ): Promise<boolean> => {
    log.pending = kind;
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(serve, 'POST', `/api/meetings/${meetingId}/run/${command}`, body);
    } catch {
      return false; // killed with this command in flight
    }
    if (res.status === 409) {
      log.pending = null;
      // The run is over: start again from the first item.
      return command === 'next' ? send('clock', 'goto', { itemId: itemIds[0] }) : true;
    }
    if (res.status !== 200) return false;
    log.pending = null;
    log.acked += 1;
    log.last = { ...factsOf(res.body), command };
    return true;
  };
  for (let step = 0; ; step++) {
    const [command, body] = CLOCK_COMMANDS[step % CLOCK_COMMANDS.length] as [string, object?];
    if (!(await send('clock', command, body))) return;
    log.seq += 1;
    if (!(await send('message', 'message', { text: `${MESSAGE_PREFIX}${log.seq}` }))) return;
  }
}

/** Acknowledged notes missing or changed after the restart; they are reported once. */
export async function verifyNotes(session: Session, log: NoteLog): Promise<string[]> {
  // Every page: a long run writes more notes than one page of the list holds.
  const stored = new Map<string, string>();
  for (let cursor: string | null = ''; cursor !== null;) {
    const query: string = cursor ? `?cursor=${cursor}` : '';
    const res = await request(
      session.serve,
      'GET',
      `/api/meetings/${session.meetingId}/notes${query}`,
    );
    for (const n of res.body.notes as { id: string; text: string }[]) stored.set(n.id, n.text);
    cursor = res.body.nextCursor as string | null;
  }
  const lost = log.acked.filter((a) => stored.get(a.id) !== a.text);
  log.acked = log.acked.filter((a) => stored.get(a.id) === a.text);
  return lost.map((a) => `note ${a.id} "${a.text}"`);
}

/**
 * The run state after the restart must be the one the last acknowledged command answered,
 * except for what the command in flight may have added: a later message, or a newer clock.
 */
export async function verifyCommands(session: Session, log: CommandLog): Promise<string[]> {
  const res = await request(session.serve, 'GET', `/api/meetings/${session.meetingId}/run`);
  const restored = factsOf(res.body);
  const lost: string[] = [];
  const last = log.last;
  if (last) {
    const messageKept =
      log.pending === 'message'
        ? seqOf(restored.message) >= seqOf(last.message)
        : restored.message === last.message;
    if (!messageKept) {
      lost.push(`run message "${last.message}" (found "${restored.message}")`);
    }
    const { message: _a, ...restoredClock } = restored;
    const { message: _b, command, ...lastClock } = last;
    if (log.pending !== 'clock' && !isDeepStrictEqual(restoredClock, lastClock)) {
      lost.push(`the run state answered to "${command}"`);
    }
  }
  log.last = { ...restored, command: 'restart' };
  log.pending = null;
  return lost;
}
