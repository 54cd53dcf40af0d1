import { GUEST_ROLES, type GuestRole } from '../../../electron/api/sharing.ts';

/** The screen each role opens after joining. */
export const PAGE_OF_ROLE: Record<GuestRole, string> = {
  notetaker: '/notes',
  projector: '/projector',
  confidence: '/confidence',
  door: '/door',
};

/** The role a screen's address suggests to a device that has not joined yet. */
export function roleSuggestedBy(path: string): GuestRole {
  const page = path.replace(/\/+$/, '');
  return GUEST_ROLES.find((role) => PAGE_OF_ROLE[role] === page) ?? 'notetaker';
}

/**
 * The screen a device that joined may show at `path`: any screen that only reads, the note
 * screen for note-takers; anything else (the organizer's console, at `/` where the QR code
 * leads and where the back button returns) becomes its own role's screen, whose calls it may
 * make, rather than a console whose every button answers 403.
 */
export function pageForGuest(role: GuestRole, path: string): string {
  const readOnly = ['/projector', '/confidence'];
  // The door reads nothing but its list: a stage screen would only answer 403.
  const allowed =
    role === 'door' ? ['/door'] : role === 'notetaker' ? [...readOnly, '/notes'] : readOnly;
  return allowed.includes(path) ? path : PAGE_OF_ROLE[role];
}
