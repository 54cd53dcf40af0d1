/**
 * This screen's estimate of the server clock, NTP-style: each ping's offset is taken at the
 * middle of its round trip, and the sample with the shortest round trip wins (it has the
 * least room for error). Based on the page's monotonic clock, so a change of this device's
 * wall clock does not move the countdown.
 */
interface Sample {
  offset: number;
  rtt: number;
}

const samples: Sample[] = [];
const KEEP = 8;
let offset = 0;

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
  samples.push({ offset: serverTime - (clientSentAt + rtt / 2), rtt });
  if (samples.length > KEEP) samples.shift();
  offset = samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
}

/** A first estimate from the greeting, before any ping has come back. */
export function recordHello(serverTime: number): void {
  if (samples.length === 0) offset = serverTime - localNow();
}

export function currentOffset(): number {
  return offset;
}
