import { HEARTBEAT_PING_MS } from './liveness.ts';

/**
 * This screen's estimate of the server clock, NTP-style: each ping's offset is taken at the
 * middle of its round trip, and the sample with the shortest round trip wins (it has the
 * least room for error). Based on the page's monotonic clock, so a change of this device's
 * wall clock does not move the countdown.
 */
export interface Sample {
  offset: number;
  rtt: number;
}

let samples: Sample[] = [];
const KEEP = 8;
let offset = 0;

/** Below a countdown's second and above the timers' granularity. */
const AGREEMENT_MARGIN_MS = 50;

/**
 * The samples to estimate from once `sample` has come in. Each sample says the offset lies within
 * half its round trip of its own; when the newest and the one in use cannot both be right, a clock
 * moved since (the server's wall clock was set, this device slept, the server restarted on a
 * clock set differently), and the older samples describe a clock that is gone:
 * only the newest is kept. Without this the best old sample went on winning, and a countdown
 * stayed off by the step until eight more pings (four minutes) had pushed it out.
 */
export function withSample(held: readonly Sample[], sample: Sample): Sample[] {
  const inUse = bestOf(held);
  const agree =
    !inUse ||
    Math.abs(sample.offset - inUse.offset) <= (sample.rtt + inUse.rtt) / 2 + AGREEMENT_MARGIN_MS;
  return agree ? [...held, sample].slice(-KEEP) : [sample];
}

/** The sample with the shortest round trip: it has the least room for error. */
export function bestOf(held: readonly Sample[]): Sample | undefined {
  return held.reduce<Sample | undefined>(
    (best, s) => (!best || s.rtt < best.rtt ? s : best),
    undefined,
  );
}

export const localNow = (): number => performance.timeOrigin + performance.now();

/** Server time, now, as this screen best knows it. */
export const serverNow = (): number => localNow() + offset;

export function recordPong(
  clientSentAt: number,
  serverTime: number,
  receivedAt = localNow(),
): void {
  const rtt = receivedAt - clientSentAt;
  if (rtt < 0) return;
  samples = withSample(samples, { offset: serverTime - (clientSentAt + rtt / 2), rtt });
  offset = bestOf(samples)?.offset ?? offset;
}

/** A first estimate from the greeting, before any ping has come back. */
export function recordHello(serverTime: number): void {
  if (samples.length === 0) offset = serverTime - localNow();
}

export function currentOffset(): number {
  return offset;
}

/** How far the estimate in use may be off: half its round trip (unknown before any pong). */
export function uncertaintyMs(): number {
  const inUse = bestOf(samples);
  return inUse ? inUse.rtt / 2 : Number.POSITIVE_INFINITY;
}

/** A quick first estimate: five pings this far apart as a connection opens. */
const BURST_PINGS = 5;
const BURST_GAP_MS = 150;
/**
 * Close enough for a countdown in seconds, and above what a tablet's Wi-Fi round trip leaves (a
 * 120 ms round trip is 60 ms): until then pinged each RETRY_GAP_MS, for at most RETRY_PINGS.
 */
const GOOD_ENOUGH_MS = 100;
const RETRY_GAP_MS = 1000;
const RETRY_PINGS = 30;
/**
 * Then to follow drift, and to know the link still works (liveness.ts: the heartbeat): a screen
 * counting down sends nothing more than this.
 */
const FOLLOW_GAP_MS = HEARTBEAT_PING_MS;

/**
 * When to ping next, `sent` pings into a connection. A page busy as it connects (loading on a
 * slow projector PC, rendering what it reloaded) reads its pongs late, so the whole first burst
 * may measure round trips of seconds, and the countdown was off by half of one until the next
 * ping. While the estimate may be off by more than GOOD_ENOUGH_MS it asks again each second (a
 * link that stays that slow, no more than RETRY_PINGS times); then every FOLLOW_GAP_MS.
 */
export function nextPingDelayMs(sent: number, uncertainty: number): number {
  if (sent < BURST_PINGS) return BURST_GAP_MS;
  const unsure = uncertainty > GOOD_ENOUGH_MS && sent < BURST_PINGS + RETRY_PINGS;
  return unsure ? RETRY_GAP_MS : FOLLOW_GAP_MS;
}
