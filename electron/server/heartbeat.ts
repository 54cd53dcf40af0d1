import type { WebSocket } from 'ws';

/**
 * How often each screen's socket is asked whether it is still there. A tablet whose Wi-Fi drops
 * in the hall, or a projector PC unplugged from the network, does not close its socket: no
 * packet says it has gone, and the server's side of the connection stays open for as long as
 * TCP keeps retrying (many minutes). Meanwhile the server counted that lectern screen as
 * connected, so 请结束发言 went to a screen nobody could see instead of to the projector, and the
 * console listed the device as connected.
 */
export const HEARTBEAT_MS = 5000;

/**
 * Pings every socket each `intervalMs` with a WebSocket ping frame (a browser answers it by
 * itself, busy or in a background tab; so does every `ws` client); a socket that has not
 * answered, nor sent anything, by the next round is ended, which runs its close handlers. A
 * dead screen is noticed within two intervals. Nothing is sent to a screen's page: a ping frame
 * is not a message, and costs 2 bytes each way.
 *
 * A round that comes late (the server's thread was busy past the interval, so answers that came
 * meanwhile may still wait to be read) judges nobody: it only pings again.
 */
export function watchHeartbeats(
  sockets: () => Iterable<WebSocket>,
  intervalMs = HEARTBEAT_MS,
): { heard(socket: WebSocket): void; stop(): void } {
  const answered = new WeakMap<WebSocket, boolean>();
  // The process's own monotonic clock: the server's `now` is the meeting's, which tests set.
  let lastRoundAt = performance.now();
  const timer = setInterval(() => {
    const at = performance.now();
    const late = at - lastRoundAt > intervalMs * 1.5;
    lastRoundAt = at;
    for (const socket of sockets()) {
      if (socket.readyState !== socket.OPEN) continue;
      if (!late && answered.get(socket) === false) {
        socket.terminate();
        continue;
      }
      answered.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return {
    /** Anything from the socket, its pong included, says it is there. */
    heard(socket) {
      answered.set(socket, true);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
