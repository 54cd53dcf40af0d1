import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { REPLY_COLUMNS } from '../core/notice.ts';
import { readDocx } from '../export/test-support/docx-readback.ts';
import { openCaller } from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * The returned 参会回执 back in (issue 16): files in the notice's own columns (xlsx or CSV, the
 * columns in any order, 是/否/参会/请假/代会 as people write them) read one by one, checked
 * together against the meeting's list, every problem named by file, row and column, and
 * nothing written until the organizer imports, and then the replies are the participants'.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
let meetingId: string;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
  meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body.meeting
    .id as string;
  for (const [organization, name] of [
    ['平湖街道', '林一平'],
    ['布吉街道', '张勇'],
    ['吉华街道', '王芳'],
    ['坂田街道', '陈晓东'],
  ]) {
    await api('POST', `/api/meetings/${meetingId}/participants`, {
      name,
      organization,
      position: '党工委书记',
    });
  }
});
afterAll(() => server.cleanup());

async function readFile(bytes: Uint8Array | string, fileName: string) {
  const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const res = await fetch(
    `${server.url}/api/meetings/${meetingId}/replies/read?${new URLSearchParams({ fileName })}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TEST_TOKEN}`,
        'Content-Type': 'application/octet-stream',
      },
      body: new Uint8Array(body),
    },
  );
  return { status: res.status, body: (await res.json()) as Json };
}

const filesOf = (...reads: Json[]) =>
  reads.map((read) => ({ file: read.fileName as string, replies: read.replies as Json[] }));

async function people() {
  const list = (await api('GET', `/api/meetings/${meetingId}/participants`)).body
    .participants as Json[];
  return list.map((p) => `${p.name} ${p.reply} ${p.leaveReason}${p.substitute}`);
}

/** The notice's reply form as a unit fills it in Excel: a title row above the header. */
async function filledForm(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('参会回执');
  sheet.addRow(['参会回执']);
  sheet.addRow([...REPLY_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('importing the returned replies', () => {
  it('reads the notice’s own form and a CSV in another column order, previews, and writes only on import', async () => {
    const xlsx = await filledForm([
      ['平湖街道', '林一平', '党工委书记', '13800000001', '是', '', ''],
      ['布吉街道', '张　勇', '党工委书记', '', '请假', '外出学习', ''],
      // Not filled in: this person has not replied by this file.
      ['坂田街道', '陈晓东', '党工委书记', '', '', '', ''],
    ]);
    const csv = '姓名,是否参会,代会人员,单位\r\n王芳,代会,赵代表,吉华街道\r\n';
    const first = await readFile(xlsx, '平湖布吉回执.xlsx');
    const second = await readFile(csv, '吉华回执.csv');
    expect(first.status).toBe(200);
    expect(first.body.problems).toEqual([]);
    expect(first.body.replies).toEqual([
      {
        row: 3,
        organization: '平湖街道',
        name: '林一平',
        phone: '13800000001',
        reply: 'attending',
        leaveReason: '',
        substitute: '',
      },
      {
        row: 4,
        organization: '布吉街道',
        name: '张　勇',
        phone: '',
        reply: 'leave',
        leaveReason: '外出学习',
        substitute: '',
      },
    ]);
    expect(second.body.replies).toEqual([
      {
        row: 2,
        organization: '吉华街道',
        name: '王芳',
        phone: '',
        reply: 'substitute',
        leaveReason: '',
        substitute: '赵代表',
      },
    ]);

    const files = filesOf(first.body, second.body);
    const preview = await api('POST', `/api/meetings/${meetingId}/replies/preview`, { files });
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual([]);
    expect(
      (preview.body.changes as Json[]).map(
        (c) => `${c.name} ${c.from}→${c.reply} ${c.file}:${c.row}`,
      ),
    ).toEqual([
      '林一平 none→attending 平湖布吉回执.xlsx:3',
      '张勇 none→leave 平湖布吉回执.xlsx:4',
      '王芳 none→substitute 吉华回执.csv:2',
    ]);
    // Nothing is written by reading or previewing.
    expect(await people()).toEqual(['林一平 none ', '张勇 none ', '王芳 none ', '陈晓东 none ']);

    const screen = await openCaller(server.url, TEST_TOKEN);
    const imported = await api('POST', `/api/meetings/${meetingId}/replies`, { files });
    expect(imported.status).toBe(200);
    expect(imported.body.changed).toBe(3);
    expect(await people()).toEqual([
      '林一平 attending ',
      '张勇 leave 外出学习',
      '王芳 substitute 赵代表',
      '陈晓东 none ',
    ]);
    // The seating chart follows: the one now on leave has no seat, the substitute sits in.
    const seated = (message: Json) => {
      const chart = (message.seating as Json).chart as Json;
      return [chart.head, chart.leftSide, chart.rightSide, chart.foot, ...(chart.rows as Json[][])]
        .flat()
        .map((seat) => (seat as Json).name);
    };
    await vi.waitFor(() =>
      expect(screen.messages.filter((m) => m.kind === 'seating.changed')).toHaveLength(1),
    );
    const chart = seated(screen.messages.find((m) => m.kind === 'seating.changed')!);
    expect(chart).not.toContain('张勇');
    expect(chart).toContain('林一平');
    screen.ws.close();
  });

  it('keeps the 联系电话 a reply gives, and the notice’s reply table prints it in its row', async () => {
    const phones = async () =>
      (
        (await api('GET', `/api/meetings/${meetingId}/participants`)).body.participants as Json[]
      ).map((p) => `${p.name} ${p.phone}`);
    expect(await phones()).toContain('林一平 13800000001');
    // A later reply without a number leaves the stored one.
    const again = await readFile('姓名,是否参会,联系电话\r\n林一平,是,\r\n', '再报.csv');
    const files = filesOf(again.body);
    expect((await api('POST', `/api/meetings/${meetingId}/replies`, { files })).status).toBe(200);
    expect(await phones()).toContain('林一平 13800000001');

    const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/notice.docx`, {
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    });
    const texts = (await readDocx(Buffer.from(await res.arrayBuffer()))).body.map((p) => p.text);
    const row = texts.indexOf('林一平');
    expect(row).toBeGreaterThan(0);
    // The reply table's row: 单位, 姓名, 职务, 联系电话.
    expect(texts.slice(row - 1, row + 3)).toEqual([
      '平湖街道',
      '林一平',
      '党工委书记',
      '13800000001',
    ]);
  });

  it('names a file without a 姓名 column, an answer it cannot read and a 代会 without a name, by file, row and column', async () => {
    const noName = await readFile('单位,是否参会\r\n平湖街道,是\r\n', '无姓名.csv');
    expect(noName.status).toBe(200);
    expect(noName.body.replies).toEqual([]);
    expect(noName.body.problems).toEqual([
      { file: '无姓名.csv', row: null, column: null, code: 'missingColumn', value: '姓名' },
    ]);
    const bad = await readFile(
      '姓名,是否参会,代会人员\r\n林一平,也许\r\n张勇,代会,\r\n',
      '错填.csv',
    );
    expect(bad.body.problems).toEqual([
      { file: '错填.csv', row: 2, column: '是否参会', code: 'badAnswer', value: '也许' },
      { file: '错填.csv', row: 3, column: '代会人员', code: 'noSubstitute', value: '' },
    ]);
  });

  it('refuses a person not on the list, and the same person answered two ways in two files, naming both places; nothing is written', async () => {
    const before = await people();
    const one = await readFile(
      '单位,姓名,是否参会\r\n平湖街道,林一平,请假\r\n龙城街道,赵五城,参会\r\n',
      '甲.csv',
    );
    const two = await readFile('单位,姓名,是否参会\r\n平湖街道,林 一平,参会\r\n', '乙.csv');
    const files = filesOf(one.body, two.body);
    const preview = await api('POST', `/api/meetings/${meetingId}/replies/preview`, { files });
    expect(preview.body.problems).toEqual([
      { file: '甲.csv', row: 3, column: null, code: 'unknownPerson', value: '龙城街道 赵五城' },
      {
        file: '乙.csv',
        row: 2,
        column: null,
        code: 'conflict',
        value: '林一平',
        other: { file: '甲.csv', row: 2 },
      },
    ]);
    const refused = await api('POST', `/api/meetings/${meetingId}/replies`, { files });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      reason: 'replies.problems',
      params: { file: '甲.csv', row: 3, count: 2 },
    });
    expect(await people()).toEqual(before);
  });
});
