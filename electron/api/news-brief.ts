import { z } from 'zod';
import type { NewsBriefEdits } from '../core/news-brief.ts';

/** A headline is a line or two; a paragraph of a news brief is not a page. */
const HEADLINE_MAX = 200;
const PARAGRAPH_MAX = 5000;
/** More paragraphs than a draft has themes, figures and requirements together. */
const PARAGRAPHS_MAX = 50;

export const newsBriefEditsSchema = z.object({
  headline: z.string().trim().min(1).max(HEADLINE_MAX).nullable(),
  paragraphs: z.array(z.string().trim().min(1).max(PARAGRAPH_MAX).nullable()).max(PARAGRAPHS_MAX),
  withSources: z.boolean(),
  minutesFinding: z.string().trim().max(PARAGRAPH_MAX),
}) satisfies z.ZodType<NewsBriefEdits>;

const paragraphKind = z.enum(['lead', 'theme', 'highlights', 'requirements']);

/** Two notes of one speech by different note-takers, sharing key terms. */
const capturedTwiceSchema = z.object({
  noteIds: z.tuple([z.string(), z.string()]),
  texts: z.tuple([z.string(), z.string()]),
  authors: z.tuple([z.string(), z.string()]),
  terms: z.array(z.string()),
});

export const newsBriefViewSchema = z.object({
  meetingId: z.string(),
  /** The draft as generated from the notes now, before the edits. */
  generated: z.object({
    headline: z.string(),
    subheading: z.string(),
    paragraphs: z.array(z.object({ kind: paragraphKind, text: z.string() })),
  }),
  edits: newsBriefEditsSchema,
  /** The minutes' 会议认为 paragraph as the synthesis words it, to accept or edit. */
  minutesFindingDraft: z.string(),
  /** Per speaker, in agenda order: how much was noted and what two note-takers both caught. */
  coverage: z.array(
    z.object({
      itemId: z.string(),
      speaker: z.string(),
      noteCount: z.number().int(),
      thin: z.boolean(),
      capturedTwice: z.array(capturedTwiceSchema),
    }),
  ),
});
export type NewsBriefView = z.infer<typeof newsBriefViewSchema>;

export const updateNewsBriefInput = newsBriefEditsSchema
  .partial()
  .extend({ id: z.string().min(1) })
  .strict();

/** What an update answers: the edits as stored. */
export const newsBriefEditsViewSchema = z.object({
  meetingId: z.string(),
  edits: newsBriefEditsSchema,
});
