import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientMessageSchema, type ServerEvent } from '../api/events.ts';

/**
 * The live channel to every screen. A change is serialized once and written to each socket;
 * nothing is sent on a timer.
 */
export function createHub(now: () => number) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    perMessageDeflate: false,
  });
  const clients = new Set<WebSocket>();
  const guests = new WeakSet<WebSocket>();

  wss.on('connection', (socket: WebSocket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => clients.delete(socket));
    // Clock sync: answer at once, to this socket only, with the server's time.
    socket.on('message', (data) => {
      let parsed;
      try {
        parsed = clientMessageSchema.safeParse(JSON.parse(String(data)));
      } catch {
        return;
      }
      if (parsed.success) {
        send(socket, { kind: 'pong', clientSentAt: parsed.data.clientSentAt, serverNow: now() });
      }
    });
    send(socket, { kind: 'hello', serverNow: now() });
  });

  function send(socket: WebSocket, event: ServerEvent): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  }

  return {
    accept(req: IncomingMessage, socket: Duplex, head: Buffer, role: 'organizer' | 'guest'): void {
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (role === 'guest') guests.add(ws);
        wss.emit('connection', ws, req);
      });
    },
    /** Sharing was turned off: the devices that joined with the code are cut off now. */
    dropGuests(): void {
      for (const socket of clients) if (guests.has(socket)) socket.terminate();
    },
    broadcast(event: ServerEvent): void {
      const payload = JSON.stringify(event);
      for (const socket of clients) {
        if (socket.readyState === socket.OPEN) socket.send(payload);
      }
    },
    get clientCount(): number {
      return clients.size;
    },
    close(): void {
      for (const socket of clients) socket.terminate();
      wss.close();
    },
  };
}
export type Hub = ReturnType<typeof createHub>;
