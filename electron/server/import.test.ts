import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import diagnostics from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeRosterWorkbook } from '../../e2e/roster-workbook.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

/** Posts a file's bytes as the console does, the other inputs in the query. */
async function post(path: string, bytes: Uint8Array | string, query: Record<string, string> = {}) {
  const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const res = await fetch(`${server.url}${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}
const preview = (bytes: Uint8Array | string, query: Record<string, string> = {}) =>
  post('/api/import/preview', bytes, { target: 'roster', ...query });

/** GBK bytes for a text, as Chinese Excel saves "CSV": built from the decoder's own table. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array(
    [...text].flatMap((ch) =>
      ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? []),
    ),
  );
}

const CSV =
  '单位,姓名,职务,题目,时长\r\n平湖街道,林一平,党工委书记,四条河征拆,８\r\n坪地街道,陈二坪,党工委书记,"临时党支部, 建在一线",10 分钟\r\n';

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('名单'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('importing a roster or an agenda from a table', () => {
  it('reads CSV in UTF-8 with and without BOM, UTF-16 and GBK, recognising the columns', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...CSV].map((c) => c.charCodeAt(0))).buffer),
    ]);
    for (const [bytes, encoding, certain] of [
      [withBom, 'utf-8', true],
      [new TextEncoder().encode(CSV), 'utf-8', true],
      [utf16, 'utf-16le', true],
      [gbk(CSV), 'gb18030', false],
    ] as const) {
      const { status, body } = await preview(bytes);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        format: 'csv',
        encoding,
        encodingCertain: certain,
        rowCount: 2,
      });
      expect(body.headers).toEqual(['单位', '姓名', '职务', '题目', '时长']);
      expect(body.mapping).toEqual({ organization: 0, name: 1, position: 2, topic: 3, minutes: 4 });
      expect(body.rows[1]).toEqual([
        '坪地街道',
        '陈二坪',
        '党工委书记',
        '临时党支部, 建在一线',
        '10 分钟',
      ]);
      expect(body.problems).toEqual([]);
    }
  });

  it('reads an .xlsx with merged cells and formulas as Excel shows them, never evaluating', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Organization', 'Name', 'Topic', 'Duration (min)']);
      sheet.addRow(['布吉街道', '周六吉', '治水提质', 8]);
      sheet.addRow(['', '周六吉副手', '治水提质（二）', 5]);
      sheet.mergeCells('A2:A3');
      sheet.addRow(['南湾街道', { formula: 'B2&"（代）"', result: '周六吉（代）' }, '=1+1', 6]);
    });
    const { body } = await preview(bytes);
    expect(body.format).toBe('xlsx');
    expect(body.mapping).toEqual({ organization: 0, name: 1, topic: 2, minutes: 3 });
    expect(body.rows).toEqual([
      ['布吉街道', '周六吉', '治水提质', '8'],
      ['布吉街道', '周六吉副手', '治水提质（二）', '5'],
      ['南湾街道', '周六吉（代）', '=1+1', '6'],
    ]);
  });

  it('imports into the roster and into a meeting in one go, full-width durations understood', async () => {
    const before = (await api('GET', '/api/roster')).body.entries.length;
    const roster = await post('/api/import/roster', CSV, { fileName: '名单.csv' });
    expect(roster.status).toBe(201);
    expect(roster.body).toMatchObject({ added: 2, alreadyThere: 0 });
    expect(roster.body.entries).toHaveLength(before + 2);
    // The same file again adds nobody twice, and says why nobody was added.
    expect((await post('/api/import/roster', CSV)).body).toMatchObject({
      added: 0,
      alreadyThere: 2,
    });

    const meeting = (await api('POST', '/api/meetings', { title: '导入测试', date: '2026-12-01' }))
      .body.meeting;
    const agenda = await post(`/api/meetings/${meeting.id}/import-agenda`, CSV, {
      fileName: '议程.csv',
    });
    expect(agenda.status).toBe(201);
    expect(
      agenda.body.items.map((i: Json) => [i.organization, i.speaker, i.topic, i.plannedMinutes]),
    ).toEqual([
      ['平湖街道', '林一平', '四条河征拆', 8],
      ['坪地街道', '陈二坪', '临时党支部, 建在一线', 10],
    ]);
  });

  it('refuses bad files with a message naming file, row and column, and writes nothing', async () => {
    const count = async () => (await api('GET', '/api/roster')).body.entries.length;
    const before = await count();
    const cases: [Uint8Array | string, Record<string, string>, RegExp][] = [
      ['', {}, /empty/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1]), {}, /not a table/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), {}, /old Excel \.xls/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), {}, /damaged \.xlsx/],
      [
        '姓名,职务\r\n林一平,书记\r\n',
        { fileName: '缺列.csv' },
        /缺列\.csv, row 1: missing column 单位/,
      ],
      [
        '单位,职务,题目\r\n平湖街道,党工委书记,四条河征拆\r\n',
        { fileName: '名单.csv' },
        /名单\.csv, row 1: missing column 姓名/,
      ],
      [
        '单位,姓名,时长\r\n平湖街道,林一平,八分钟\r\n,陈二坪,8\r\n',
        { fileName: '名单.csv' },
        /名单\.csv, row 2, column 时长: "八分钟" is not a number of minutes.*名单\.csv, row 3, column 单位: empty/,
      ],
      [`单位\r\n${'平湖街道\r\n'.repeat(5001)}`, {}, /more than 5,000 rows/],
      ['单位,姓名\r\n"平湖街道,林一平\r\n', {}, /row \d+: .*quote/],
    ];
    for (const [bytes, query, message] of cases) {
      const res = await post('/api/import/roster', bytes, query);
      expect(res.status, String(message)).toBe(400);
      expect(res.body.error.field).toBe('file');
      expect(res.body.error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('gives each refusal a reason and the params the client words it by', async () => {
    const cases: [string | Uint8Array, object][] = [
      [
        '单位,职务\r\n平湖街道,书记\r\n',
        { reason: 'import.missingColumn', params: { file: '名单.csv', row: 1, column: '姓名' } },
      ],
      [
        '单位,姓名,时长\r\n平湖街道,林一平,八分钟\r\n,陈二坪,8\r\n',
        {
          reason: 'import.badMinutes',
          params: { file: '名单.csv', row: 2, column: '时长', value: '八分钟', more: 1 },
        },
      ],
      ['', { reason: 'import.fileEmpty', params: { file: '名单.csv' } }],
      [
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
        { reason: 'import.oldExcel', params: { file: '名单.csv' } },
      ],
    ];
    for (const [bytes, expected] of cases) {
      const res = await post('/api/import/roster', bytes, { fileName: '名单.csv' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject(expected);
    }
  });

  it('says why the reader could not read a file, with the row where it knows one', async () => {
    const zipWithoutWorkbook = await new JSZip().file('readme.txt', '不是表格').generateAsync({
      type: 'uint8array',
    });
    const cases: [string | Uint8Array, object][] = [
      [
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]),
        { reason: 'import.damagedWorkbook', params: { file: '名单.xlsx' } },
      ],
      [zipWithoutWorkbook, { reason: 'import.notWorkbook', params: { file: '名单.xlsx' } }],
      [
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
        { reason: 'import.notTable', params: { file: '名单.xlsx' } },
      ],
      ['\r\n\r\n', { reason: 'import.blankTable', params: { file: '名单.xlsx' } }],
      [
        '单位,姓名\r\n平湖街道,林一平\r\n"龙岗街道,李四龙\r\n',
        { reason: 'import.brokenQuotes', params: { file: '名单.xlsx', row: 3 } },
      ],
    ];
    for (const [bytes, expected] of cases) {
      const res = await post('/api/import/roster', bytes, { fileName: '名单.xlsx' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject(expected);
    }
  });

  it('keeps every character of a text cell: only the duration is read leniently', async () => {
    const meeting = (await api('POST', '/api/meetings', { title: '标点测试', date: '2026-12-02' }))
      .body.meeting;
    const text =
      '单位,姓名,职务,题目,时长\r\n' +
      '龙岗街道（试点）,李四龙,党工委书记,"征拆攻坚：临时党支部，建在一线（上）",１０min\r\n';
    const agenda = await post(`/api/meetings/${meeting.id}/import-agenda`, text, {
      fileName: '议程.csv',
    });
    expect(agenda.status).toBe(201);
    expect(agenda.body.items[0]).toMatchObject({
      organization: '龙岗街道（试点）',
      topic: '征拆攻坚：临时党支部，建在一线（上）',
      plannedMinutes: 10,
    });
    const roster = await post('/api/import/roster', text, { fileName: '名单.csv' });
    expect(roster.status).toBe(201);
    expect(roster.body.entries.map((e: Json) => e.organization)).toContain('龙岗街道（试点）');
  });

  it('refuses an agenda without a 单位 column, writing nothing', async () => {
    const meeting = (await api('POST', '/api/meetings', { title: '缺列测试', date: '2026-12-03' }))
      .body.meeting;
    const res = await post(
      `/api/meetings/${meeting.id}/import-agenda`,
      '姓名,题目\r\n林一平,征拆\r\n',
      {
        fileName: '议程.csv',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('file');
    expect(res.body.error.message).toMatch(/议程\.csv, row 1: missing column 单位/);
    expect(res.body.error).toMatchObject({
      reason: 'import.missingColumn',
      params: { file: '议程.csv', row: 1, column: '单位' },
    });
    expect((await api('GET', `/api/meetings/${meeting.id}`)).body.items).toEqual([]);
  });

  it('refuses a zip bomb and a file over 10 MB before reading it', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(80 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await post('/api/import/roster', bomb);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/unpacks to more than 64 MB/);

    const huge = await post('/api/import/roster', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/larger than 10 MiB/);
  });

  it('reads a 5,000-row workbook in a worker thread: the server answers others meanwhile', async () => {
    const bytes = await largeRosterWorkbook(5000);
    // Node announces every worker thread it starts on this channel; the server runs in-process.
    const started: Worker[] = [];
    let pingAnswered: Promise<number> | undefined;
    let previewAnswered = false;
    const onWorker = (message: unknown) => {
      started.push((message as { worker: Worker }).worker);
      // Asked while the file is being read: answered before the preview if the read is not
      // holding the event loop that also runs every countdown.
      pingAnswered ??= fetch(`${server.url}/healthz`).then((res) => {
        expect(previewAnswered).toBe(false);
        return res.status;
      });
    };
    diagnostics.subscribe('worker_threads', onWorker);
    try {
      const { status, body } = await preview(bytes);
      previewAnswered = true;
      expect(status).toBe(200);
      expect(body.rowCount).toBe(5000);
    } finally {
      diagnostics.unsubscribe('worker_threads', onWorker);
    }
    expect(started).toHaveLength(1);
    expect(await pingAnswered).toBe(200);
  }, 60_000);
});
