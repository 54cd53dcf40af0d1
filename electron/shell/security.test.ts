import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Electron cannot start on the build machine, so the shell is checked here against a stand-in
 * `electron` module that records what the shell asks of it: the window options it creates
 * windows with and the handlers it installs. The handlers themselves are the shell's own.
 */
const recorded = vi.hoisted(() => ({
  windows: [] as { webPreferences?: Record<string, unknown> }[],
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((c: unknown, p: string) => boolean),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      recorded.windows.push(options);
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    setFullScreen() {}
    setSize() {}
    setBounds() {}
    center() {}
  }
  return {
    BrowserWindow,
    app: {
      on: (name: string, handler: (...args: unknown[]) => void) =>
        recorded.appHandlers.set(name, handler),
      whenReady: () => Promise.resolve(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) =>
          (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) =>
          (recorded.permissionCheck = h),
      },
    },
    screen: {
      getAllDisplays: () => [],
      getPrimaryDisplay: () => ({ id: 1 }),
      on() {},
      off() {},
    },
  };
});

const { hardenApp, sameOrigin } = await import('./security.ts');
const { createConsoleWindow, openScreenWindow } = await import('./windows.ts');

const ORIGIN = 'http://127.0.0.1:43210';

/** A web contents as the shell sees one: it records the handlers set on it. */
function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    handlers,
    open: (url: string) => openHandler?.({ url }),
    contents: {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (name: string, h: (event: { preventDefault: () => void }, url: string) => void) =>
        handlers.set(name, h),
    },
  };
}

describe('the desktop shell', () => {
  beforeEach(() => {
    recorded.windows.length = 0;
  });

  it('creates every window isolated, sandboxed and without Node in the page', () => {
    createConsoleWindow(`${ORIGIN}/`, null);
    openScreenWindow(`${ORIGIN}/projector`, true);
    openScreenWindow(`${ORIGIN}/confidence`, false);
    expect(recorded.windows).toHaveLength(3);
    for (const window of recorded.windows) {
      expect(window.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      expect(window.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
      expect(window.webPreferences).not.toHaveProperty('webviewTag', true);
    }
  });

  it('denies new windows, navigation off the app, webviews, and permissions off the allow-list', async () => {
    hardenApp((url) => sameOrigin(url, ORIGIN));
    await Promise.resolve();
    const page = fakeContents();
    recorded.appHandlers.get('web-contents-created')?.({}, page.contents);

    expect(page.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(page.open(`${ORIGIN}/projector`)).toEqual({ action: 'deny' });

    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      page.handlers.get(name)?.(away, 'https://attacker.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      page.handlers.get(name)?.(inside, `${ORIGIN}/notes`);
      expect(inside.preventDefault).not.toHaveBeenCalled();
      const sameHostOtherPort = { preventDefault: vi.fn() };
      page.handlers.get(name)?.(sameHostOtherPort, 'http://127.0.0.1:1/');
      expect(sameHostOtherPort.preventDefault).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    page.handlers.get('will-attach-webview')?.(webview, '');
    expect(webview.preventDefault).toHaveBeenCalled();

    const answers: Record<string, boolean> = {};
    for (const permission of [
      'fullscreen',
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
    ]) {
      recorded.permissionRequest?.(null, permission, (ok) => (answers[permission] = ok));
    }
    expect(answers).toEqual({
      fullscreen: true,
      media: false,
      geolocation: false,
      notifications: false,
      'clipboard-read': false,
    });
    expect(recorded.permissionCheck?.(null, 'media')).toBe(false);
  });
});
