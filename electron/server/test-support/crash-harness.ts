/**
 * SIGKILL the real server (`serve`, as `npm run serve` runs it) at random moments while
 * note-takers save notes and the organizer runs the clock, restart it, and check that every
 * write it acknowledged is there and the database is sound. Used by the crash tests in the
 * suite (100 kills) and by `npm run test:crash` (500 by default), so both check the same way;
 * the power-loss test (test-support/power-loss.ts) runs the same trial with a power cut after
 * each kill.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { SAMPLE_DATE, startServe, type ServeProcess } from '../../../e2e/serve-process.ts';
import { DATABASE_FILE_NAME } from '../../store/db.ts';
import {
  commandWriter,
  noteWriter,
  request,
  verifyCommands,
  verifyNotes,
  type CommandLog,
  type NoteLog,
  type Session,
} from './crash-writers.ts';

/** What else befalls the machine after the server is killed, before it is started again. */
export interface Fault {
  /** What the figures call the kills: "kills", "power cuts". */
  label: string;
  /** Runs with the server dead; the data folder must be usable again when it resolves. */
  strike(): Promise<void>;
}

/** A SIGKILL and nothing else: what the operating system was handed survives. */
export const sigkillOnly: Fault = { label: 'kills', strike: async () => {} };

export interface CrashRunOptions {
  dataDir: string;
  kills: number;
  /** After each kill, and after the last one before the final integrity_check. */
  fault?: Fault;
  /** Extra `serve` arguments; the negative control passes --unsafe-ack-before-commit. */
  serveArgs?: string[];
  /**
   * The kill comes at a random moment up to this long after the organizer's 0, 1 or 2 commands
   * (chosen at random per kill) have been acknowledged since the writers started.
   */
  maxKillDelayMs?: number;
  /** Called after each kill has been checked. */
  onProgress?: (report: CrashReport) => void;
}

export interface LostWrite {
  kind: 'note' | 'command';
  /** What was acknowledged and is not there. */
  what: string;
  /** Found after this kill (1-based). */
  afterKill: number;
}

export interface CrashReport {
  kills: number;
  /** The fault's label. */
  killed: string;
  acknowledgedNotes: number;
  acknowledgedCommands: number;
  lost: LostWrite[];
  /** The final `PRAGMA integrity_check` (every restart in between checked it too). */
  integrity: string;
  elapsedMs: number;
}

/** One line of figures: what was killed, written and lost, for logs and docs/reliability.md. */
export function summarizeCrashReport(report: CrashReport): string {
  return (
    `${report.kills} ${report.killed}, ${report.acknowledgedNotes + report.acknowledgedCommands} acknowledged ` +
    `writes (${report.acknowledgedNotes} notes, ${report.acknowledgedCommands} run commands), ` +
    `${report.lost.length} lost, integrity_check ${report.integrity}, ` +
    `${(report.elapsedMs / 1000).toFixed(1)} s`
  );
}

/**
 * Kills the server with SIGKILL (no shutdown code runs), lets the fault strike, and starts it
 * again on its folder.
 */
export async function killAndRestart(
  serve: ServeProcess,
  dataDir: string,
  serveArgs: string[] = [],
  fault: Fault = sigkillOnly,
): Promise<ServeProcess> {
  await serve.stop('SIGKILL');
  await fault.strike();
  // Opening runs integrity_check: a damaged file would make serve refuse to start.
  return startServe(dataDir, serveArgs);
}

/** `PRAGMA integrity_check` of the database in the folder, with the server stopped. */
export function integrityOf(dataDir: string): string {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Loads the sample meeting, then stops the server cleanly, so that the starting point is on
 * disk whatever mode the server runs in.
 */
async function prepare(dataDir: string, serveArgs: string[]): Promise<Session> {
  const first = await startServe(dataDir, serveArgs);
  const sample = await request(first, 'POST', '/api/meetings/sample', { date: SAMPLE_DATE });
  const meeting = sample.body.meeting as { id: string };
  const items = sample.body.items as { id: string }[];
  await first.stop('SIGTERM');
  return {
    serve: await startServe(dataDir, serveArgs),
    meetingId: meeting.id,
    itemIds: items.map((i) => i.id),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Longer than any command takes, however loaded the machine: only a stuck writer waits it out. */
const COMMAND_WAIT_MS = 10_000;

/**
 * Waits until `acked` commands have been acknowledged, or COMMAND_WAIT_MS. Timed from the
 * writers' progress, not the clock alone, the kills land among writes on a loaded machine too,
 * where 0–120 ms after a restart often came before its first answer; a writer that stopped
 * writing only delays the kill, and its missing count fails the trial.
 */
async function untilAcknowledged(commands: CommandLog, acked: number): Promise<void> {
  const deadline = performance.now() + COMMAND_WAIT_MS;
  while (commands.acked < acked && performance.now() < deadline) await sleep(2);
}

export async function runCrashTrial(options: CrashRunOptions): Promise<CrashReport> {
  const { dataDir, kills, fault = sigkillOnly, serveArgs = [], maxKillDelayMs = 120 } = options;
  const startedAt = performance.now();
  const session = await prepare(dataDir, serveArgs);
  const notes: NoteLog = { acked: [], count: 0 };
  const commands: CommandLog = { acked: 0, seq: 0, last: null, pending: null };
  const report: CrashReport = {
    kills: 0,
    killed: fault.label,
    acknowledgedNotes: 0,
    acknowledgedCommands: 0,
    lost: [],
    integrity: 'not checked',
    elapsedMs: 0,
  };

  try {
    for (let kill = 1; kill <= kills; kill++) {
      const writers = [
        noteWriter(session, '甲', notes),
        noteWriter(session, '乙', notes),
        commandWriter(session, commands),
      ];
      await untilAcknowledged(commands, commands.acked + Math.floor(Math.random() * 3));
      await sleep(Math.floor(Math.random() * maxKillDelayMs));
      session.serve = await killAndRestart(session.serve, dataDir, serveArgs, fault);
      await Promise.all(writers);

      const lostNotes = await verifyNotes(session, notes);
      const lostCommand = await verifyCommands(session, commands);
      report.lost.push(
        ...lostNotes.map((what) => ({ kind: 'note' as const, what, afterKill: kill })),
        ...lostCommand.map((what) => ({ kind: 'command' as const, what, afterKill: kill })),
      );
      report.kills = kill;
      report.acknowledgedNotes = notes.count;
      report.acknowledgedCommands = commands.acked;
      report.elapsedMs = performance.now() - startedAt;
      options.onProgress?.(report);
    }
  } finally {
    await session.serve.stop('SIGKILL');
  }
  await fault.strike();
  report.integrity = integrityOf(dataDir);
  report.elapsedMs = performance.now() - startedAt;
  return report;
}
