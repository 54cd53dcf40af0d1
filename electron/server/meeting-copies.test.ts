import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { exportMeetingFile, importMeetingFile } from './test-support/meeting-file.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

const titles = async () =>
  (await api('GET', '/api/meetings')).body.meetings.map((m: Json) => m.title as string);

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

  it('a meeting file imported as a copy is titled as one, and each search hit names its meeting', async () => {
    const sample = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body;
    const title = sample.meeting.title as string;
    const file = await exportMeetingFile(server.url, sample.meeting.id);
    const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(copy.status).toBe(201);
    expect(copy.body.meeting.title).toMatch(new RegExp(`^${title}（副本\\d*）$`));
    const again = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(again.body.meeting.title).not.toBe(copy.body.meeting.title);
    expect(await titles()).toEqual(
      expect.arrayContaining([title, copy.body.meeting.title, again.body.meeting.title]),
    );

    const search = await api('GET', `/api/search?${new URLSearchParams({ q: '河道征拆' })}`);
    const hits = search.body.results.filter((r: Json) => r.text.startsWith('4条河道征拆总量'));
    expect(hits.map((r: Json) => r.meetingId).sort()).toEqual(
      [sample.meeting.id, copy.body.meeting.id, again.body.meeting.id].sort(),
    );
    // Same date, so the title is what tells the hits apart.
    expect(new Set(hits.map((r: Json) => `${r.meetingTitle} ${r.meetingDate}`)).size).toBe(3);
  });
});
