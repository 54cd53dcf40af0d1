import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { startTestServer } from './test-support/test-server.ts';
import { exportMeetingFile, importMeetingFile } from './test-support/meeting-file.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.cleanup());

describe('the 会议信息 paragraph edits in a meeting file', () => {
  it('come back by key with a copy, the leader’s requirements on the copy’s own leader', async () => {
    const made = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    const leader = made.items.find((i) => i.kind === 'leader')?.id as string;
    const paragraphs = [
      {
        key: 'theme:党支部',
        text: '各街道交流了临时党支部的做法。',
        draftHash: 'a',
        keepAtEnd: false,
      },
      {
        key: `requirements:${leader}`,
        text: '张勇书记提出要求。',
        draftHash: 'b',
        keepAtEnd: false,
      },
      { key: 'theme:实绩', text: '原段落已不在的修改。', draftHash: 'c', keepAtEnd: true },
    ];
    server.handlers['newsBrief.update']({ id: made.meeting.id, paragraphs });
    const file = await exportMeetingFile(server.url, made.meeting.id);
    expect(file.newsBriefEdits.paragraphs).toEqual(paragraphs);

    const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(copy.status).toBe(201);
    const copyId = copy.body.meeting.id as string;
    const copyLeader = server.handlers['meetings.get']({ id: copyId }).items.find(
      (i) => i.kind === 'leader',
    )?.id as string;
    expect(copyLeader).not.toBe(leader);
    expect(server.store.newsBriefs.get(copyId).paragraphs).toEqual([
      paragraphs[0],
      { ...paragraphs[1], key: `requirements:${copyLeader}` },
      paragraphs[2],
    ]);
  });

  it('written by place in an older file import as edits by place, the lead as the lead', async () => {
    const made = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    server.handlers['newsBrief.update']({ id: made.meeting.id, headline: '改过的标题' });
    const file = await exportMeetingFile(server.url, made.meeting.id);
    file.newsBriefEdits.paragraphs = ['昨日召开座谈会。', null, '第三段改过。'];
    const imported = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(imported.status).toBe(201);
    const edits = server.store.newsBriefs.get(imported.body.meeting.id as string);
    expect(edits.headline).toBe('改过的标题');
    expect(edits.paragraphs).toEqual([
      { key: 'lead', text: '昨日召开座谈会。', draftHash: '', keepAtEnd: false },
      { key: 'position:2', text: '第三段改过。', draftHash: '', keepAtEnd: false },
    ]);
  });

  it('refuses a paragraph too long or two edits of one paragraph, naming the place', async () => {
    const made = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    const edit = { key: 'lead', text: '导语。', draftHash: '', keepAtEnd: false };
    server.handlers['newsBrief.update']({ id: made.meeting.id, paragraphs: [edit] });
    const file = await exportMeetingFile(server.url, made.meeting.id);
    file.newsBriefEdits.paragraphs = [{ ...edit, text: '长'.repeat(5001) }];
    const long = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(long.status).toBe(400);
    expect(long.body.error?.field).toBe('newsBriefEdits.paragraphs[0].text');
    file.newsBriefEdits.paragraphs = [edit, edit];
    const twice = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(twice.status).toBe(400);
    expect(twice.body.error?.field).toMatch(/^newsBriefEdits\.paragraphs/);
  });
});
