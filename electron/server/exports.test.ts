import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMeetingFile } from './test-support/meeting-file.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';
import { exportMeetingFile, withIdsNumbered } from './test-support/meeting-file.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';

let a: Awaited<ReturnType<typeof startTestServer>>;
let b: Awaited<ReturnType<typeof startTestServer>>;
let meetingId: string;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  const sample = a.handlers['meetings.createSample']({ date: SAMPLE_DATE });
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

/** Posts a meeting file's bytes, as the console's 导入 button does. */
const importFile = (server: typeof a, body: string | Uint8Array<ArrayBuffer>, asCopy = false) =>
  importMeetingFile(server.url, body, asCopy);

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
    expect(md).toContain('区委书记张勇同志出席会议并讲话');
    expect(md).toContain('现将会议主要精神纪要如下：');
    expect(md).toContain('## 一、交流发言情况');
    expect(md).toContain('### （一）平湖街道林一平');
    expect(md).toContain('### （十一）宝龙街道何十一');
    expect(md).toContain('\n4条河道征拆总量占全区治水提质河道征拆总量的63.3%。\n');
    expect(md).toContain('## 二、会议要求');
    expect(md).toContain('一是把党建工作与实际工作紧密结合');
    expect(md).toContain('## 三、议定事项');
    expect(md).toContain('（责任人：各街道党工委）');
    expect(md).toContain('\\# 不是标题 \\*也不是粗体\\* \\[链接\\](http://x)');
    expect(md).not.toContain('无记录');
    // 出席 after the body (GB/T 9704-2012 §10.3), then 列席.
    expect(md.indexOf('**出席**：')).toBeGreaterThan(md.indexOf('## 三、议定事项'));
    expect(md.indexOf('**列席**：')).toBeGreaterThan(md.indexOf('**出席**：'));
  });

  it('writes the timing report as CSV that Excel opens, formulas defused', async () => {
    const { res, bytes } = await download(a, 'timing.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      '序号,类型,发言单位及发言人,题目,计划开始,计划时长（分钟）,调整后时长（分钟）,实际开始,实际结束,实际用时（多次发言为合计）,增减时间（秒）,超时（秒）,状态',
    );
    expect(rows).toHaveLength(14);
    // 计划开始 is 09:00:00 on the meeting's own day, and the actual start when the run started
    // on another (export/timing-baseline.ts, tested there with dates passed in): this test runs
    // the sample, dated SAMPLE_DATE, on whatever day it is.
    expect(rows[1]).toMatch(
      /^1,开场,主持人开场,.*,\d\d:\d\d:\d\d,5,,\d\d:\d\d:\d\d,\d\d:\d\d:\d\d,\d秒,0,0,已完成$/,
    );
    expect(rows[2]).toMatch(/^2,交流发言,平湖街道 林一平,.*,已完成$/);
    expect(rows[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows[4]).toMatch(/未进行$/);
  });

  it('carries a whole meeting to another computer and back, losslessly', async () => {
    const exported = JSON.parse(
      (await download(a, 'meeting.roundtable')).bytes.toString('utf8'),
    ) as Json;
    const imported = await importFile(b, JSON.stringify(exported));
    expect(imported.status).toBe(201);
    const again = await exportMeetingFile(b.url, imported.body.meeting.id);
    // Every id is new on the other computer; all else, references between the parts included,
    // is the same, and the file still names the meeting it came from.
    expect(again.meeting.id).not.toBe(exported.meeting.id);
    expect(again.originMeetingId).toBe(meetingId);
    expect(withIdsNumbered(again)).toEqual(withIdsNumbered(exported));
    expect(exported.notes.length).toBeGreaterThan(20);
    expect(exported.run.itemRuns.length).toBe(2);

    const twice = await importFile(b, JSON.stringify(exported));
    expect(twice.status).toBe(409);
    const copy = await importFile(b, JSON.stringify(exported), true);
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
    const newer = await importFile(b, JSON.stringify({ ...exported, version: 2 }), true);
    expect(newer.status).toBe(400);
    expect(newer.body.error.message).toContain('newer Roundtable');
    expect(newer.body.error).toMatchObject({
      reason: 'meetingFile.newerVersion',
      params: { version: 2 },
    });
    const foreign = await importFile(b, JSON.stringify({ hello: 'world' }));
    expect(foreign.body.error.message).toContain('not a Roundtable meeting file');
    expect(foreign.body.error.reason).toBe('meetingFile.notMeetingFile');
    const truncated = await importFile(b, JSON.stringify(exported).slice(0, 5000), true);
    expect(truncated.status).toBe(400);
    expect(truncated.body.error).toMatchObject({ field: 'file' });
    expect(truncated.body.error.message).toContain('damaged');
    const binary = await importFile(b, new Uint8Array([0xff, 0xfe, 0x00, 0x9c, 0x80]), true);
    expect(binary.body.error.message).toContain('not a Roundtable meeting file');
    const empty = await importFile(b, '', true);
    expect(empty.body.error.message).toContain('empty');
    expect(empty.body.error.reason).toBe('meetingFile.empty');
    const long = {
      ...exported,
      notes: [{ ...exported.notes[0], text: '长'.repeat(10_001) }, ...exported.notes.slice(1)],
    };
    const tooLong = await importFile(b, JSON.stringify(long), true);
    expect(tooLong.body.error).toMatchObject({
      field: 'notes[0].text',
      reason: 'field.tooLong',
      params: { field: 'notes[0].text', max: 10_000 },
    });
    const orphan = {
      ...exported,
      notes: [...exported.notes, { ...exported.notes[0], id: 'x', itemId: 'nowhere' }],
    };
    const broken = await importFile(b, JSON.stringify(orphan), true);
    expect(broken.status).toBe(400);
    expect(broken.body.error.field).toBe(`notes[${exported.notes.length}].itemId`);
    expect(broken.body.error.reason).toBe('field.invalid');
    expect((await api('GET', '/api/meetings')).body.meetings.length).toBe(before);
  });

  it('sends the slides and the timing workbook with their types and Chinese names', async () => {
    const expected = {
      'slides.pptx': [
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        '幻灯片.pptx',
      ],
      'timing.xlsx': [
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        '计时报告.xlsx',
      ],
    };
    for (const [name, [type, suffix]] of Object.entries(expected)) {
      const { res, bytes } = await download(a, name);
      expect(res.headers.get('content-type')).toBe(type);
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
        `龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-${suffix}`,
      );
      expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip package, as Office expects
    }
  });

  it('prints the minutes to an A4 PDF through LibreOffice, the same document as the .docx', async () => {
    const { res, bytes } = await download(a, 'minutes.pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-pdf-'));
    try {
      const file = path.join(dir, 'minutes.pdf');
      fs.writeFileSync(file, bytes);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/—\s?1\s?—/); // the page number, however the spaces are extracted
      const joined = text.replace(/\s+/g, '');
      expect(joined).toContain('龙岗区组织工作会议暨基层工作经验交流座谈会（示例）纪要');
      expect(joined).toContain('现将会议主要精神纪要如下');
      expect(joined).toContain('宝龙街道何十一');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says what to install when LibreOffice is missing for the PDF', async () => {
    const saved = process.env.ROUNDTABLE_SOFFICE;
    process.env.ROUNDTABLE_SOFFICE = '/nonexistent/soffice';
    try {
      const { res, bytes } = await download(a, 'minutes.pdf');
      expect(res.status).toBe(503);
      expect(JSON.parse(bytes.toString()).error.message).toContain('install LibreOffice');
    } finally {
      if (saved === undefined) delete process.env.ROUNDTABLE_SOFFICE;
      else process.env.ROUNDTABLE_SOFFICE = saved;
    }
  });

  it('answers 404 for an unknown meeting and 400 for an unknown export', async () => {
    const api = jsonApi(a.url, TEST_TOKEN);
    expect((await api('GET', '/api/meetings/nope/export/minutes.md')).status).toBe(404);
    expect(
      (await api('GET', `/api/meetings/${meetingId}/export/minutes.exe`)).body.error.field,
    ).toBe('name');
  });
});
