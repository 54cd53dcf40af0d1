import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

const roster = async () =>
  (await api('GET', '/api/roster')).body.entries.map((e: Json) => `${e.organization} ${e.name}`);

describe('the sample meeting and the roster', () => {
  it('adds the subdistricts a roster lacks, keeping whoever is there, and none twice', async () => {
    await api('POST', '/api/roster', {
      organization: '平湖街道',
      name: '王真名',
      position: '书记',
    });
    await api('POST', '/api/roster', { organization: '区委组织部', name: '张勇', position: '' });
    await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE });
    const after = await roster();
    expect(after).toHaveLength(12);
    expect(after.slice(0, 3)).toEqual(['平湖街道 王真名', '区委组织部 张勇', '坪地街道 陈二坪']);
    expect(after.filter((e: string) => e.startsWith('平湖街道'))).toHaveLength(1);

    await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE });
    expect(await roster()).toEqual(after);
  });
});
