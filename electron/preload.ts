import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_CHANNELS, type DesktopBridge } from './api/desktop.ts';

/** The page gets these named functions and nothing else: never ipcRenderer itself. */
const bridge = {
  isDesktop: true,
  openScreen: (path: string) => ipcRenderer.send(DESKTOP_CHANNELS.openScreen, String(path)),
  rememberMeeting: (meetingId: string) =>
    ipcRenderer.send(DESKTOP_CHANNELS.rememberMeeting, String(meetingId)),
} as const satisfies DesktopBridge;

contextBridge.exposeInMainWorld('roundtableDesktop', bridge);
