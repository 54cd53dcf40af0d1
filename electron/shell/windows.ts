import { BrowserWindow, screen, type Rectangle } from 'electron';
import path from 'node:path';
import { pickProjectorDisplay } from './displays.ts';

/** Every window: isolated, sandboxed, no Node in the page; only the preload's bridge. */
function secureWebPreferences(extra: Electron.WebPreferences = {}): Electron.WebPreferences {
  return {
    // The main bundle is CommonJS in .vite/build/, beside preload.cjs.
    preload: path.join(__dirname, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    ...extra,
  };
}

export function createConsoleWindow(url: string, bounds: Rectangle | null): BrowserWindow {
  const window = new BrowserWindow({
    ...(bounds ?? { width: 1400, height: 900 }),
    minWidth: 960,
    minHeight: 600,
    title: '座谈会会务助手 Roundtable',
    show: false,
    webPreferences: secureWebPreferences(),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}

/**
 * A stage screen (projector, confidence monitor). The projector goes full screen on the external
 * display when there is one, and follows displays being plugged in and out.
 */
export function openScreenWindow(url: string, fullScreenOnExternal: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 720,
    title: 'Roundtable',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences({ autoplayPolicy: 'no-user-gesture-required' }),
  });
  void window.loadURL(url);
  if (!fullScreenOnExternal) return window;

  const place = () => {
    if (window.isDestroyed()) return;
    const external = pickProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    if (external) {
      window.setFullScreen(false);
      window.setBounds(external.bounds);
      window.setFullScreen(true);
    } else {
      window.setFullScreen(false);
      window.setSize(1280, 720);
      window.center();
    }
  };
  place();
  screen.on('display-added', place);
  screen.on('display-removed', place);
  window.on('closed', () => {
    screen.off('display-added', place);
    screen.off('display-removed', place);
  });
  return window;
}
