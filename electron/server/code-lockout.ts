/**
 * The budget of wrong access codes, counted over every address together: an attacker on the
 * network has as many addresses as it likes, so a count per address bounds nothing. After the
 * budget the door shuts for everyone (and the caller replaces the code, so what was tried is
 * void); each lockout that follows within the hour lasts twice as long, up to a cap. The sums
 * for docs/api.md ("Guessing the code") come from these constants; code-lockout.test.ts checks
 * them by simulation. Pure: time is an argument.
 */
export const WRONG_CODES_PER_OPENING = 10;
export const FIRST_LOCK_MS = 60_000;
export const LONGEST_LOCK_MS = 16 * 60_000;
/**
 * A lockout starting this long after the last one ended is a first one again, so a hall's few
 * typos in the morning do not shut the door for a quarter of an hour in the afternoon.
 */
export const LOCKOUTS_FORGOTTEN_AFTER_MS = 60 * 60_000;

export interface Lockout {
  /** Wrong codes since the door last opened (sharing turned on, or the last lockout ended). */
  wrongCodes: number;
  /** When the last lockout ends (or ended); 0 before the first. */
  lockedUntil: number;
  /** Lockouts in a row, each starting within the hour after the previous one ended. */
  streak: number;
}

export const NO_LOCKOUT: Lockout = { wrongCodes: 0, lockedUntil: 0, streak: 0 };

export function isLocked(lockout: Lockout, now: number): boolean {
  return now < lockout.lockedUntil;
}

/** How long the `streak`-th lockout in a row lasts: 1, 2, 4, 8, then 16 minutes each. */
export function lockLengthMs(streak: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** (streak - 1), LONGEST_LOCK_MS);
}

/**
 * The state after one more wrong code at `now` (the door is open: a locked door checks no code):
 * the count goes up, and the last one of the budget starts a lockout.
 */
export function afterWrongCode(lockout: Lockout, now: number): Lockout {
  const wrongCodes = lockout.wrongCodes + 1;
  if (wrongCodes < WRONG_CODES_PER_OPENING) return { ...lockout, wrongCodes };
  const forgotten =
    lockout.streak === 0 || now - lockout.lockedUntil >= LOCKOUTS_FORGOTTEN_AFTER_MS;
  const streak = forgotten ? 1 : lockout.streak + 1;
  return { wrongCodes: 0, lockedUntil: now + lockLengthMs(streak), streak };
}
