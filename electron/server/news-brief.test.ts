import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsBriefView } from '../api/news-brief.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-news-brief-'));
let server: Awaited<ReturnType<typeof startTestServer>>;
let meetingId: string;
beforeAll(async () => {
  server = await startTestServer(dataDir);
  meetingId = server.handlers['meetings.createSample']({ date: SAMPLE_DATE }).meeting.id;
});
afterAll(async () => {
  await server.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const api = () => jsonApi(server.url, TEST_TOKEN);
async function download(name: string) {
  const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer()).toString('utf8');
}

describe('the 会议信息 draft, edited and exported', () => {
  it('is drafted from the notes, with each speaker’s coverage', async () => {
    const { status, body } = await api()('GET', `/api/meetings/${meetingId}/news-brief`);
    expect(status).toBe(200);
    const view = body as unknown as NewsBriefView;
    expect(view.generated.headline).toBe('以实干论英雄 以实绩定进退');
    expect(view.generated.paragraphs.map((p) => p.kind)).toContain('theme');
    expect(view.edits).toEqual({
      headline: null,
      paragraphs: [],
      withSources: true,
      minutesFinding: '',
    });
    expect(view.minutesFindingDraft).toMatch(/^会议认为，交流发言围绕“.+”等方面介绍了经验做法。$/);
    // 平湖 has three notes; 横岗 one (thin); the leader is listed too.
    const bySpeaker = new Map(view.coverage.map((c) => [c.speaker, c]));
    expect(bySpeaker.get('平湖街道林一平')).toMatchObject({ noteCount: 3, thin: false });
    expect(bySpeaker.get('横岗街道黄三横')).toMatchObject({ noteCount: 1, thin: true });
    expect(bySpeaker.get('龙岗区委张勇')).toMatchObject({ noteCount: 2, thin: false });
  });

  it('exports the organizer’s headline and paragraph, keeps them over a restart, and the 会议认为 in the minutes', async () => {
    const minutesBefore = await download('minutes.md');
    expect(minutesBefore).not.toContain('会议认为');
    const patch = await api()('PATCH', `/api/meetings/${meetingId}/news-brief`, {
      headline: '把全区工作拧成一股绳',
      paragraphs: [
        {
          key: 'theme:党支部',
          text: '各街道交流了临时党支部的做法。',
          draftHash: '',
          keepAtEnd: false,
        },
      ],
      minutesFinding: '会议认为，临时党支部是攻坚克难的有效形式。',
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      edits: { headline: '把全区工作拧成一股绳', withSources: true },
    });

    // Restarted on the same folder: the edits were stored with the meeting.
    await server.cleanup();
    server = await startTestServer(dataDir);
    const md = await download('news-brief.md');
    expect(md.startsWith('# 把全区工作拧成一股绳\n')).toBe(true);
    expect(md).toContain('\n各街道交流了临时党支部的做法。\n');
    // The untouched lead is still the generated one, and the sources are listed.
    expect(md).toContain(
      '2026年11月25日，龙岗区组织工作会议暨基层工作经验交流座谈会（示例）在区委大院第一会议室召开。',
    );
    expect(md).toContain('## 来源');
    const minutes = await download('minutes.md');
    expect(minutes).toContain('\n会议认为，临时党支部是攻坚克难的有效形式。\n');

    await api()('PATCH', `/api/meetings/${meetingId}/news-brief`, {
      withSources: false,
      minutesFinding: '',
    });
    expect(await download('news-brief.md')).not.toContain('来源');
    // Turned off, the minutes are exactly as before.
    expect(await download('minutes.md')).toBe(minutesBefore);
  });

  it('keeps an edit on its theme when later notes add a theme before it', async () => {
    const brief = async () =>
      (await api()('GET', `/api/meetings/${meetingId}/news-brief`))
        .body as unknown as NewsBriefView;
    const before = await brief();
    const at = before.generated.paragraphs.findIndex((p) => p.key === 'theme:党支部');
    expect(at).toBe(1);
    await api()('PATCH', `/api/meetings/${meetingId}/news-brief`, {
      paragraphs: [
        {
          key: 'theme:党支部',
          text: '各街道交流了临时党支部的做法。',
          draftHash: before.generated.paragraphs[at]?.draftHash,
          keepAtEnd: false,
        },
      ],
    });
    // Three more speakers' notes share 网格 with two others': the first theme now.
    const { items } = server.handlers['meetings.get']({ id: meetingId });
    for (const org of ['龙城街道', '布吉街道', '坂田街道']) {
      const item = items.find((i) => i.organization === org);
      server.handlers['notes.create']({
        id: meetingId,
        itemId: item?.id as string,
        kind: 'takeaway',
        text: '推行网格化管理，网格员每周走访辖区群众。',
      });
    }
    const after = await brief();
    expect(after.generated.paragraphs.map((p) => p.key).slice(1, 3)).toEqual([
      'theme:网格',
      'theme:党支部',
    ]);
    expect(after.placed[1]).toBeNull();
    expect(after.placed[2]).toMatchObject({
      edit: { text: '各街道交流了临时党支部的做法。' },
      draftChanged: false,
    });
    const md = await download('news-brief.md');
    const paragraphs = md.split('\n\n');
    expect(paragraphs[3]).toMatch(/^围绕“网格”/);
    expect(paragraphs[4]).toBe('各街道交流了临时党支部的做法。');
    // The stored edits alone, without drafting: what the export menu's 来源 switch reads.
    const stored = await api()('GET', `/api/meetings/${meetingId}/news-brief/edits`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ meetingId, edits: { withSources: false } });
  });

  it('refuses an empty headline, an edit by place, two edits of one paragraph, and a meeting that is not there', async () => {
    const empty = await api()('PATCH', `/api/meetings/${meetingId}/news-brief`, { headline: ' ' });
    expect(empty.status).toBe(400);
    const byPlace = await api()('PATCH', `/api/meetings/${meetingId}/news-brief`, {
      paragraphs: [null, '第二段'],
    });
    expect(byPlace.status).toBe(400);
    const lead = { key: 'lead', text: '导语', draftHash: '', keepAtEnd: false };
    const twice = await api()('PATCH', `/api/meetings/${meetingId}/news-brief`, {
      paragraphs: [lead, lead],
    });
    expect(twice.status).toBe(400);
    expect((await api()('GET', '/api/meetings/nope/news-brief/edits')).status).toBe(404);
    expect((await api()('GET', '/api/meetings/nope/news-brief')).status).toBe(404);
  });
});
