import net from 'node:net';

/** What came back for bytes sent as they are: the status of the answer, or how the socket ended. */
export interface RawAnswer {
  /** The status of the answer's first line; null when none came. */
  status: number | null;
  /** The answer's status line and headers, and its body when the head gives its length. */
  head: string;
  /** 'answered' once a status line came; otherwise how the connection ended without one. */
  ending: 'answered' | 'closed' | 'reset-by-us' | 'no-answer';
}

export interface RawSendOptions {
  /** Reset the connection right after sending, without reading: a client that vanishes. */
  resetAfterSend?: boolean;
  /**
   * Give up waiting after this long. Not a check of speed: it only ends a case the server keeps
   * waiting on (a body announced and never sent); the case is then reported as 'no-answer'.
   */
  giveUpAfterMs?: number;
}

/**
 * Sends bytes over a plain TCP socket, exactly as given (no HTTP client tidies a malformed
 * request line, target or header), and reads the answer's head (and body, if of known length).
 */
export function sendRaw(
  host: string,
  port: number,
  bytes: string | Buffer,
  options: RawSendOptions = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (ending: RawAnswer['ending']) => {
      if (settled) return;
      settled = true;
      clearTimeout(giveUp);
      const head = received.toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({
        status: match ? Number(match[1]) : null,
        head,
        ending: match ? 'answered' : ending,
      });
      socket.destroy();
    };
    const giveUp = setTimeout(() => finish('no-answer'), options.giveUpAfterMs ?? 10_000);
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      // A body the head announces is read too (an error answer says what is wrong in it).
      const length = /\r\ncontent-length: *(\d+)/i.exec(received.subarray(0, headEnd).toString());
      if (received.length - headEnd - 4 >= Number(length?.[1] ?? 0)) finish('answered');
    });
    socket.on('connect', () => {
      socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
      if (options.resetAfterSend) {
        socket.resetAndDestroy();
        finish('reset-by-us');
      }
    });
  });
}

/** The status of `GET <target>` with the given Host, sent raw. */
export async function rawGet(
  host: string,
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<number | null> {
  const lines = Object.entries({ Host: `${host}:${port}`, Connection: 'close', ...headers })
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}\r\n`);
  return (await sendRaw(host, port, `GET ${target} HTTP/1.1\r\n${lines.join('')}\r\n`)).status;
}

/** Headers of a WebSocket upgrade request (the key is any valid 16-byte base64 value). */
export const UPGRADE_HEADERS = {
  Connection: 'Upgrade',
  Upgrade: 'websocket',
  'Sec-WebSocket-Version': '13',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
};
