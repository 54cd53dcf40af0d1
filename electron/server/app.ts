import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ServiceContext } from '../services/context.ts';
import { createHandlers, type Handlers } from '../services/handlers.ts';
import { DATABASE_FILE_NAME } from '../store/db.ts';
import { openStore, type Store } from '../store/index.ts';
import {
  allowedHosts,
  isAllowedHost,
  isAllowedOrigin,
  presentedToken,
  tokenMatches,
} from './guard.ts';
import { BASE_HEADERS, sendError, sendJson } from './http-util.ts';
import { createHub } from './hub.ts';
import { createApiRouter } from './routes.ts';
import { createStaticHandler } from './static.ts';
import { watchWallClock } from './wall-clock-watch.ts';
import { absorbWallStep } from '../services/run.ts';

export interface ServerOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Folder of the built renderer (index.html, assets/). */
  staticDir: string;
  /** A fixed token for tests; a random one per launch otherwise. */
  token?: string;
  now?: () => number;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** The address to open, token included. */
  openUrl: string;
  dataDir: string;
  store: Store;
  handlers: Handlers;
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

/** Opens the database, then listens on loopback only. Throws if the database is damaged. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const store = openStore(path.join(options.dataDir, DATABASE_FILE_NAME));
  const hub = createHub(now);
  const ctx: ServiceContext = {
    store,
    now,
    newId: randomUUID,
    startedAt: now(),
    emit: hub.broadcast,
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
  const handleApi = createApiRouter(handlers);
  const serveStatic = createStaticHandler(options.staticDir);
  let hosts = new Set<string>();

  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req, hosts)) return sendError(res, 'forbidden', 'Host not allowed');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!tokenMatches(presentedToken(req, url), token)) {
        return sendError(res, 'unauthorized', 'missing or wrong token');
      }
      handleApi(req, res, url).catch((error: unknown) => {
        log(`roundtable: ${req.method} ${url.pathname} failed: ${String(error)}`);
        if (!res.headersSent) sendError(res, 'internal', 'internal error');
        else res.destroy();
      });
      return;
    }
    if (url.pathname === '/ws') {
      res.writeHead(426, { ...BASE_HEADERS, Connection: 'close' });
      res.end();
      return;
    }
    serveStatic(req, res, url);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isAllowedHost(req, hosts)) return refuse(403, 'Forbidden');
    if (url.pathname !== '/ws') return refuse(404, 'Not Found');
    if (!isAllowedOrigin(req, hosts)) return refuse(403, 'Forbidden');
    if (!tokenMatches(presentedToken(req, url), token)) return refuse(401, 'Unauthorized');
    hub.accept(req, socket, head);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, LOOPBACK, () => resolve());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  const url = `http://${LOOPBACK}:${port}`;

  return {
    url,
    port,
    token,
    openUrl: `${url}/?token=${token}`,
    dataDir: options.dataDir,
    store,
    handlers,
    async close() {
      stopWatching();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
