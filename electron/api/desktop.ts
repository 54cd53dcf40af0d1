/**
 * What the desktop shell's preload gives the page (as `window.roundtableDesktop`), and nothing
 * more: no ipcRenderer, no Node. In browser mode it is absent and the page uses browser means
 * (a new tab) instead.
 */
export interface DesktopBridge {
  readonly isDesktop: true;
  /** Opens one of the app's screens (e.g. "/projector?meeting=…") in its own window. */
  openScreen(path: string): void;
  /** Remembers the meeting the console has open, so the next launch reopens it. */
  rememberMeeting(meetingId: string): void;
}

/** The IPC channel names behind the bridge, shared by preload and main. */
export const DESKTOP_CHANNELS = {
  openScreen: 'roundtable:open-screen',
  rememberMeeting: 'roundtable:remember-meeting',
} as const;

/** Screens a window may be opened on; anything else is refused by the shell. */
export const SCREEN_PATHS = ['/', '/projector', '/confidence', '/notes'] as const;
