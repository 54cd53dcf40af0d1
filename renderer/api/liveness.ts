/**
 * Whether this screen's live socket still reaches the server. A tablet whose Wi-Fi drops, or a
 * projector PC whose cable is pulled, gets no word that its socket is gone: the browser keeps it
 * open for as long as TCP retries (many minutes), the screen says 已连接, hears nothing, and
 * never reconnects, even once the network is back. So the clock-sync pings (serverClock.ts)
 * double as a heartbeat, and a socket whose ping has gone unanswered too long is given up as
 * if it had closed: the screen shows it is offline, keeps counting, and reconnects.
 */

/** Once its clock is settled a screen still pings this often: the cost of knowing, 2 small messages. */
export const HEARTBEAT_PING_MS = 5000;
/**
 * A socket is given up at the first ping round at which its oldest unanswered ping is this old:
 * two rounds without a word, after 10 s. A hall's Wi-Fi with round trips of seconds stays well
 * inside it.
 */
export const SILENCE_LIMIT_MS = 9000;
/**
 * A round this much later than it was planned shows the page itself was held up (busy on its
 * main thread, frozen, throttled in a background tab): pongs may be waiting unread behind it, so
 * it judges nothing.
 */
export const LATE_ROUND_MS = 1000;

/**
 * Whether the socket is silent: at `at` (a round planned for `plannedAt`), its oldest
 * unanswered ping was sent at `unansweredSince` (null: every ping answered).
 */
export function isSilent(unansweredSince: number | null, plannedAt: number, at: number): boolean {
  if (unansweredSince === null) return false;
  if (at - plannedAt > LATE_ROUND_MS) return false;
  return at - unansweredSince >= SILENCE_LIMIT_MS;
}
