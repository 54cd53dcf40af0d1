/** The part of Electron's Display that the choice of screen needs. */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The display for the projector window: the first one that is not the organizer's (the primary
 * display), or none when the laptop is alone.
 */
export function pickProjectorDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  primaryId: number,
): D | undefined {
  return displays.find((d) => d.id !== primaryId);
}
