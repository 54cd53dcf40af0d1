/**
 * The screens of the app, one route each. The router maps every one to its view (a path missing
 * there, or one there but not here, is a type error), and the narrow-screen walk
 * (e2e/narrow-screens.spec.ts) walks them all, so a new screen is checked at the door tablet's
 * width without anyone remembering to.
 */
export const SCREEN_PATHS = ['/', '/projector', '/confidence', '/notes', '/door'] as const;

export type ScreenPath = (typeof SCREEN_PATHS)[number];

export function isScreenPath(path: string): path is ScreenPath {
  return (SCREEN_PATHS as readonly string[]).includes(path);
}
