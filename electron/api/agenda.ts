import { z } from 'zod';
import { seconds } from './meeting.ts';
import { AGENDA_ITEM_KINDS, type AgendaItem, type AgendaItemFields } from '../core/agenda.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const agendaItemKindSchema = z.enum(AGENDA_ITEM_KINDS);

/** The most agenda items a meeting holds. */
export const AGENDA_MAX_ITEMS = 500;

export const agendaItemFieldsSchema = z.object({
  kind: agendaItemKindSchema,
  title: text(120),
  speaker: text(60),
  speakerPosition: text(60),
  organization: text(120),
  topic: text(300),
  plannedMinutes: z
    .number({ error: 'a whole number of minutes' })
    .int('a whole number of minutes')
    .min(1, 'at least 1 minute')
    .max(600, 'at most 600 minutes'),
  warningSeconds: seconds.nullable(),
  dangerSeconds: seconds.nullable(),
}) satisfies z.ZodType<AgendaItemFields>;

export const agendaItemSchema = agendaItemFieldsSchema.extend({
  id: z.string(),
  meetingId: z.string(),
  position: z.number().int(),
}) satisfies z.ZodType<AgendaItem>;

export const addAgendaItemInput = agendaItemFieldsSchema
  .partial()
  .extend({
    id: z.string().min(1),
    /** Where to insert (0-based); appended when absent. */
    index: z.number().int().min(0).optional(),
  })
  .strict();

export const updateAgendaItemInput = agendaItemFieldsSchema
  .partial()
  .extend({
    id: z.string().min(1),
    itemId: z.string().min(1),
    /** Moves the item to this place in the order, in the same change. */
    index: z.number().int().min(0).optional(),
  })
  .strict();

export const agendaItemRefInput = z
  .object({ id: z.string().min(1), itemId: z.string().min(1) })
  .strict();

export const reorderAgendaInput = z
  .object({
    id: z.string().min(1),
    itemIds: z.array(z.string().min(1)).max(AGENDA_MAX_ITEMS),
  })
  .strict();

export type AgendaItemKind = z.infer<typeof agendaItemKindSchema>;
export type AgendaItemFieldsInput = z.infer<typeof agendaItemFieldsSchema>;
export type AddAgendaItemInput = z.infer<typeof addAgendaItemInput>;
export type UpdateAgendaItemInput = z.infer<typeof updateAgendaItemInput>;
export type { AgendaItem };

/** Pure helpers of the domain that every screen needs the same way. */
export { itemHeadline, speakerOrdinal } from '../core/agenda.ts';
