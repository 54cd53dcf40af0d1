/**
 * The console's panels for the chosen meeting, in the order it shows them. The console renders
 * from this list (a panel it has no renderer for is a type error), and the narrow-screen walk
 * (e2e/narrow-screens.spec.ts) walks it, so a new panel is checked at the door tablet's width
 * without anyone remembering to.
 */
export const CONSOLE_PANELS = [
  'run',
  'stagePreviews',
  'notesAndSearch',
  'timingChart',
  'agenda',
  'participants',
  'seating',
  'notice',
  'newsBrief',
  'details',
] as const;

export type ConsolePanel = (typeof CONSOLE_PANELS)[number];
