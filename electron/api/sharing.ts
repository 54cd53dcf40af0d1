import { z } from 'zod';

/** Sharing the screens on the local network: off by default, on with an access code. */
export const sharingStateSchema = z.object({
  enabled: z.boolean(),
  /** Addresses other devices open, one per network interface. */
  urls: z.array(z.string()),
  /** Six digits, shown to the organizer while sharing is on; empty when off. */
  code: z.string(),
});
export type SharingState = z.infer<typeof sharingStateSchema>;

export const setSharingInput = z.object({ enabled: z.boolean() }).strict();

/** Exchanged for a guest token at `POST /api/session`. */
export const sessionInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
  })
  .strict();
export const sessionOutput = z.object({ token: z.string() });
