import { z } from 'zod';
import { MAX_SEED_LENGTH, type DrawRecord } from '../core/draw.ts';

export const drawRecordSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  seed: z.string(),
  drawnAt: z.number(),
  drawnBy: z.string(),
  pool: z.array(z.object({ itemId: z.string(), label: z.string() })),
  order: z.array(z.string()),
}) satisfies z.ZodType<DrawRecord>;
export type { DrawRecord };

export const drawInput = z
  .object({
    id: z.string().min(1),
    /** A published seed, to reproduce that draw; without it the server picks one at random. */
    seed: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_SEED_LENGTH, `at most ${MAX_SEED_LENGTH} characters`)
      .optional(),
    /** A meeting that has been drawn already is drawn again only when this is true. */
    confirm: z.boolean().optional(),
    /** Who runs the draw, for the record. */
    drawnBy: z.string().trim().max(60, 'at most 60 characters').optional(),
  })
  .strict();

export const drawListSchema = z.object({ draws: z.array(drawRecordSchema) });
