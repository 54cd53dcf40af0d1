import { z } from 'zod';
import {
  legacyParagraphEdits,
  type NewsBriefEdits,
  type ParagraphEdit,
} from '../core/news-brief.ts';

/** A headline is a line or two; a paragraph of a news brief is not a page. */
const HEADLINE_MAX = 200;
const PARAGRAPH_MAX = 5000;
/** More paragraphs than a draft has themes, figures and requirements together. */
const PARAGRAPHS_MAX = 50;
/** A key is a kind and a theme's term or an item's id: short. */
const KEY_MAX = 200;

const paragraphEditSchema = z
  .object({
    key: z.string().min(1).max(KEY_MAX),
    text: z.string().trim().min(1).max(PARAGRAPH_MAX),
    draftHash: z.string().max(KEY_MAX),
    keepAtEnd: z.boolean(),
  })
  .strict() satisfies z.ZodType<ParagraphEdit>;

const paragraphEditsSchema = z
  .array(paragraphEditSchema)
  .max(PARAGRAPHS_MAX)
  .refine((edits) => new Set(edits.map((e) => e.key)).size === edits.length, 'keys repeat');

export const newsBriefEditsSchema = z.object({
  headline: z.string().trim().min(1).max(HEADLINE_MAX).nullable(),
  paragraphs: paragraphEditsSchema,
  withSources: z.boolean(),
  minutesFinding: z.string().trim().max(PARAGRAPH_MAX),
}) satisfies z.ZodType<NewsBriefEdits>;

/**
 * The edits as a meeting file carries them: files written before paragraphs had keys list the
 * organizer's texts by place (null for an untouched paragraph), read as edits by place.
 */
export const newsBriefEditsInFileSchema = newsBriefEditsSchema
  .extend({
    paragraphs: z.union([
      paragraphEditsSchema,
      z
        .array(z.string().trim().min(1).max(PARAGRAPH_MAX).nullable())
        .max(PARAGRAPHS_MAX)
        .transform(legacyParagraphEdits),
    ]),
  })
  .strict();

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
    paragraphs: z.array(
      z.object({ key: z.string(), kind: paragraphKind, text: z.string(), draftHash: z.string() }),
    ),
  }),
  edits: newsBriefEditsSchema,
  /** The edit laid on each generated paragraph, in the same order; null where none is. */
  placed: z.array(z.object({ edit: paragraphEditSchema, draftChanged: z.boolean() }).nullable()),
  /** Edits whose paragraph is no longer in the draft: kept, shown, never laid on another. */
  orphans: z.array(paragraphEditSchema),
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
export type UpdateNewsBriefInput = z.infer<typeof updateNewsBriefInput>;

/** What an update answers: the edits as stored. */
export const newsBriefEditsViewSchema = z.object({
  meetingId: z.string(),
  edits: newsBriefEditsSchema,
});
