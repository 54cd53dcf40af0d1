import { useEffect, useSyncExternalStore } from 'react';
import { serverEventSchema, type ScreenRole, type ServerEvent } from '../../electron/api/events.ts';
import { call } from './client.ts';
import { answerArrived, liveSocketClosed, liveSocketOpened } from './live-calls.ts';
import { isSilent } from './liveness.ts';
import { isPreviewFrame } from './preview.ts';
import {
  localNow,
  nextPingDelayMs,
  recordHello,
  recordPong,
  uncertaintyMs,
} from './serverClock.ts';
import { sessionToken } from './session.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';
type Listener = (event: ServerEvent) => void;

const listeners = new Set<Listener>();
const statusListeners = new Set<() => void>();
let status: LiveStatus = 'connecting';
let socket: WebSocket | undefined;
const FIRST_RETRY_MS = 250;
/**
 * Retries back off to once a second, no slower: a restarted server comes back on the same
 * address, and every screen should be on it within a second or so. A refused connection to a
 * server that is down costs it nothing, so a hall of devices retrying each second is no load.
 */
const LONGEST_RETRY_MS = 1000;
/**
 * A connection not open by then is given up and tried again. To a machine that is rebooting
 * (no answer at all, rather than a refusal) a connection attempt may otherwise hang on until
 * long after the server is back.
 */
const CONNECT_TIMEOUT_MS = 4000;
let retryMs = FIRST_RETRY_MS;
/** Bumped on each (re)connect, so views can refetch what they may have missed while away. */
let generation = 0;
/** What this screen is, told to the server on every (re)connect; null until a view says. */
let screenRole: ScreenRole | null = null;

function announceRole(ws: WebSocket | undefined) {
  if (screenRole && ws?.readyState === WebSocket.OPEN) {
    ws.send(JSON.stringify({ kind: 'screen', role: screenRole }));
  }
}

function setStatus(next: LiveStatus) {
  status = next;
  statusListeners.forEach((notify) => notify());
}

function connect() {
  const url = new URL('/ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = `?token=${encodeURIComponent(sessionToken())}`;
  const ws = new WebSocket(url);
  socket = ws;
  // Once lost, the screen stays 'closed' through every retry until it is back: a status that
  // flickered between two words each second would say less, not more.
  if (status !== 'closed') setStatus('connecting');
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  const connectTimer = setTimeout(() => {
    if (ws.readyState === WebSocket.CONNECTING) ws.close();
  }, CONNECT_TIMEOUT_MS);
  /** The oldest ping not yet answered on this socket (performance.now()), null if none. */
  let unansweredSince: number | null = null;
  ws.onopen = () => {
    clearTimeout(connectTimer);
    retryMs = FIRST_RETRY_MS;
    generation += 1;
    announceRole(ws);
    liveSocketOpened(ws);
    setStatus('open');
    // A burst of pings at connect for a quick estimate, more while it is uncertain, then one
    // every few seconds to follow drift and to know the link still works (nextPingDelayMs).
    let sent = 0;
    const ping = (plannedAt: number) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      const at = performance.now();
      if (isSilent(unansweredSince, plannedAt, at)) return giveUp(ws);
      ws.send(JSON.stringify({ kind: 'ping', clientSentAt: localNow() }));
      unansweredSince ??= at;
      sent += 1;
      const delay = nextPingDelayMs(sent, uncertaintyMs());
      syncTimer = setTimeout(() => ping(at + delay), delay);
    };
    ping(performance.now());
  };
  ws.onmessage = (message) => {
    // Anything from the server says the link works, whatever it is.
    unansweredSince = null;
    const data: unknown = JSON.parse(String(message.data));
    if (answerArrived(data)) return;
    const parsed = serverEventSchema.safeParse(data);
    if (!parsed.success) return;
    const event = parsed.data;
    if (event.kind === 'pong') recordPong(event.clientSentAt, event.serverNow);
    else if (event.kind === 'hello') recordHello(event.serverNow);
    listeners.forEach((listener) => listener(event));
  };
  ws.onclose = () => {
    clearTimeout(connectTimer);
    clearTimeout(syncTimer);
    lost(ws);
  };
}

/** The socket is gone: its unanswered calls fail, the screen says so and connects again. */
function lost(ws: WebSocket) {
  liveSocketClosed(ws);
  if (socket !== ws) return;
  setStatus('closed');
  // Was this device cut off (removed by the organizer, sharing turned off)? An ordinary call
  // answers 401 then, and the client takes the page back to the access code.
  void call('meetings.list').catch(() => {});
  setTimeout(connect, retryMs);
  retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
}

/**
 * A socket that no longer reaches the server (liveness.ts) is dropped at once: closing it
 * properly would wait on a close handshake that cannot come, so nothing of it is heard again.
 */
function giveUp(ws: WebSocket) {
  ws.onopen = ws.onmessage = ws.onclose = null;
  ws.close();
  lost(ws);
}

function ensureConnected() {
  if (!socket) connect();
}

/**
 * Calls `onEvent` for every event pushed by the server while the component is mounted.
 * Pass a stable function (useCallback), or it re-subscribes on every render.
 */
export function useLiveEvents(onEvent: Listener): void {
  useEffect(() => {
    ensureConnected();
    listeners.add(onEvent);
    return () => {
      listeners.delete(onEvent);
    };
  }, [onEvent]);
}

function subscribeStatus(notify: () => void) {
  ensureConnected();
  statusListeners.add(notify);
  return () => {
    statusListeners.delete(notify);
  };
}

/** The connection state and how many times it has (re)opened. */
export function useLiveStatus(): { status: LiveStatus; generation: number } {
  const current = useSyncExternalStore(subscribeStatus, () => `${status}:${generation}`);
  const [s, g] = current.split(':');
  return { status: s as LiveStatus, generation: Number(g) };
}

/**
 * Tells the server which screen this is (the lectern screen, the projector…), now and after
 * every reconnect: a message meant for the speaker goes to the projector when no lectern
 * screen is connected.
 */
export function useScreenRole(role: ScreenRole): void {
  useEffect(() => {
    // A console's thumbnail of the screen is not the screen: it stays anonymous.
    screenRole = isPreviewFrame() ? null : role;
    ensureConnected();
    announceRole(socket);
  }, [role]);
}
