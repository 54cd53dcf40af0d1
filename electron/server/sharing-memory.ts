import path from 'node:path';
import { z } from 'zod';
import { deviceSchema, removedDeviceSchema } from '../api/sharing.ts';
import type { LanSharing } from './lan-sharing.ts';
import { readOwnerOnlyJson, removeOwnerOnlyFile, writeOwnerOnlyJson } from './owner-only-file.ts';

/**
 * Sharing as it stands while it is on, kept in the data folder so that a server that crashed
 * or lost its machine comes back sharing on the same port with the same code and the same
 * devices, and no tablet in the hall has to join again. Turning sharing off (and so a deliberate
 * quit) removes the file. It holds every device's token: owner-only (0600).
 */
export const SHARING_FILE_NAME = 'sharing.json';

const sharingMemorySchema = z.object({
  /** The port the LAN listeners had: the devices' pages are on it. */
  port: z.number().int().min(1).max(65535),
  code: z.string().regex(/^\d{6}$/),
  lockout: z.object({
    wrongCodes: z.number().int().min(0),
    lockedUntil: z.number(),
    streak: z.number().int().min(0),
  }),
  devices: z.array(deviceSchema.omit({ connected: true }).extend({ token: z.string().min(32) })),
  removed: z.array(removedDeviceSchema),
});
export type SharingMemory = z.infer<typeof sharingMemorySchema>;

/** What the file says: sharing to resume, none, or why it is not resumed. */
export type RecalledSharing =
  | { kind: 'resume'; memory: SharingMemory }
  | { kind: 'none' }
  | { kind: 'refused'; reason: string };

export function recallSharing(dataDir: string): RecalledSharing {
  const read = readOwnerOnlyJson(path.join(dataDir, SHARING_FILE_NAME));
  if (!read) return { kind: 'none' };
  // Other users could have read the devices' tokens: those devices join again with a new code.
  if (read.exposed)
    return { kind: 'refused', reason: `${SHARING_FILE_NAME} was readable by other users` };
  const parsed = sharingMemorySchema.safeParse(read.data);
  if (!parsed.success) return { kind: 'refused', reason: `${SHARING_FILE_NAME} is damaged` };
  return { kind: 'resume', memory: parsed.data };
}

/** Keeps sharing's state while it is on; null (sharing off) removes the file. */
export function rememberSharing(dataDir: string, memory: SharingMemory | null): void {
  const file = path.join(dataDir, SHARING_FILE_NAME);
  if (memory) writeOwnerOnlyJson(file, memory);
  else removeOwnerOnlyFile(file);
}

/**
 * The `remember` of createLanSharing: a file that cannot be written (a full disk) costs only
 * the resume after a crash, so it is logged and sharing goes on.
 */
export function keepSharingIn(dataDir: string, log: (message: string) => void) {
  return (memory: SharingMemory | null): void => {
    try {
      rememberSharing(dataDir, memory);
    } catch (error) {
      log(`roundtable: sharing's state could not be kept in ${dataDir}: ${String(error)}`);
    }
  };
}

/** At start: sharing that was on when the server died is turned on again as it was. */
export async function resumeRememberedSharing(
  sharing: LanSharing,
  dataDir: string,
  log: (message: string) => void,
): Promise<void> {
  const recalled = recallSharing(dataDir);
  if (recalled.kind === 'none') return;
  if (recalled.kind === 'refused') {
    log(`roundtable: sharing is not resumed (${recalled.reason}); turn it on again if needed`);
    keepSharingIn(dataDir, log)(null);
    return;
  }
  try {
    const state = await sharing.resume(recalled.memory);
    const moved = !state.urls.some((url) => url.endsWith(`:${recalled.memory.port}/`));
    log(
      `roundtable: sharing resumed as it was before the restart (${state.devices.length} devices)` +
        (moved
          ? `; its port ${recalled.memory.port} was taken: devices must open ${state.urls.join(' ')}`
          : ''),
    );
  } catch (error) {
    log(`roundtable: sharing could not be resumed: ${String(error)}`);
    keepSharingIn(dataDir, log)(null);
  }
}
