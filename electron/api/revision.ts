import { z } from 'zod';

/**
 * Which state of the server a read or an event carries. A screen reloads what it shows over
 * HTTP on every (re)connect and hears changes on its socket: the two travel apart, and a read
 * answered before a change may arrive after that change's event. Stamped on both, the screen
 * keeps the newer (renderer/api/newerRevision.ts).
 */
export const revisionSchema = z.object({
  /**
   * This server process, chosen at random when it started: the count below starts again after a
   * restart, and what a restarted server says replaces what the one before it said.
   */
  boot: z.string(),
  /** How many changes this process had made when it read or announced the state. */
  change: z.number().int().nonnegative(),
});
export type Revision = z.infer<typeof revisionSchema>;
