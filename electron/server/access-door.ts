import { randomInt } from 'node:crypto';
import type { RemovedDevice, SharedDevice } from '../api/sharing.ts';
import { afterWrongCode, isLocked, NO_LOCKOUT, type Lockout } from './code-lockout.ts';
import { tokenMatches } from './guard.ts';

/** What a presented code gets at the door. */
export type DoorAnswer =
  | { kind: 'right' }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfterMs: number }
  | { kind: 'removed' };

/**
 * A removed device's repeated tries show in the organizer's list at most once a minute, so a
 * device knocking in a loop cannot flood the organizer's screens with updates.
 */
const REJOIN_TRY_NOTED_EVERY_MS = 60_000;

/** Six random digits, never the code they replace (a renewal must void what was learned). */
function freshCode(previous: string): string {
  let code = previous;
  while (code === previous) code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return code;
}

/**
 * The door of sharing: the access code, the wrong-code budget shared by every address, and the
 * devices the organizer removed, refused by their address until the organizer allows them back.
 * The removed list outlives turning sharing off and on: only the organizer's allow lifts it.
 */
export function createAccessDoor(options: {
  now: () => number;
  /** The organizer's view changed on its own: a lockout began, a removed device knocked. */
  onChanged: () => void;
}) {
  let code = '';
  let lockout: Lockout = NO_LOCKOUT;
  let removed: RemovedDevice[] = [];

  return {
    code: () => code,
    /** Until when every join is refused; null while the door is open. */
    lockedUntil: (): number | null =>
      isLocked(lockout, options.now()) ? lockout.lockedUntil : null,
    removed: (): RemovedDevice[] => removed,
    /** What a restart must keep: the code, the wrong-code budget, who is kept out. */
    snapshot: () => ({ code, lockout, removed }),
    /** Sharing resumed after a restart: the door as it was, not a new code (sharing-memory.ts). */
    reopen(kept: { code: string; lockout: Lockout; removed: RemovedDevice[] }): void {
      ({ code, lockout, removed } = kept);
    },
    /** Sharing turned on: a new code and a fresh budget (the organizer's own doing). */
    open(): void {
      code = freshCode(code);
      lockout = NO_LOCKOUT;
    },
    close(): void {
      code = '';
    },
    /** Keeps the device out (by its address) and replaces the code it knew. */
    remove(device: Omit<SharedDevice, 'connected'>): void {
      const { id, role, address, userAgent, joinedAt } = device;
      removed = [
        ...removed,
        { id, role, address, userAgent, joinedAt, removedAt: options.now(), rejoinTriedAt: null },
      ];
      code = freshCode(code);
    },
    /** The organizer lets a removed device join again; false if it is not in the list. */
    allow(deviceId: string): boolean {
      const before = removed.length;
      removed = removed.filter((d) => d.id !== deviceId);
      return removed.length < before;
    },
    /**
     * Checks a code presented from `address`. A removed device is refused before its code is
     * looked at, and a locked door looks at none: neither tells anything about the code.
     */
    check(presented: string, address: string): DoorAnswer {
      const now = options.now();
      const knocking = removed.filter((d) => d.address === address);
      if (knocking.length > 0) {
        const noted = knocking.every(
          (d) => d.rejoinTriedAt !== null && now - d.rejoinTriedAt < REJOIN_TRY_NOTED_EVERY_MS,
        );
        if (!noted) {
          removed = removed.map((d) => (d.address === address ? { ...d, rejoinTriedAt: now } : d));
          options.onChanged();
        }
        return { kind: 'removed' };
      }
      if (isLocked(lockout, now))
        return { kind: 'locked', retryAfterMs: lockout.lockedUntil - now };
      if (tokenMatches(presented, code)) return { kind: 'right' };
      lockout = afterWrongCode(lockout, now);
      if (!isLocked(lockout, now)) return { kind: 'wrong' };
      code = freshCode(code);
      options.onChanged();
      return { kind: 'locked', retryAfterMs: lockout.lockedUntil - now };
    },
  };
}
export type AccessDoor = ReturnType<typeof createAccessDoor>;
