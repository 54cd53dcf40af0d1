import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-server.ts';

let a: Awaited<ReturnType<typeof startTestServer>>;
let b: Awaited<ReturnType<typeof startTestServer>>;
let meetingId: string;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  const sample = a.handlers['meetings.createSample']({});
  meetingId = sample.meeting.id;
  a.handlers['run.next']({ id: meetingId });
  a.handlers['run.next']({ id: meetingId });
  a.handlers['run.stop']({ id: meetingId });
  a.handlers['agenda.update']({
    id: meetingId,
    itemId: sample.items[2]?.id as string,
    topic: '=HYPERLINK("x")',
  });
  a.handlers['notes.create']({
    id: meetingId,
    itemId: sample.items[1]?.id as string,
    kind: 'insight',
    text: '# 不是标题 *也不是粗体* [链接](http://x)',
  });
});
afterAll(() => Promise.all([a.cleanup(), b.cleanup()]));

async function download(server: typeof a, name: string) {
  const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('exports', () => {
  it('writes the minutes as Markdown, by speaker, with the requirements and action items', async () => {
    const { res, bytes } = await download(a, 'minutes.md');
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-纪要.md',
    );
    const md = bytes.toString('utf8');
    expect(md).toMatch(/^# 龙岗区组织工作会议暨基层工作经验交流座谈会（示例）纪要/);
    expect(md).toContain('现纪要如下：');
    expect(md).toContain('## 一、平湖街道 林一平');
    expect(md).toContain('## 十一、宝龙街道 何十一');
    expect(md).toContain('【数据】4条河道征拆总量占全区治水提质河道征拆总量的63.3%');
    expect(md).toContain('## 十二、会议要求');
    expect(md).toContain('一是把党建工作与实际工作紧密结合');
    expect(md).toContain('## 十三、议定事项');
    expect(md).toContain('（责任人：各街道党工委）');
    expect(md).toContain('\\# 不是标题 \\*也不是粗体\\* \\[链接\\](http://x)');
    expect(md).toContain('**时间**：2026-11-25 09:00');
  });

  it('writes the timing report as CSV that Excel opens, formulas defused', async () => {
    const { res, bytes } = await download(a, 'timing.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      '序号,类型,发言单位及发言人,题目,计划开始,计划时长（分钟）,实际开始,实际结束,实际用时,增减时间（秒）,超时（秒）,状态',
    );
    expect(rows).toHaveLength(14);
    expect(rows[1]).toMatch(
      /^1,开场,主持人开场,.*,09:00:00,5,\d\d:\d\d:\d\d,\d\d:\d\d:\d\d,00:0\d,0,0,已完成$/,
    );
    expect(rows[2]).toMatch(/^2,交流发言,平湖街道 林一平,.*,已完成$/);
    expect(rows[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows[4]).toMatch(/未进行$/);
  });

  it('carries a whole meeting to another computer and back, losslessly', async () => {
    const exported = JSON.parse(
      (await download(a, 'meeting.roundtable')).bytes.toString('utf8'),
    ) as Json;
    const imported = await jsonApi(b.url, TEST_TOKEN)('POST', '/api/meetings/import', {
      bundle: exported,
    });
    expect(imported.status).toBe(201);
    const again = JSON.parse(
      (await download(b, 'meeting.roundtable')).bytes.toString('utf8'),
    ) as Json;
    expect({ ...again, exportedAt: 0 }).toEqual({ ...exported, exportedAt: 0 });
    expect(exported.notes.length).toBeGreaterThan(20);
    expect(exported.run.itemRuns.length).toBe(2);

    const twice = await jsonApi(b.url, TEST_TOKEN)('POST', '/api/meetings/import', {
      bundle: exported,
    });
    expect(twice.status).toBe(409);
    const copy = await jsonApi(b.url, TEST_TOKEN)('POST', '/api/meetings/import', {
      bundle: exported,
      asCopy: true,
    });
    expect(copy.status).toBe(201);
    expect(copy.body.meeting.id).not.toBe(meetingId);
    expect(copy.body.items.map((i: Json) => i.speaker)).toEqual(
      exported.items.map((i: Json) => i.speaker),
    );
  });

  it('refuses a file from a newer version, a foreign file or a broken one, writing nothing', async () => {
    const api = jsonApi(b.url, TEST_TOKEN);
    const before = (await api('GET', '/api/meetings')).body.meetings.length;
    const exported = JSON.parse(
      (await download(a, 'meeting.roundtable')).bytes.toString('utf8'),
    ) as Json;
    const newer = await api('POST', '/api/meetings/import', {
      bundle: { ...exported, version: 2 },
      asCopy: true,
    });
    expect(newer.status).toBe(400);
    expect(newer.body.error.message).toContain('newer Roundtable');
    const foreign = await api('POST', '/api/meetings/import', { bundle: { hello: 'world' } });
    expect(foreign.body.error.message).toContain('not a Roundtable meeting file');
    const orphan = {
      ...exported,
      notes: [...exported.notes, { ...exported.notes[0], id: 'x', itemId: 'nowhere' }],
    };
    const broken = await api('POST', '/api/meetings/import', { bundle: orphan, asCopy: true });
    expect(broken.status).toBe(400);
    expect(broken.body.error.field).toBe('bundle.notes');
    expect((await api('GET', '/api/meetings')).body.meetings.length).toBe(before);
  });

  it('answers 404 for an unknown meeting and 400 for an unknown export', async () => {
    const api = jsonApi(a.url, TEST_TOKEN);
    expect((await api('GET', '/api/meetings/nope/export/minutes.md')).status).toBe(404);
    expect(
      (await api('GET', `/api/meetings/${meetingId}/export/minutes.exe`)).body.error.field,
    ).toBe('name');
  });
});
