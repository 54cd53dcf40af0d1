import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  clientMessageSchema,
  type ScreenRole,
  type ServerEvent,
  type ServerEventKind,
} from '../api/events.ts';
import { WS_MAX_MESSAGE_BYTES, type WsAnswer } from '../api/ws-rpc.ts';
import type { Caller } from './app.ts';
import { HEARTBEAT_MS, watchHeartbeats } from './heartbeat.ts';
import { isCall, type WsCalls } from './ws-calls.ts';

/** Events that only the organizer's screens get, whoever emits them. */
const ORGANIZER_ONLY: ReadonlySet<ServerEventKind> = new Set([
  'sharing.changed',
  'job.progress',
  // Who is invited and who asked for leave is not for the projector in the hall.
  'participants.changed',
  // The notice's contact and deadlines are the organizer's working settings.
  'notice.changed',
]);

/** Who is signed in at the door: for the organizer's screens and the sign-in devices alone. */
const DOOR_LIST: ServerEventKind = 'door.changed';
/**
 * What a sign-in device at the door gets: its list, and which meeting is on stage (the one it
 * signs people in for). It reads nothing else.
 */
const DOOR_EVENTS: ReadonlySet<ServerEventKind> = new Set([DOOR_LIST, 'stage.changed']);

const isDoor = (caller: Caller | undefined) =>
  caller?.kind === 'guest' && caller.device.role === 'door';

/** A cell nothing ever signals: waiting on it is a sleep that frees the processor. */
const IDLE_CELL = new Int32Array(new SharedArrayBuffer(4));
/**
 * After a run change has been written to the screens' sockets, the server's thread gives the
 * processor up this long before going on to write the change to the database. Those socket
 * writes woke the screens' processes (the projector's renderer on the organizer's own machine;
 * the benchmark's screens); on two cores one of them often waited for the core the server kept
 * for the commit, and the change reached the last screen 0.2-0.3 ms late, in every other run.
 * Measured with the benchmark's five screens, p50 of five alternating runs: 0.77-1.28 ms
 * without the pause, 0.78-0.87 with it (a bare broadcast server: 0.67-0.80).
 */
const PAUSE_AFTER_RUN_CHANGE_MS = 0.1;

/**
 * The live channel to every screen. A change is serialized once and written to each socket;
 * no message is sent on a timer (only the heartbeat's ping frames, heartbeat.ts).
 */
export function createHub(
  now: () => number,
  onDevicesChanged: () => void = () => {},
  heartbeatMs = HEARTBEAT_MS,
) {
  /** Set once the handlers exist (they broadcast through this hub). */
  let calls: WsCalls | undefined;
  const wss = new WebSocketServer({
    noServer: true,
    // Over it, ws closes the socket with 1009 and the server goes on.
    maxPayload: WS_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  const clients = new Set<WebSocket>();
  /** Sockets of devices that joined with the access code, by device. */
  const deviceOf = new WeakMap<WebSocket, string>();
  /** What each screen said it is: a message to the speaker needs a lectern screen to show it. */
  const roleOf = new WeakMap<WebSocket, ScreenRole>();
  /** Who opened each socket: its calls are checked as that caller's requests would be. */
  const callerOf = new WeakMap<WebSocket, Caller>();
  // A screen gone without a word (its Wi-Fi dropped) is ended, as if it had closed.
  const heartbeats = watchHeartbeats(() => clients, heartbeatMs);

  wss.on('connection', (socket: WebSocket) => {
    clients.add(socket);
    heartbeats.heard(socket);
    const gone = () => {
      if (clients.delete(socket) && deviceOf.has(socket)) onDevicesChanged();
    };
    socket.on('close', gone);
    socket.on('error', gone);
    socket.on('pong', () => heartbeats.heard(socket));
    socket.on('message', (data) => {
      heartbeats.heard(socket);
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return reply(socket, calls?.unreadable(false));
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message)) {
        return reply(socket, calls?.unreadable(true));
      }
      const caller = callerOf.get(socket);
      if (isCall(message) && calls && caller) {
        return calls.handle(message, caller, (answer) => reply(socket, answer));
      }
      const parsed = clientMessageSchema.safeParse(message);
      if (!parsed.success) return;
      const known = parsed.data;
      if (known.kind === 'screen') roleOf.set(socket, known.role);
      // A clock-sync ping is answered at once, to this socket only, with the server's time.
      else send(socket, { kind: 'pong', clientSentAt: known.clientSentAt, serverNow: now() });
    });
    send(socket, { kind: 'hello', serverNow: now() });
  });

  function send(socket: WebSocket, event: ServerEvent): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  }

  /** An answer goes to the socket that called, if it is still open. */
  function reply(socket: WebSocket, answer: WsAnswer | undefined): void {
    if (answer && socket.readyState === socket.OPEN) socket.send(JSON.stringify(answer));
  }

  function broadcastToOrganizer(event: ServerEvent): void {
    const payload = JSON.stringify(event);
    for (const socket of clients) {
      if (!deviceOf.has(socket) && socket.readyState === socket.OPEN) socket.send(payload);
    }
  }

  return {
    /** Calls on the screens' sockets are answered from now on (see ws-calls.ts). */
    answerCallsWith(answering: WsCalls): void {
      calls = answering;
    },
    /** `caller`: the organizer, or a device that joined with the access code. */
    accept(req: IncomingMessage, socket: Duplex, head: Buffer, caller: Caller): void {
      const deviceId = caller.kind === 'guest' ? caller.device.id : null;
      wss.handleUpgrade(req, socket, head, (ws) => {
        callerOf.set(ws, caller);
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
        const door = isDoor(callerOf.get(socket));
        const wanted =
          event.kind === DOOR_LIST
            ? door || !deviceOf.has(socket)
            : !door || DOOR_EVENTS.has(event.kind);
        if (wanted && socket.readyState === socket.OPEN) socket.send(payload);
      }
      // What the hall watches: let the screens read it before the server writes it down.
      if (event.kind === 'run.changed') Atomics.wait(IDLE_CELL, 0, 0, PAUSE_AFTER_RUN_CHANGE_MS);
    },
    get clientCount(): number {
      return clients.size;
    },
    close(): void {
      heartbeats.stop();
      for (const socket of clients) socket.terminate();
      wss.close();
    },
  };
}
export type Hub = ReturnType<typeof createHub>;
