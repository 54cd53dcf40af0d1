/**
 * The desktop entry: the same server as `npm run serve`, started in-process on loopback, and
 * windows opened on it. Everything else (data, rules, screens) lives below this shell.
 */
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, type IpcMainEvent } from 'electron';
import path from 'node:path';
import { DESKTOP_CHANNELS, SCREEN_PATHS } from './api/desktop.ts';
import { startServer, type RunningServer } from './server/app.ts';
import {
  backupOfferFor,
  describeRestored,
  QUIT_BUTTON,
  RESTORE_BUTTON,
} from './server/backup-offer.ts';
import { installLastResort } from './server/last-resort.ts';
import { describeStartupError } from './server/startup-error.ts';
import { restoreLatestBackup } from './store/restore-backup.ts';
import { openPrefs } from './shell/prefs.ts';
import { hardenApp, sameOrigin } from './shell/security.ts';
import { createConsoleWindow, openScreenWindow } from './shell/windows.ts';

// Tests and portable installs may put the data elsewhere.
if (process.env.ROUNDTABLE_DATA_DIR) app.setPath('userData', process.env.ROUNDTABLE_DATA_DIR);

let server: RunningServer | undefined;
/** The machine is shutting down or rebooting: not a quit, so sharing is kept for the next start. */
let machineShutdown = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenApp((url) => server !== undefined && sameOrigin(url, server.url));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  // What escapes every request's boundary is logged and the app goes on while its server serves.
  installLastResort({
    log: (message) => console.error(message),
    stillServing: () => server?.isServing() ?? false,
    stop: (errorId) => {
      dialog.showErrorBox(
        'Roundtable',
        `Roundtable 因内部错误已停止（错误编号 ${errorId}），请重新打开。\n` +
          `Roundtable stopped after an internal error (error id ${errorId}); open it again.`,
      );
      app.exit(1);
    },
  });
  // .catch, not a second argument of .then: a failing launch (a damaged database) lands in fail.
  app.whenReady().then(launch).catch(fail);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void server?.close({ machineShutdown }));
}

async function launch(): Promise<void> {
  const dataDir = app.getPath('userData');
  // The port and token of the last start (a free port if it is taken), sharing as it was.
  server = await startServer({
    dataDir,
    keepAcrossRestarts: true,
    staticDir: path.join(app.getAppPath(), '.vite', 'renderer'),
  });
  const prefs = openPrefs(dataDir);
  const running = server;

  const fromOurPage = (event: IpcMainEvent) =>
    sameOrigin(event.senderFrame?.url ?? '', running.url);
  ipcMain.on(DESKTOP_CHANNELS.openScreen, (event, screenPath: unknown) => {
    if (!fromOurPage(event) || typeof screenPath !== 'string') return;
    const url = new URL(screenPath, running.url);
    if (url.origin !== running.url || !(SCREEN_PATHS as readonly string[]).includes(url.pathname))
      return;
    url.searchParams.set('token', running.token);
    openScreenWindow(url.toString(), url.pathname === '/projector');
  });
  ipcMain.on(DESKTOP_CHANNELS.rememberMeeting, (event, meetingId: unknown) => {
    if (fromOurPage(event) && typeof meetingId === 'string') prefs.rememberMeeting(meetingId);
  });

  const consoleUrl = new URL(running.openUrl);
  const last = prefs.lastMeetingId();
  if (last) consoleUrl.searchParams.set('meeting', last);
  const window = createConsoleWindow(consoleUrl.toString(), prefs.consoleBounds());
  // Linux and macOS say so through powerMonitor, Windows through the window's session-end.
  powerMonitor.on('shutdown', () => (machineShutdown = true));
  window.on('session-end', () => (machineShutdown = true));
  window.on('close', () => prefs.saveConsoleBounds(window.getBounds()));
}

async function fail(error: unknown): Promise<void> {
  const message = describeStartupError(error, 'dialog-button');
  const offer = backupOfferFor(error);
  if (offer && message) {
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: 'Roundtable',
      message: '数据库文件已损坏 — the database file is damaged',
      detail: message,
      buttons: [RESTORE_BUTTON, QUIT_BUTTON],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice.response !== 0) return app.exit(1);
    try {
      const restored = await restoreLatestBackup(offer.dataDir, Date.now());
      await dialog.showMessageBox({
        type: 'info',
        title: 'Roundtable',
        message: describeRestored(restored),
      });
      return await launch();
    } catch (restoreError) {
      return fail(restoreError);
    }
  }
  dialog.showErrorBox('Roundtable', message ?? String((error as Error)?.stack ?? error));
  app.exit(1);
}
