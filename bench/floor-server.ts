/**
 * The floor of `npm run bench:peer`: a bare `ws` broadcast server with no application. A
 * command, over HTTP (`POST /call/<method>`) or as a call on the WebSocket (the shape of
 * electron/api/ws-rpc.ts, `{"kind":"call","id","method"}`), is broadcast as one message to
 * every connected client, then answered. Measured with the same
 * clients in the same rounds as Roundtable, it is what this machine's loopback, wake-ups and
 * per-client writes cost; no server design goes below it.
 *
 * With `--durable <folder>` (the floor of the note save, bench/notes.ts) each call is also made
 * durable before it is answered, as a committed note is: one 4 KiB page written over a file laid
 * down in that folder and flushed with fdatasync. That is the least any acknowledged durable
 * write costs on this machine's disk.
 *
 * Run as its own process (`node bench/floor-server.ts`), as the servers it is compared with
 * are; it prints `floor ready: <port>` once it listens on 127.0.0.1.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocketServer, type WebSocket } from 'ws';
import { syncToDisk } from '../electron/store/sync-to-disk.ts';

const { values } = parseArgs({ options: { durable: { type: 'string' } } });

const PAGE_BYTES = 4096;
const FILE_BYTES = 16 * 1024 * 1024;

/**
 * Lays the file down whole and synced (as Roundtable's WAL is), then writes a page per call.
 * The folder is the caller's, and removed by it.
 */
function durableWriter(folder: string): () => void {
  const file = path.join(folder, 'floor-durable-writes');
  const fd = fs.openSync(file, 'w+');
  fs.writeSync(fd, Buffer.alloc(FILE_BYTES));
  syncToDisk(file);
  syncToDisk(folder);
  const page = Buffer.alloc(PAGE_BYTES, 1);
  let at = 0;
  return () => {
    fs.writeSync(fd, page, 0, PAGE_BYTES, at);
    fs.fdatasyncSync(fd);
    at = (at + PAGE_BYTES) % FILE_BYTES;
  };
}

const makeDurable = values.durable ? durableWriter(values.durable) : () => {};

const clients = new Set<WebSocket>();

function broadcast(method: string): void {
  const message = JSON.stringify({ type: 'state.changed', method });
  for (const ws of clients) ws.send(message);
}

const server = http.createServer((req, res) => {
  const method = /^\/call\/([\w.]+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || !method) {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    makeDurable();
    broadcast(method);
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
    const { id, method } = JSON.parse(String(data)) as { id: number; method: string };
    makeDurable();
    broadcast(method);
    ws.send(JSON.stringify({ kind: 'answer', id, ok: true, output: null }));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`floor ready: ${(server.address() as { port: number }).port}`);
});
