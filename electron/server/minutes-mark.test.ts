import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { readDocx } from '../export/test-support/docx-readback.ts';
import { exportMeetingFile, importMeetingFile } from './test-support/meeting-file.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-mark-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function download(url: string, meetingId: string, name: string) {
  const res = await fetch(`${url}/api/meetings/${meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  return Buffer.from(await res.arrayBuffer());
}

describe('the 纪要标志 is a meeting setting that round-trips', () => {
  it('is kept through a restart and a meeting file, and printed above the minutes’ title', async () => {
    const MARK = '龙岗区组织工作纪要';
    let server = await startTestServer(dataDir);
    let api = jsonApi(server.url, TEST_TOKEN);
    const sample = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body;
    const id = sample.meeting.id as string;
    expect(sample.meeting.minutesMark).toBe('');
    const patched = await api('PATCH', `/api/meetings/${id}`, { minutesMark: MARK });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting.minutesMark).toBe(MARK);
    // Over the limit: refused with the field named.
    const tooLong = await api('PATCH', `/api/meetings/${id}`, { minutesMark: '纪'.repeat(31) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.field).toBe('minutesMark');

    // Stored in SQLite: a restarted server still has it.
    await server.cleanup();
    server = await startTestServer(dataDir);
    api = jsonApi(server.url, TEST_TOKEN);
    try {
      expect((await api('GET', `/api/meetings/${id}`)).body.meeting.minutesMark).toBe(MARK);

      const docx = await readDocx(await download(server.url, id, 'minutes.docx'));
      expect(docx.body[0]?.text).toBe(MARK);
      const md = (await download(server.url, id, 'minutes.md')).toString('utf8');
      expect(md.startsWith(`**${MARK}**\n`)).toBe(true);

      // In the meeting file, and back from it as a copy.
      const file = await exportMeetingFile(server.url, id);
      expect(JSON.stringify(file)).toContain(`"minutesMark":"${MARK}"`);
      const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
      expect(copy.status).toBe(201);
      expect(copy.body.meeting.minutesMark).toBe(MARK);

      // A meeting file written before the setting existed opens with none.
      const older = JSON.parse(JSON.stringify(file)) as { meeting: Record<string, unknown> };
      delete older.meeting['minutesMark'];
      const imported = await importMeetingFile(server.url, JSON.stringify(older), true);
      expect(imported.status).toBe(201);
      expect(imported.body.meeting.minutesMark).toBe('');
    } finally {
      await server.cleanup();
    }
  }, 60_000);
});
