import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

describe('a copy of a meeting can be told from its original', () => {
  it('a duplicate is titled as a copy, numbered when that title is taken', async () => {
    const sample = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body;
    const title = sample.meeting.title as string;
    const first = await api('POST', `/api/meetings/${sample.meeting.id}/duplicate`, {});
    expect(first.status).toBe(201);
    expect(first.body.meeting.title).toBe(`${title}（副本）`);
    const second = await api('POST', `/api/meetings/${sample.meeting.id}/duplicate`, {});
    expect(second.body.meeting.title).toBe(`${title}（副本2）`);
    // A title the caller chose is kept as given.
    const named = await api('POST', `/api/meetings/${sample.meeting.id}/duplicate`, {
      title: '第二次经验交流座谈会',
    });
    expect(named.body.meeting.title).toBe('第二次经验交流座谈会');
    for (const id of [sample, first.body, second.body, named.body].map(
      (m) => m.meeting.id as string,
    )) {
      expect((await api('DELETE', `/api/meetings/${id}`)).status).toBe(200);
    }
  });
});
