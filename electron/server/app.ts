import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { detail } from '../api/error-reasons.ts';
import type { ServiceContext } from '../services/context.ts';
import { createHandlers, type Handlers } from '../services/handlers.ts';
import { claimDataFolder, diskFull } from '../store/data-folder.ts';
import { isOutOfSpace } from '../store/out-of-space.ts';
import { DATABASE_FILE_NAME } from '../store/db.ts';
import { resumeSearchMergingIfPaused } from '../store/bulk-writes.ts';
import { openStore, type Store } from '../store/index.ts';
import {
  allowedHosts,
  isAllowedHost,
  isAllowedOrigin,
  parseRequestTarget,
  presentedToken,
  tokenMatches,
} from './guard.ts';
import { guardRequests, guardUpgrades } from './error-boundary.ts';
import { BASE_HEADERS, sendError, sendJson } from './http-util.ts';
import { createHub } from './hub.ts';
import { createApiRouter } from './routes.ts';
import { createDispatcher } from './dispatch.ts';
import { createWsCalls } from './ws-calls.ts';
import { createLanSharing, lanAddresses, type JoinedDevice } from './lan-sharing.ts';
import { exchangeAccessCode } from './session.ts';
import { createStaticHandler } from './static.ts';
import { watchWallClock } from './wall-clock-watch.ts';
import { absorbWallStep } from '../services/run.ts';
import { DEFAULT_BACKUPS_KEPT } from '../store/backup.ts';
import { startBackupSchedule } from './backup-schedule.ts';
import {
  listenPreferring,
  newOrganizerToken,
  recallAddress,
  rememberAddress,
} from './remembered-address.ts';
import { keepSharingIn, resumeRememberedSharing } from './sharing-memory.ts';

export interface ServerOptions {
  dataDir: string;
  /**
   * 0 picks a free port. Left out: the port of the last start (keepAcrossRestarts), or a free
   * one when it is taken or there was none.
   */
  port?: number;
  /** Folder of the built renderer (index.html, assets/). */
  staticDir: string;
  /** A fixed token for tests; otherwise the remembered one (keepAcrossRestarts) or a new one. */
  token?: string;
  /**
   * The app's own starts (serve, the desktop app): keep the port and organizer token in the
   * data folder, and sharing while it is on, so a restart after a crash or a reboot finds every
   * screen's address still good (remembered-address.ts, sharing-memory.ts).
   */
  keepAcrossRestarts?: boolean;
  now?: () => number;
  log?: (message: string) => void;
  /** Where sharing listens when turned on; the machine's network addresses by default. */
  lanAddresses?: () => string[];
  /** How many backups to keep in <dataDir>/backups (10 by default). */
  backupsKept?: number;
  /** How often each screen's socket is asked whether it is still there (heartbeat.ts). */
  heartbeatMs?: number;
  /**
   * TEST ONLY: answer writes before they are committed, so the crash tests can show that they
   * would catch lost writes (see store/unsafe-ack-before-commit.ts). Never set by the app.
   */
  unsafeAckBeforeCommit?: boolean;
  /**
   * TEST ONLY: answer writes without waiting for the WAL's flush (store/wal-flush.ts), so the
   * power-loss test can show that it would catch commits lost with the power. Never set by the app.
   */
  unsafeSynchronousNormal?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** The port asked for (remembered) when another program held it and a free one was taken. */
  takenPort: number | null;
  /** The address to open, token included. */
  openUrl: string;
  dataDir: string;
  store: Store;
  handlers: Handlers;
  /** Waits for the backups under way (for tests). */
  backupsSettled(): Promise<void>;
  /** Whether it still serves: the loopback listener and the database both open. */
  isServing(): boolean;
  /**
   * Stops serving. A quit turns sharing off for good; `machineShutdown` keeps it for the next
   * start, so the devices in the hall are back after a reboot without joining again.
   */
  close(options?: { machineShutdown?: boolean }): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';
/** Who a request is from: the organizer (the launch token) or a device that joined. */
export type Caller = { kind: 'organizer' } | { kind: 'guest'; device: JoinedDevice };

/** Opens the database, then listens on loopback only. Throws if the database is damaged. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  // Before anything is opened: a folder that cannot be used, or is in use, is refused by name.
  const claim = claimDataFolder(options.dataDir);
  const keep = options.keepAcrossRestarts === true;
  const remembered = keep ? recallAddress(options.dataDir) : null;
  const token = options.token ?? remembered?.token ?? newOrganizerToken();
  if (remembered?.tokenIssued) {
    log(`roundtable: a new organizer token (${remembered.tokenIssued})`);
  }
  let store: Store;
  try {
    store = openStore(path.join(options.dataDir, DATABASE_FILE_NAME), {
      unsafeAckBeforeCommit: options.unsafeAckBeforeCommit === true,
      unsafeSynchronousNormal: options.unsafeSynchronousNormal === true,
    });
  } catch (error) {
    claim.release();
    // Opening writes too (the WAL and its index): a full disk is named, not a stack trace.
    throw isOutOfSpace(error, options.dataDir) ? diskFull(options.dataDir) : error;
  }
  try {
    resumeSearchMergingIfPaused(store.db);
  } catch (error) {
    log(`roundtable: search index merging stays paused until the next import: ${String(error)}`);
  }
  const backups = startBackupSchedule({
    db: store.db,
    dataDir: options.dataDir,
    now,
    keep: options.backupsKept ?? DEFAULT_BACKUPS_KEPT,
    hasData: () => store.meetings.list().length > 0,
    log,
  });
  const hub = createHub(now, () => announceSharing(), options.heartbeatMs);
  const announceSharing = () =>
    hub.broadcastToOrganizer({ kind: 'sharing.changed', sharing: sharing.state() });
  const announced = <T>(outcome: T): T => {
    announceSharing();
    return outcome;
  };
  /** The HTTP connections each device has open, to close when it is revoked. */
  const deviceSockets = new Map<string, Set<Socket>>();
  let loopbackHosts = new Set<string>();
  const knownHosts = () => new Set([...loopbackHosts, ...sharing.hosts()]);

  /** The organizer has the launch token; each device has the one its access code bought. */
  function callerOf(req: http.IncomingMessage, url: URL): Caller | null {
    const presented = presentedToken(req, url);
    if (tokenMatches(presented, token)) return { kind: 'organizer' };
    const device = sharing.deviceFor(presented ?? '');
    return device ? { kind: 'guest', device } : null;
  }

  function rememberDeviceSocket(deviceId: string, socket: Socket) {
    let sockets = deviceSockets.get(deviceId);
    if (!sockets) deviceSockets.set(deviceId, (sockets = new Set()));
    if (sockets.has(socket)) return;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  }

  /** Every request, on loopback and on the network listeners, inside guardRequests' boundary. */
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void | Promise<void> => {
    if (!isAllowedHost(req, knownHosts())) {
      const why = detail('server.hostRefused', { host: req.headers.host ?? '' });
      return sendError(res, 'forbidden', 'Host not allowed', undefined, undefined, why);
    }
    const url = parseRequestTarget(req.url);
    if (typeof url === 'string') return sendError(res, 'invalid_input', url);
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/api/session') return exchangeAccessCode(req, res, sharing);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const caller = callerOf(req, url);
      if (!caller) {
        const why = detail('access.token');
        return sendError(res, 'unauthorized', 'missing or wrong token', undefined, undefined, why);
      }
      if (caller.kind === 'guest') rememberDeviceSocket(caller.device.id, req.socket);
      return handleApi(req, res, url, caller);
    }
    if (url.pathname === '/ws') {
      res.writeHead(426, { ...BASE_HEADERS, Connection: 'close' });
      res.end();
      return;
    }
    serveStatic(req, res, url);
  };

  /** Every WebSocket upgrade, inside guardUpgrades' boundary. */
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const hosts = knownHosts();
    // The Host first: nothing else of a request addressed to a foreign name is even parsed.
    if (!isAllowedHost(req, hosts)) return refuse(403, 'Forbidden');
    const url = parseRequestTarget(req.url);
    if (typeof url === 'string') return refuse(400, 'Bad Request');
    if (url.pathname !== '/ws') return refuse(404, 'Not Found');
    if (!isAllowedOrigin(req, hosts)) return refuse(403, 'Forbidden');
    const caller = callerOf(req, url);
    if (!caller) return refuse(401, 'Unauthorized');
    hub.accept(req, socket, head, caller);
  };
  const handleRequest = guardRequests(onRequest, log);
  const handleUpgrade = guardUpgrades(onUpgrade, log);

  const sharing = createLanSharing({
    handle: handleRequest,
    upgrade: handleUpgrade,
    addresses: options.lanAddresses ?? lanAddresses,
    now,
    onDisabled: () => {
      hub.dropGuests();
      for (const sockets of deviceSockets.values()) for (const s of sockets) s.destroy();
      deviceSockets.clear();
    },
    onRevoked: (deviceId) => {
      hub.dropDevice(deviceId);
      for (const s of deviceSockets.get(deviceId) ?? []) s.destroy();
      deviceSockets.delete(deviceId);
    },
    isConnected: (deviceId) => hub.isDeviceConnected(deviceId),
    onChanged: announceSharing,
    ...(keep ? { remember: keepSharingIn(options.dataDir, log) } : {}),
  });
  const closing = new AbortController();
  const ctx: ServiceContext = {
    store,
    now,
    newId: randomUUID,
    randomSeed: () => randomBytes(8).toString('hex'),
    startedAt: now(),
    closing: closing.signal,
    emit: hub.broadcast,
    runFinished: backups.runFinished,
    screens: { lecternConnected: () => hub.hasScreen('lectern') },
    // The organizer's other screens (the console in a browser too) follow every change.
    sharing: {
      state: () => sharing.state(),
      enable: () => sharing.enable().then(announced),
      disable: () => sharing.disable().then(announced),
      revoke: (deviceId) => sharing.revoke(deviceId) && announced(true),
      allow: (deviceId) => sharing.allow(deviceId) && announced(true),
    },
  };
  const handlers = createHandlers(ctx);
  const stopWatching = watchWallClock(
    now,
    (stepMs) => {
      log(
        `roundtable: the system clock stepped by ${stepMs} ms; running countdowns keep their time`,
      );
      absorbWallStep(ctx, stepMs);
    },
    (error) => log(`roundtable: absorbing a clock step failed: ${String(error)}`),
  );
  // One dispatcher for both transports: HTTP requests and calls on the screens' sockets.
  const dispatch = createDispatcher(handlers, store);
  hub.answerCallsWith(createWsCalls(dispatch, log));
  const handleApi = createApiRouter(dispatch);
  const serveStatic = createStaticHandler(options.staticDir);
  const server = http.createServer(handleRequest);
  server.on('upgrade', handleUpgrade);

  let listening;
  try {
    const wanted = options.port ?? remembered?.port ?? 0;
    listening = await listenPreferring(server, wanted, LOOPBACK, options.port === undefined);
  } catch (error) {
    closing.abort();
    await backups.stop();
    store.close();
    claim.release();
    throw error;
  }
  const { port, takenPort } = listening;
  loopbackHosts = allowedHosts(port);
  const url = `http://${LOOPBACK}:${port}`;
  if (keep) {
    try {
      rememberAddress(options.dataDir, port, token);
    } catch (error) {
      log(`roundtable: the address could not be kept for the next start: ${String(error)}`);
    }
    await resumeRememberedSharing(sharing, options.dataDir, log);
  }

  return {
    url,
    port,
    token,
    takenPort,
    openUrl: `${url}/?token=${token}`,
    dataDir: options.dataDir,
    store,
    handlers,
    backupsSettled: backups.settled,
    isServing: () => server.listening && store.db.open,
    async close({ machineShutdown = false } = {}) {
      stopWatching();
      closing.abort();
      await sharing.disable(!machineShutdown);
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backups.stop();
      store.close();
      claim.release();
    },
  };
}
