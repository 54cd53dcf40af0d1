import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.cleanup());

describe('GET /api/diagnostics', () => {
  it("answers the server's memory to the organizer", async () => {
    const { status, body } = await jsonApi(server.url, TEST_TOKEN)('GET', '/api/diagnostics');
    expect(status).toBe(200);
    expect(body.memory.heapUsed).toBeGreaterThan(0);
    expect(body.memory.rss).toBeGreaterThan(body.memory.heapUsed);
    expect(body.uptimeMs).toBeGreaterThan(0);
  });

  it('needs the token, and is not open to devices that joined with the access code', async () => {
    expect((await fetch(`${server.url}/api/diagnostics`)).status).toBe(401);
    const organizer = jsonApi(server.url, TEST_TOKEN);
    const { code } = (await organizer('POST', '/api/sharing', { enabled: true })).body;
    const lan = (await organizer('GET', '/api/sharing')).body.urls[0].slice(0, -1) as string;
    const { token } = (await jsonApi(lan, '')('POST', '/api/session', { code })).body;
    const answer = await jsonApi(lan, token)('GET', '/api/diagnostics');
    expect(answer.status).toBe(403);
    await organizer('POST', '/api/sharing', { enabled: false });
  });
});
