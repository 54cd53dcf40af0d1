import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { readDocx } from '../export/test-support/docx-readback.ts';
import { exportMeetingFile, importMeetingFile } from './test-support/meeting-file.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-headcount-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function download(url: string, meetingId: string, name: string) {
  const res = await fetch(`${url}/api/meetings/${meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('应到/实到 in the minutes is a meeting setting that round-trips', () => {
  it('is off at first, kept through a restart and a meeting file, and counts the door', async () => {
    let server = await startTestServer(dataDir);
    let api = jsonApi(server.url, TEST_TOKEN);
    const sample = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body;
    const id = sample.meeting.id as string;
    expect(sample.meeting.minutesHeadcount).toBe(false);

    // Four members (one on leave, one never comes) and an observer; two members sign in.
    const people = `/api/meetings/${id}/participants`;
    const add = async (body: Json) =>
      (await api('POST', people, body)).body.participant.id as string;
    const zhang = await add({ name: '张勇', position: '区委书记' });
    const lin = await add({ name: '林一平', organization: '平湖街道', position: '党工委书记' });
    const gao = await add({ name: '高远', position: '区委常委' });
    await add({ name: '陈二坪', organization: '坪地街道', position: '党工委书记' });
    const zhou = await add({ name: '周列席', organization: '区委组织部', role: 'observer' });
    await api('PATCH', `${people}/${gao}`, { reply: 'leave', leaveReason: '因公出差' });
    for (const person of [zhang, lin, zhou]) {
      expect((await api('POST', `${people}/${person}/sign-in`)).status).toBe(200);
    }
    const mdOf = async () => (await download(server.url, id, 'minutes.md')).toString('utf8');
    expect(await mdOf()).not.toContain('应到');

    const patched = await api('PATCH', `/api/meetings/${id}`, { minutesHeadcount: true });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting.minutesHeadcount).toBe(true);
    expect(patched.body.meeting.title).toBe(sample.meeting.title);
    const notBoolean = await api('PATCH', `/api/meetings/${id}`, { minutesHeadcount: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.error.field).toBe('minutesHeadcount');

    // Stored in SQLite: a restarted server still has it.
    await server.cleanup();
    server = await startTestServer(dataDir);
    api = jsonApi(server.url, TEST_TOKEN);
    try {
      expect((await api('GET', `/api/meetings/${id}`)).body.meeting.minutesHeadcount).toBe(true);
      const docx = await readDocx(await download(server.url, id, 'minutes.docx'));
      const texts = docx.body.map((p) => p.text);
      const line = texts.indexOf('应到4人，实到2人。');
      expect(line).toBeGreaterThan(0);
      expect(texts.slice(line + 1, line + 4)).toEqual([
        '出席：张勇（区委书记）、林一平（平湖街道党工委书记）',
        '请假：高远（区委常委，因公出差）',
        '列席：周列席（区委组织部）',
      ]);
      expect(await mdOf()).toContain('应到4人，实到2人。  \n**出席**：张勇（区委书记）、');

      // In the meeting file, and back from it as a copy.
      const file = await exportMeetingFile(server.url, id);
      expect(JSON.stringify(file)).toContain('"minutesHeadcount":true');
      const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
      expect(copy.status).toBe(201);
      expect(copy.body.meeting.minutesHeadcount).toBe(true);

      // A meeting file written before the setting existed opens with it off.
      const older = JSON.parse(JSON.stringify(file)) as { meeting: Record<string, unknown> };
      delete older.meeting['minutesHeadcount'];
      const imported = await importMeetingFile(server.url, JSON.stringify(older), true);
      expect(imported.status).toBe(201);
      expect(imported.body.meeting.minutesHeadcount).toBe(false);
    } finally {
      await server.cleanup();
    }
  }, 60_000);
});
