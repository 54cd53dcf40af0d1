import http from 'node:http';
import WebSocket from 'ws';
import type { ServeProcess } from '../e2e/serve-process.ts';

/** `count` screens on our server's live channel, each past its greeting. */
export function connectScreens(serve: ServeProcess, count: number): Promise<WebSocket[]> {
  const url = `${serve.origin.replace('http', 'ws')}/ws?token=${serve.token}`;
  return connectSockets(url, count, (ws, resolve) => ws.once('message', () => resolve(ws)));
}

/** `count` WebSocket clients of any server, each resolved once `ready` says so. */
export function connectSockets(
  url: string,
  count: number,
  ready: (ws: WebSocket, resolve: (ws: WebSocket) => void) => void,
): Promise<WebSocket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url);
          ready(ws, resolve);
          ws.once('error', reject);
        }),
    ),
  );
}

/** An HTTP request over a kept-alive connection, resolved when its answer has been read. */
export function request(
  url: string,
  method: 'GET' | 'POST',
  agent: http.Agent,
  headers: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end();
  });
}

/** A remote controller's run command to our server: plain HTTP over a kept-alive connection. */
export function postCommand(serve: ServeProcess, agent: http.Agent, path: string): Promise<void> {
  return request(`${serve.origin}${path}`, 'POST', agent, {
    Authorization: `Bearer ${serve.token}`,
  });
}

/**
 * Closes the clients and resolves once the server has answered every close, so that what the
 * server does about them leaving (Ontime tells every other client) is over before the next
 * measurement starts.
 */
export function closeAll(clients: readonly WebSocket[]): Promise<void> {
  return Promise.all(
    clients.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close();
        }),
    ),
  ).then(() => undefined);
}
