import WebSocket from 'ws';

/**
 * A screen's live socket to `origin`, announced as `role`, resolved once the server has read
 * the role. With `answersPings: false` it stops answering the server's heartbeat pings, as a
 * tablet whose Wi-Fi dropped does: nothing is closed, nothing more comes from it. `closed`
 * resolves at the time (performance.now()) the socket closed.
 */
export async function openScreenSocket(
  origin: string,
  token: string,
  role: string,
  { answersPings = true } = {},
): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const url = new URL(`/ws?token=${token}`, origin);
  url.protocol = 'ws:';
  const ws = new WebSocket(url, { autoPong: answersPings });
  let ponged = false;
  ws.on('message', (data) => {
    if ((JSON.parse(String(data)) as { kind?: string }).kind === 'pong') ponged = true;
  });
  const closed = new Promise<number>((r) => ws.once('close', () => r(performance.now())));
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ kind: 'screen', role }));
  // Messages on one socket are read in order: the pong comes after the role was taken.
  ws.send(JSON.stringify({ kind: 'ping', clientSentAt: 1 }));
  while (!ponged) await new Promise((r) => setTimeout(r, 5));
  return { ws, closed };
}
