import { z } from 'zod';

/**
 * What a device joins as: a note-taker may take notes; the projector and the confidence monitor
 * only show; the door (签到) reads the list of people and signs them in, and sees nothing else.
 * No device ever runs the clock, edits the meeting or changes sharing.
 */
export const GUEST_ROLES = ['notetaker', 'projector', 'confidence', 'door'] as const;
export type GuestRole = (typeof GUEST_ROLES)[number];

export const deviceSchema = z.object({
  id: z.string(),
  role: z.enum(GUEST_ROLES),
  /** The device's network address, as this computer sees it. */
  address: z.string(),
  userAgent: z.string(),
  joinedAt: z.number(),
  /** A live connection (the page is open) right now. */
  connected: z.boolean(),
});
export type SharedDevice = z.infer<typeof deviceSchema>;

/**
 * A device the organizer removed: a join from its address is refused until the organizer
 * allows it again (a new code alone would not do: it can be read again off the screen).
 */
export const removedDeviceSchema = deviceSchema.omit({ connected: true }).extend({
  removedAt: z.number(),
  /** The last time it tried to join again (noted at most once a minute); null if it has not. */
  rejoinTriedAt: z.number().nullable(),
});
export type RemovedDevice = z.infer<typeof removedDeviceSchema>;

/** Sharing the screens on the local network: off by default, on with an access code. */
export const sharingStateSchema = z.object({
  enabled: z.boolean(),
  /** Addresses other devices open, one per network interface. */
  urls: z.array(z.string()),
  /**
   * Six digits, shown to the organizer while sharing is on; empty when off. Replaced when too
   * many wrong codes lock joining, and when a device is removed.
   */
  code: z.string(),
  /** Until when every join is refused after too many wrong codes; null while joining is open. */
  lockedUntil: z.number().nullable(),
  /** The devices that joined with the code, in the order they joined. */
  devices: z.array(deviceSchema),
  /** The devices removed and not yet allowed back, in the order they were removed. */
  removed: z.array(removedDeviceSchema),
});
export type SharingState = z.infer<typeof sharingStateSchema>;

export const setSharingInput = z.object({ enabled: z.boolean() }).strict();

export const revokeDeviceInput = z.object({ deviceId: z.string().min(1) }).strict();
export const allowDeviceInput = z.object({ deviceId: z.string().min(1) }).strict();

/** Exchanged for a guest token at `POST /api/session`. */
export const sessionInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
    role: z.enum(GUEST_ROLES).default('notetaker'),
  })
  .strict();
export const sessionOutput = z.object({
  token: z.string(),
  deviceId: z.string(),
  role: z.enum(GUEST_ROLES),
});
