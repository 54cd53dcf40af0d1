import type { Revision } from '../../electron/api/revision.ts';

/** True when `a` is a later change than `b` of the same server process. */
export const isLaterRevision = (a: Revision, b: Revision): boolean =>
  a.boot === b.boot && a.change > b.change;

/**
 * Of what a screen holds and what just arrived (a reload's answer or a pushed event), the one
 * to show: the arrival, unless the held value is from the same server process and a later
 * change. A tie is the same state, so the arrival may take its place. Another process (the
 * server restarted) always wins: its count started again, and only it is connected now.
 */
export function newerRevision<T extends { revision: Revision }>(held: T | null, arrived: T): T {
  return held && isLaterRevision(held.revision, arrived.revision) ? held : arrived;
}
