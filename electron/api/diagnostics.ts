import { z } from 'zod';

/** The server process's memory, in bytes, as Node reports it (for the soak test and support). */
export const diagnosticsSchema = z.object({
  memory: z.object({
    rss: z.number(),
    heapTotal: z.number(),
    heapUsed: z.number(),
    external: z.number(),
    arrayBuffers: z.number(),
  }),
  uptimeMs: z.number(),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;
