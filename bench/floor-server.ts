/**
 * The floor of `npm run bench:peer`: a bare `ws` broadcast server with no application. A
 * command, over HTTP (`POST /command/<state>`) or over the WebSocket (`{"id", "command"}`),
 * is broadcast as one message to every connected client, then answered. Measured with the same
 * clients in the same rounds as Roundtable, it is what this machine's loopback, wake-ups and
 * per-client writes cost; no server design goes below it.
 *
 * Run as its own process (`node bench/floor-server.ts`), as the servers it is compared with
 * are; it prints `floor ready: <port>` once it listens on 127.0.0.1.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const clients = new Set<WebSocket>();

function broadcast(state: string): void {
  const message = JSON.stringify({ type: 'state.changed', state });
  for (const ws of clients) ws.send(message);
}

const server = http.createServer((req, res) => {
  const state = /^\/command\/(\w+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || !state) {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    broadcast(state);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  });
});

const sockets = new WebSocketServer({ server, path: '/ws' });
sockets.on('connection', (ws) => {
  clients.add(ws);
  ws.on('close', () => clients.delete(ws));
  // A greeting, as Roundtable's screens get theirs: a client counts once it has one.
  ws.send('{"type":"hello"}');
  ws.on('message', (data) => {
    const { id, command } = JSON.parse(String(data)) as { id: number; command: string };
    broadcast(command);
    ws.send(JSON.stringify({ id, ok: true }));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`floor ready: ${(server.address() as { port: number }).port}`);
});
