import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeRosterWorkbook } from '../../e2e/roster-workbook.ts';
import { lyingZip } from './test-support/lying-zip.ts';
import { startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * An .xlsx is a zip, and a zip's directory says what each entry unpacks to; a hostile one says
 * "a few bytes" for an entry of hundreds of megabytes. The 64 MB check must count what the
 * entries really produce, and stop producing there.
 */
const MiB = 1024 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
let bomb: Uint8Array;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-zip-budget-'));

beforeAll(async () => {
  server = await startTestServer();
  bomb = await lyingZip([
    { name: 'xl/workbook.xml', chunk: Buffer.from('<workbook/>'), repeat: 1 },
    // 256 MiB of blanks inside a ~250 KB entry that claims to unpack to 100 bytes.
    {
      name: 'xl/worksheets/sheet1.xml',
      chunk: Buffer.alloc(MiB, ' '),
      repeat: 256,
      declaredSize: 100,
    },
  ]);
}, 60_000);
afterAll(async () => {
  await server.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function postRoster(bytes: Uint8Array, fileName: string) {
  const res = await fetch(`${server.url}/api/import/roster?${new URLSearchParams({ fileName })}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe('a zip whose directory under-declares what it unpacks to', () => {
  it('is crafted as meant: small on the wire, its directory claiming far less than 64 MB', () => {
    expect(bomb.length).toBeLessThan(MiB);
  });

  it('is refused with a 400 naming the file: it unpacks to more than 64 MB', async () => {
    const { status, body } = await postRoster(bomb, '名单.xlsx');
    expect(status).toBe(400);
    expect(body.error.field).toBe('file');
    expect(body.error.message).toMatch(
      /^file: 名单\.xlsx: the workbook unpacks to more than 64 MB/,
    );
    const roster = await fetch(`${server.url}/api/roster`, {
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(((await roster.json()) as Json).entries).toEqual([]);
  }, 60_000);

  it('under 64 MB but not the size its directory says: refused as damaged, naming the entry', async () => {
    const lying = await lyingZip([
      { name: 'xl/workbook.xml', chunk: Buffer.from('<workbook/>'), repeat: 1 },
      {
        name: 'xl/worksheets/sheet1.xml',
        chunk: Buffer.alloc(1024, ' '),
        repeat: 4,
        declaredSize: 100,
      },
    ]);
    const { status, body } = await postRoster(lying, '名单.xlsx');
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'file: 名单.xlsx: a damaged .xlsx file (xl/worksheets/sheet1.xml is not the size its directory says)',
    );
  });

  it('is refused without the reader ever holding what it unpacks to', async () => {
    // In a process of its own, so that its peak memory is this read's and no other test's:
    // first a real workbook, then the bomb, and how far the bomb raised the peak.
    const workbook = path.join(dir, 'roster.xlsx');
    fs.writeFileSync(workbook, await largeRosterWorkbook(3));
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, bomb);
    const reader = path.resolve(import.meta.dirname, '../import/read-table-off-thread.ts');
    const script = `
      import fs from 'node:fs';
      const { readTableOffThread } = await import(${JSON.stringify(reader)});
      const read = (file) =>
        readTableOffThread(new Uint8Array(fs.readFileSync(file))).then(() => 'read', (e) => e.message);
      const peakMiB = () => process.resourceUsage().maxRSS / 1024;
      const workbook = await read(${JSON.stringify(workbook)});
      const readingWorkbook = peakMiB();
      const bomb = await read(${JSON.stringify(file)});
      console.log(JSON.stringify({ workbook, bomb, raisedMiB: peakMiB() - readingWorkbook }));
    `;
    const scriptFile = path.join(dir, 'read-bomb.mjs');
    fs.writeFileSync(scriptFile, script);
    const { stdout } = await promisify(execFile)(process.execPath, [scriptFile]);
    const outcome = JSON.parse(stdout) as { workbook: string; bomb: string; raisedMiB: number };
    expect(outcome.workbook).toBe('read');
    expect(outcome.bomb).toMatch(/unpacks to more than 64 MB/);
    // Inflated bytes are dropped as they come; the garbage collector lets some pile up (tens of
    // MiB). Holding what the entry unpacks to (256 MiB) would pass this bound.
    expect(outcome.raisedMiB).toBeLessThan(128);
  }, 60_000);
});
