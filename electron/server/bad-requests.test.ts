import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';
import { rawGet, sendRaw, UPGRADE_HEADERS } from './test-support/raw-http.ts';

/**
 * Requests any device in the room could send without a token: each ended the process before
 * (issue 12, items 1 and 2). They must answer 400 on both listeners, the server going on.
 */
const BAD_TARGETS: [target: string, what: string][] = [
  ['/a%00.js', 'a NUL in a file path'],
  ['/%00', 'a NUL in a screen path'],
  ['/api/meetings/%00', 'a NUL in an API path'],
  ['/a%zz.js', 'a percent sign not followed by two hex digits'],
  ['/projector%E0%A4', 'a UTF-8 sequence cut short'],
  ['http://[/', 'an absolute target with an unclosed IPv6 bracket'],
  ['http://%zz/', 'an absolute target with a bad host'],
  ['//[', 'a network-path target with an unclosed bracket'],
];

const logged: string[] = [];
let server: Awaited<ReturnType<typeof startTestServer>>;
/** Where each listener is and the Host it answers to: loopback, and sharing's network address. */
let listeners: { name: string; host: string; port: number }[];

beforeAll(async () => {
  server = await startTestServer(undefined, { log: (message) => logged.push(message) });
  const sharing = await jsonApi(server.url, TEST_TOKEN)('POST', '/api/sharing', { enabled: true });
  const lan = new URL(sharing.body.urls[0] as string); // http://127.0.0.2:<port>/
  listeners = [
    { name: 'loopback', host: '127.0.0.1', port: server.port },
    { name: 'network', host: lan.hostname, port: Number(lan.port) },
  ];
});
afterAll(() => server.cleanup());

describe.each(['loopback', 'network'])('on the %s listener', (name) => {
  const listener = () => listeners.find((l) => l.name === name) as (typeof listeners)[0];

  it.each(BAD_TARGETS)('GET %s (%s) answers 400 and the server goes on', async (target) => {
    const { host, port } = listener();
    expect(await rawGet(host, port, target)).toBe(400);
    expect(await rawGet(host, port, '/healthz')).toBe(200);
  });

  it.each(BAD_TARGETS)('a WebSocket upgrade to %s (%s) answers 400', async (target) => {
    const { host, port } = listener();
    expect(await rawGet(host, port, target, UPGRADE_HEADERS)).toBe(400);
    expect(await rawGet(host, port, '/healthz')).toBe(200);
  });

  it.each(BAD_TARGETS)(
    'an upgrade to %s without a Host is refused for its Host (403) before the target is read',
    async (target) => {
      const { host, port } = listener();
      expect(await rawGet(host, port, target, { ...UPGRADE_HEADERS, Host: '' })).toBe(403);
      expect(await rawGet(host, port, target, { ...UPGRADE_HEADERS, Host: 'evil.example' })).toBe(
        403,
      );
    },
  );

  it.each(['/nothing', '/ws', '//['])(
    'upgrades to %s whose client resets at once leave the server running',
    async (target) => {
      const { host, port } = listener();
      const headers = Object.entries(UPGRADE_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`);
      const upgrade = `GET ${target} HTTP/1.1\r\nHost: ${host}:${port}\r\n${headers.join('')}\r\n`;
      // The refusal is written to a socket the client has reset: an 'error' event nobody caught.
      for (let i = 0; i < 30; i++) await sendRaw(host, port, upgrade, { resetAfterSend: true });
      expect(await rawGet(host, port, '/healthz')).toBe(200);
    },
  );

  it('a bug in a handler answers 500 with an error id that the log also has', async () => {
    const { host, port } = listener();
    const handlers = server.handlers as unknown as Record<string, unknown>;
    const list = handlers['meetings.list'];
    handlers['meetings.list'] = () => {
      throw new Error('a planted bug');
    };
    try {
      const answer = await jsonApi(`http://${host}:${port}`, TEST_TOKEN)('GET', '/api/meetings');
      expect(answer.status).toBe(500);
      const { code, message, errorId } = answer.body.error;
      expect(code).toBe('internal');
      expect(errorId).toMatch(/^[0-9a-f]{8}$/);
      expect(message).toContain(errorId);
      const entry = logged.find((line) => line.includes(errorId));
      expect(entry).toContain('GET /api/meetings');
      expect(entry).toContain('a planted bug');
      expect(entry).not.toContain(TEST_TOKEN);
    } finally {
      handlers['meetings.list'] = list;
    }
    expect(
      (await jsonApi(`http://${host}:${port}`, TEST_TOKEN)('GET', '/api/meetings')).status,
    ).toBe(200);
  });
});
