import type { DesktopBridge } from '../electron/api/desktop.ts';
import { screenUrl } from './api/session.ts';

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by its preload). */
    roundtableDesktop?: DesktopBridge;
  }
}

/** Opens another screen: its own window in the desktop app, a new tab in a browser. */
export function openScreen(pathAndQuery: string): void {
  if (window.roundtableDesktop) window.roundtableDesktop.openScreen(pathAndQuery);
  else window.open(screenUrl(pathAndQuery), '_blank', 'noopener');
}
