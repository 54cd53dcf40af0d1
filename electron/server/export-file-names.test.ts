import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_NAMES } from '../api/bundle.ts';
import { MAX_FILE_NAME_BYTES } from '../export/file-name.ts';
import { fileNameOf } from '../../renderer/api/download.ts';
import { startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

/** 96 characters: "…-计时报告.xlsx" after it was 306 bytes, past every file system's 255. */
const LONG_TITLE =
  '中共云溪区委关于基层党建引领城市更新和社会治理现代化重点攻坚任务推进暨优秀街道社区党组织工作经验交流座谈会'.repeat(
    2,
  );

let server: Awaited<ReturnType<typeof startTestServer>>;
let meetingId: string;
let saveDir: string;
beforeAll(async () => {
  server = await startTestServer();
  meetingId = server.handlers['meetings.create']({ title: LONG_TITLE, date: '2026-11-25' }).meeting
    .id;
  // Someone to seat: a meeting with nobody gets no seating chart and no table cards at all.
  server.handlers['participants.add']({ id: meetingId, name: '林一平' });
  saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-saved-'));
});
afterAll(async () => {
  await server.cleanup();
  fs.rmSync(saveDir, { recursive: true, force: true });
});

describe('the file names of exports of a meeting with a very long title', () => {
  // The PDF is named the same way and needs LibreOffice; the others are enough here.
  const names = EXPORT_NAMES.filter((name) => name !== 'minutes.pdf');

  it.each(names)('%s downloads under a name that can be saved, its suffix kept', async (name) => {
    const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/${name}`, {
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    const fileName = fileNameOf(res.headers.get('content-disposition'), 'fallback');
    expect(Buffer.byteLength(fileName)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(fileName.startsWith(LONG_TITLE.slice(0, 40))).toBe(true);
    const extension = name.slice(name.lastIndexOf('.'));
    expect(fileName.endsWith(extension)).toBe(true);
    // Saved the way the browser saves a download: under that name, in a folder, read back.
    const saved = path.join(saveDir, fileName);
    fs.writeFileSync(saved, body);
    expect(fs.readFileSync(saved).equals(body)).toBe(true);
    expect(fs.readdirSync(saveDir)).toContain(fileName);
  });
});
