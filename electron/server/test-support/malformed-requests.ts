/**
 * A generated corpus of malformed HTTP requests, as raw bytes: request lines, targets and
 * headers no HTTP client would send, each also as a WebSocket upgrade, plus seeded random
 * mutations of well-formed requests. Aimed at a real server to show nothing a client sends can
 * end it (issue 12); each case is a complete request, so the server has no reason to wait.
 */

export interface MalformedCase {
  name: string;
  bytes: Buffer;
  /** The client resets the connection right after sending, without reading the answer. */
  resetAfterSend?: boolean;
}

/** Where the corpus is aimed: the Host value the listener answers to, and the organizer token. */
export interface CorpusTarget {
  host: string;
  token: string;
}

const TARGETS = [
  '/a%00.js',
  '/%00',
  '/assets/%00.css',
  '/api/meetings/%00',
  '/api/meetings/%00/run',
  '/ws%00',
  '/a%zz.js',
  '/%',
  '/%%',
  '/%E0%A4%A',
  '/%C0%AF',
  '/%ED%A0%80',
  '/projector%FF',
  'http://[/',
  'http://%zz/',
  'http://[::1',
  'http://127.0.0.1:99999/',
  'http://user:pw@/',
  'http:',
  'http://',
  '//[',
  '//',
  '///',
  '//%zz',
  '*',
  '?',
  '#',
  '/..%2f..%2fetc%2fpasswd',
  '/../../../etc/passwd',
  '/assets/../../package.json',
  '/.%2e/.%2e/package.json',
  '/index.html%00.png',
  '/api',
  '/api/',
  '/api/meetings?token=%00',
  '/api/meetings?token=%zz&x=%',
  '/ws',
  '/ws?token=%00',
  '/healthz?%zz',
  `/${'a'.repeat(6000)}.js`,
  `/${'%00'.repeat(500)}`,
  `/${'%zz'.repeat(500)}`,
];

/** Raw bytes of targets that are not ASCII: Latin-1 bytes, UTF-8, invalid UTF-8. */
const BYTE_TARGETS = [
  Buffer.from('/\u00e9', 'latin1'),
  Buffer.from('/会议', 'utf8'),
  Buffer.from([0x2f, 0xff, 0xfe]),
  Buffer.from([0x2f, 0xc0, 0xaf]),
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT'];
const ODD_METHODS = ['get', 'G\0T', 'FOO', 'GET\t', `${'X'.repeat(300)}`, '\u00c9T'];
const VERSIONS = [
  'HTTP/1.0',
  'HTTP/1.1',
  'HTTP/2.0',
  'HTTP/9.9',
  'http/1.1',
  'HTTP/1',
  'HTTP/1.1x',
];

const UPGRADE = [
  'Connection: Upgrade',
  'Upgrade: websocket',
  'Sec-WebSocket-Version: 13',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
];

/** Header lines that break a rule each, sent beside a valid Host (or in place of it). */
function oddHeaders(target: CorpusTarget): string[][] {
  const { host, token } = target;
  return [
    [],
    ['Host:'],
    [`Host: ${host}`, 'Host: evil.example'],
    [`Host: ${host}/path`],
    [`Host: user@${host}`],
    [`Host: ${host}\0`],
    [`Host: ${host.toUpperCase()}`],
    [`Host: ${host}`, 'NoColonHere'],
    [`Host: ${host}`, ': empty name'],
    [`Host: ${host}`, 'Bad Name: space in the name'],
    [`Host: ${host}`, 'X-Nul: a\0b'],
    [`Host: ${host}`, 'X-Folded: first', ' continued'],
    [`Host: ${host}`, `X-Huge: ${'h'.repeat(20_000)}`],
    [`Host: ${host}`, ...Array.from({ length: 300 }, (_, i) => `X-Many-${i}: ${i}`)],
    [`Host: ${host}`, 'Content-Length: -1'],
    [`Host: ${host}`, 'Content-Length: abc'],
    [`Host: ${host}`, 'Content-Length: 0', 'Content-Length: 5'],
    [`Host: ${host}`, 'Content-Length: 99999999999999999999'],
    [`Host: ${host}`, 'Transfer-Encoding: chunked', 'Content-Length: 3'],
    [`Host: ${host}`, 'Transfer-Encoding: gzip, chunked, identity'],
    [`Host: ${host}`, 'Expect: 100-continue'],
    [`Host: ${host}`, 'Authorization: Bearer'],
    [`Host: ${host}`, 'Authorization: Bearer \0'],
    [`Host: ${host}`, `Authorization: Bearer ${token}\0`],
    [`Host: ${host}`, `Authorization: Bearer ${'t'.repeat(8000)}`],
    [`Host: ${host}`, 'Authorization: Basic %%%'],
    [`Host: ${host}`, 'Origin: http://[/'],
    [`Host: ${host}`, 'Origin: null'],
    [`Host: ${host}`, 'Upgrade: h2c', 'Connection: Upgrade, HTTP2-Settings'],
    [`Host: ${host}`, 'Connection: Upgrade', 'Upgrade: websocket'],
    [`Host: ${host}`, ...UPGRADE.slice(0, 2), 'Sec-WebSocket-Version: 99', UPGRADE[3] as string],
    [`Host: ${host}`, ...UPGRADE.slice(0, 3), 'Sec-WebSocket-Key: not base64 at all'],
    [`Host: ${host}`, ...UPGRADE, 'Origin: http://evil.example'],
    [`Host: ${host}`, ...UPGRADE, 'Origin: %zz'],
    [`Host: ${host}`, ...UPGRADE, 'Sec-WebSocket-Extensions: permessage-deflate; %%'],
  ];
}

const request = (line: string | Buffer, headers: string[], body = '', eol = '\r\n') =>
  Buffer.concat([
    typeof line === 'string' ? Buffer.from(line, 'latin1') : line,
    Buffer.from(`${eol}${headers.map((h) => `${h}${eol}`).join('')}${eol}${body}`, 'latin1'),
  ]);

/** A small deterministic generator (mulberry32): the same seed gives the same corpus. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPLICES = ['%00', '%', '[', '\0', '\r', '\n', ':', ' ', '%zz', '\u00ff', '/..', '\r\n\r\n'];

/** Seeded mutations of well-formed requests: bytes flipped, inserted, dropped or repeated. */
function mutations(target: CorpusTarget, count: number, seed: number): MalformedCase[] {
  const { host, token } = target;
  const json = '{"title":"会","date":"2026-11-25"}';
  const bases = [
    request('GET / HTTP/1.1', [`Host: ${host}`, 'Connection: close']),
    request('GET /api/meetings HTTP/1.1', [`Host: ${host}`, `Authorization: Bearer ${token}`]),
    request(`GET /ws?token=${token} HTTP/1.1`, [`Host: ${host}`, ...UPGRADE]),
    request(
      'POST /api/meetings HTTP/1.1',
      [`Host: ${host}`, `Authorization: Bearer ${token}`, `Content-Length: ${json.length}`],
      json,
    ),
  ];
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: count }, (_, i) => {
    let bytes = Buffer.from(bases[i % bases.length] as Buffer);
    for (let m = 1 + pick(4); m > 0; m--) {
      const at = pick(bytes.length);
      const kind = pick(4);
      if (kind === 0) bytes[at] = pick(256);
      else if (kind === 1) {
        const splice = Buffer.from(SPLICES[pick(SPLICES.length)] as string, 'latin1');
        bytes = Buffer.concat([bytes.subarray(0, at), splice, bytes.subarray(at)]);
      } else if (kind === 2) {
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + pick(8))]);
      } else {
        const piece = bytes.subarray(at, at + 1 + pick(16));
        bytes = Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
      }
    }
    return { name: `mutation ${i} of seed ${seed}`, bytes };
  });
}

/** The whole corpus against one listener. */
export function malformedRequests(target: CorpusTarget, seed: number): MalformedCase[] {
  const { host, token } = target;
  const cases: MalformedCase[] = [];
  const add = (name: string, bytes: Buffer, resetAfterSend = false) =>
    cases.push({ name, bytes, resetAfterSend });
  const withHost = [`Host: ${host}`, 'Connection: close'];

  for (const t of [...TARGETS, ...BYTE_TARGETS]) {
    const shown = typeof t === 'string' ? t.slice(0, 40) : `bytes ${t.toString('hex')}`;
    const line = (method: string) =>
      typeof t === 'string'
        ? `${method} ${t} HTTP/1.1`
        : Buffer.concat([Buffer.from(`${method} `), t, Buffer.from(' HTTP/1.1')]);
    add(`GET ${shown}`, request(line('GET'), withHost));
    add(`GET ${shown} without Host`, request(line('GET'), ['Connection: close']));
    add(`HEAD ${shown}`, request(line('HEAD'), withHost));
    add(`POST ${shown}`, request(line('POST'), [...withHost, 'Content-Length: 2'], '{}'));
    add(`upgrade ${shown}`, request(line('GET'), [`Host: ${host}`, ...UPGRADE]));
    add(`upgrade ${shown} without Host`, request(line('GET'), UPGRADE));
    const withToken = [`Host: ${host}`, ...UPGRADE, `Authorization: Bearer ${token}`];
    add(`upgrade ${shown} with the token`, request(line('GET'), withToken));
    add(`upgrade ${shown}, then reset`, request(line('GET'), [`Host: ${host}`, ...UPGRADE]), true);
    add(`GET ${shown}, then reset`, request(line('GET'), withHost), true);
  }
  for (const method of [...METHODS, ...ODD_METHODS]) {
    for (const t of ['/', '/api/meetings', '/ws', '/a%00.js', 'http://[/']) {
      add(`${method.slice(0, 12)} ${t}`, request(`${method} ${t} HTTP/1.1`, withHost));
    }
  }
  for (const version of VERSIONS) {
    for (const t of ['/', '/a%00.js', '//[']) {
      add(`${version} ${t}`, request(`GET ${t} ${version}`, withHost));
    }
  }
  const lines = ['GET', 'GET /', 'GET  / HTTP/1.1', ' GET / HTTP/1.1', 'GET\t/\tHTTP/1.1', '\0'];
  for (const line of [...lines, 'GET / HTTP/1.1 extra', 'PRI * HTTP/2.0', '\u0016\u0003\u0001']) {
    add(`request line ${JSON.stringify(line)}`, request(line, withHost));
  }
  add('bare LF line endings', request('GET /a%00.js HTTP/1.1', withHost, '', '\n'));
  add(
    'blank lines first',
    Buffer.concat([Buffer.from('\r\n\r\n'), request('GET / HTTP/1.1', withHost)]),
  );
  oddHeaders(target).forEach((headers, i) => {
    for (const t of [
      '/',
      `/api/meetings?token=${token}`,
      `/ws?token=${token}`,
      '/a%00.js',
      '//[',
    ]) {
      const body = headers.some((h) => /^Transfer-Encoding/.test(h)) ? '3\r\nabc\r\nzz\r\n' : '';
      add(`header set ${i} on ${t.split('?')[0]}`, request(`GET ${t} HTTP/1.1`, headers, body));
    }
  });
  for (const c of mutations(target, 400, seed)) cases.push(c);
  return cases;
}
