import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { openScreenSocket } from './test-support/screen-socket.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/** Short here, so that a screen gone silent is noticed within a test's patience. */
const HEARTBEAT_MS = 100;

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let meetingId: string;
beforeAll(async () => {
  server = await startTestServer(undefined, { heartbeatMs: HEARTBEAT_MS });
  organizer = jsonApi(server.url, TEST_TOKEN);
  meetingId = server.handlers['meetings.createSample']({ date: SAMPLE_DATE }).meeting.id;
  await organizer('POST', `/api/meetings/${meetingId}/run/next`);
});
afterAll(() => server.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const openScreen = (origin: string, token: string, role: string, answersPings = true) =>
  openScreenSocket(origin, token, role, { answersPings });

const message = async (text: string) =>
  (await organizer('POST', `/api/meetings/${meetingId}/run/message`, { text })).body as Json;

describe('a screen that went silent without closing', () => {
  it('a lectern whose Wi-Fi dropped is let go within two heartbeats: 请结束发言 goes to the projector', async () => {
    const projector = await openScreen(server.url, TEST_TOKEN, 'projector');
    const lectern = await openScreen(server.url, TEST_TOKEN, 'lectern', false);
    try {
      expect(await message('请抓紧时间')).toMatchObject({
        messageTarget: 'lectern',
        messageRedirected: false,
      });
      const silentFrom = performance.now();
      const endedAt = await lectern.closed;
      // Noticed at the second round after it last answered, not minutes later as TCP would.
      expect(endedAt - silentFrom).toBeLessThan(HEARTBEAT_MS * 2 + 1000);
      expect(await message('请结束发言')).toMatchObject({
        messageTarget: 'projector',
        messageRedirected: true,
      });
      // The projector, answering, is still connected and told of it.
      expect(projector.ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      projector.ws.close();
      lectern.ws.terminate();
    }
  });

  it('a screen that answers is never let go: not over many rounds, nor after the server was busy past three of them', async () => {
    const lectern = await openScreen(server.url, TEST_TOKEN, 'lectern');
    try {
      await sleep(HEARTBEAT_MS * 8);
      // The server's thread held up past three rounds just after a ping, with the lectern's
      // answer already on its way (the server and this screen share the thread here): the
      // round that comes late finds the answer still unread, and judges nobody.
      const held = new Promise<void>((resolve) =>
        lectern.ws.once('ping', () => {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HEARTBEAT_MS * 3);
          resolve();
        }),
      );
      await held;
      await sleep(HEARTBEAT_MS * 4);
      expect(lectern.ws.readyState).toBe(WebSocket.OPEN);
      expect(await message('请抓紧时间')).toMatchObject({ messageTarget: 'lectern' });
    } finally {
      lectern.ws.close();
    }
  });

  it('a note-taker’s tablet gone silent is listed as not connected on the console', async () => {
    const state = (await organizer('POST', '/api/sharing', { enabled: true })).body as Json;
    const lan = (state.urls as string[])[0]?.slice(0, -1) as string;
    const joined = (await jsonApi(lan, '')('POST', '/api/session', { code: state.code })).body;
    const tablet = await openScreen(lan, joined.token as string, 'notes', false);
    const connected = async () =>
      ((await organizer('GET', '/api/sharing')).body.devices as Json[]).map((d) => d.connected);
    try {
      expect(await connected()).toEqual([true]);
      await tablet.closed;
      expect(await connected()).toEqual([false]);
    } finally {
      tablet.ws.terminate();
      await organizer('POST', '/api/sharing', { enabled: false });
    }
  });
});
