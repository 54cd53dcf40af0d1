import { z } from 'zod';
import type { RosterEntry } from '../core/roster.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const rosterEntrySchema = z.object({
  id: z.string(),
  organization: z.string(),
  name: z.string(),
  position: z.string(),
  sequence: z.number(),
  retired: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<RosterEntry>;
export type { RosterEntry };

export const rosterFieldsSchema = z.object({
  organization: text(100).min(1, 'must not be empty'),
  name: text(60),
  position: text(60),
});

export const addRosterEntryInput = rosterFieldsSchema.strict();

export const updateRosterEntryInput = rosterFieldsSchema
  .partial()
  .extend({
    entryId: z.string().min(1),
    retired: z.boolean().optional(),
    /** Move the entry to this 0-based place in the roster. */
    index: z.number().int().min(0).optional(),
  })
  .strict();

export const rosterListSchema = z.object({ entries: z.array(rosterEntrySchema) });
