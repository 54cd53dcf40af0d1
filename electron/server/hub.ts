import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  clientMessageSchema,
  type ScreenRole,
  type ServerEvent,
  type ServerEventKind,
} from '../api/events.ts';

/** Events that only the organizer's screens get, whoever emits them. */
const ORGANIZER_ONLY: ReadonlySet<ServerEventKind> = new Set(['sharing.changed', 'job.progress']);

/**
 * The live channel to every screen. A change is serialized once and written to each socket;
 * nothing is sent on a timer.
 */
export function createHub(now: () => number, onDevicesChanged: () => void = () => {}) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    perMessageDeflate: false,
  });
  const clients = new Set<WebSocket>();
  /** Sockets of devices that joined with the access code, by device. */
  const deviceOf = new WeakMap<WebSocket, string>();
  /** What each screen said it is: a message to the speaker needs a lectern screen to show it. */
  const roleOf = new WeakMap<WebSocket, ScreenRole>();

  wss.on('connection', (socket: WebSocket) => {
    clients.add(socket);
    const gone = () => {
      if (clients.delete(socket) && deviceOf.has(socket)) onDevicesChanged();
    };
    socket.on('close', gone);
    socket.on('error', gone);
    // A clock-sync ping is answered at once, to this socket only, with the server's time.
    socket.on('message', (data) => {
      let parsed;
      try {
        parsed = clientMessageSchema.safeParse(JSON.parse(String(data)));
      } catch {
        return;
      }
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.kind === 'screen') roleOf.set(socket, message.role);
      else send(socket, { kind: 'pong', clientSentAt: message.clientSentAt, serverNow: now() });
    });
    send(socket, { kind: 'hello', serverNow: now() });
  });

  function send(socket: WebSocket, event: ServerEvent): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  }

  function broadcastToOrganizer(event: ServerEvent): void {
    const payload = JSON.stringify(event);
    for (const socket of clients) {
      if (!deviceOf.has(socket) && socket.readyState === socket.OPEN) socket.send(payload);
    }
  }

  return {
    /** `deviceId` for a device that joined with the access code; null for the organizer. */
    accept(req: IncomingMessage, socket: Duplex, head: Buffer, deviceId: string | null): void {
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (deviceId) deviceOf.set(ws, deviceId);
        wss.emit('connection', ws, req);
        if (deviceId) onDevicesChanged();
      });
    },
    /** Sharing was turned off: the devices that joined with the code are cut off now. */
    dropGuests(): void {
      for (const socket of clients) if (deviceOf.has(socket)) socket.terminate();
    },
    /** One device was revoked: its sockets close now. */
    dropDevice(deviceId: string): void {
      for (const socket of clients) if (deviceOf.get(socket) === deviceId) socket.terminate();
    },
    /** Whether a screen that said it is `role` is connected now. */
    hasScreen(role: ScreenRole): boolean {
      for (const socket of clients) if (roleOf.get(socket) === role) return true;
      return false;
    },
    isDeviceConnected(deviceId: string): boolean {
      for (const socket of clients) if (deviceOf.get(socket) === deviceId) return true;
      return false;
    },
    /** To the organizer's screens only: what devices have joined is not the guests' business. */
    broadcastToOrganizer,
    broadcast(event: ServerEvent): void {
      // An export's or import's progress is the organizer's business, like the work itself.
      if (ORGANIZER_ONLY.has(event.kind)) return broadcastToOrganizer(event);
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
