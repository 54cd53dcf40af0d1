import { z } from 'zod';
import { agendaItemSchema } from './agenda.ts';
import { meetingSchema } from './meeting.ts';

/** Everything the server pushes over /ws. One message per change, never per tick. */
export const serverEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello'), serverNow: z.number() }),
  z.object({ kind: z.literal('meeting.saved'), meeting: meetingSchema }),
  z.object({ kind: z.literal('meeting.deleted'), meetingId: z.string() }),
  z.object({
    kind: z.literal('agenda.saved'),
    meetingId: z.string(),
    items: z.array(agendaItemSchema),
  }),
]);

export type ServerEvent = z.infer<typeof serverEventSchema>;
export type ServerEventKind = ServerEvent['kind'];
