import { z } from 'zod';
import { revisionSchema } from './revision.ts';

/**
 * The meeting on stage: what the projector, the lectern screen and (unless a note-taker chose
 * another) the note screens show. `chosen` is false when nobody put a meeting on stage yet and
 * the server picked one (the meeting whose clock runs, else the first in the list).
 */
export const stageSchema = z.object({
  meetingId: z.string().nullable(),
  chosen: z.boolean(),
  /** A screen's reload after a reconnect never puts back a meeting the stage has left. */
  revision: revisionSchema,
});
export type Stage = z.infer<typeof stageSchema>;

export const stageGetInput = z.object({}).strict();
export const stageSetInput = z.object({ meetingId: z.string().min(1).max(200) }).strict();
