import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { readDocx } from '../export/test-support/docx-readback.ts';
import { exportMeetingFile, importMeetingFile } from './test-support/meeting-file.ts';
import { openCaller } from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * The 会议通知's settings stored with the meeting, and the notice exported through the same
 * route as the minutes, as .docx and as PDF, read back.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-notice-'));
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
let meetingId: string;
let organizer: string;
beforeAll(async () => {
  server = await startTestServer(dataDir);
  api = jsonApi(server.url, TEST_TOKEN);
  const meeting = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body.meeting;
  meetingId = meeting.id as string;
  organizer = meeting.organizer as string;
});
afterAll(async () => {
  await server.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const download = async (name: string) => {
  const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('the notice’s settings', () => {
  it('start from the meeting (signed by its organizer), are kept over a restart, and refuse a date that is none', async () => {
    const notice = `/api/meetings/${meetingId}/notice`;
    const fresh = await api('GET', notice);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      defaultIssuer: organizer,
      settings: { addressee: '', issuer: '', issuedOn: '', contactName: '' },
    });
    const saved = await api('PATCH', notice, {
      addressee: ' 各街道党工委 ',
      materialsDue: '2026-11-18',
      contactName: '李明',
      contactPhone: '0755-28949999',
      issuedOn: '2026-11-10',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      addressee: '各街道党工委',
      materialsDue: '2026-11-18',
    });
    const bad = await api('PATCH', notice, { materialsDue: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'materialsDue' });
    expect((await api('PATCH', notice, { colour: 'red' })).status).toBe(400);

    await server.close();
    server = await startTestServer(dataDir);
    api = jsonApi(server.url, TEST_TOKEN);
    expect((await api('GET', notice)).body.settings as Json).toMatchObject({
      addressee: '各街道党工委',
      contactName: '李明',
      issuedOn: '2026-11-10',
    });
  });
});

describe('the notice’s settings as they change', () => {
  it('are told to the organizer’s other screens, never to a projector in the hall', async () => {
    const sharing = (await api('POST', '/api/sharing', { enabled: true })).body;
    const lan = (sharing.urls[0] as string).replace(/\/$/, '');
    const joined = await jsonApi(lan, '')('POST', '/api/session', {
      code: sharing.code,
      role: 'projector',
    });
    const projector = await openCaller(lan, joined.body.token as string);
    const otherWindow = await openCaller(server.url, TEST_TOKEN);
    try {
      const told = (socket: typeof projector) =>
        socket.messages.filter((m) => m.kind === 'notice.changed');
      await api('PATCH', `/api/meetings/${meetingId}/notice`, { contactName: '王会务' });
      // A change every screen hears, to know the projector's socket had its chance. The organizer
      // is sent along: meetings.update's schema fills an absent organizer with its default ''.
      await api('PATCH', `/api/meetings/${meetingId}`, { venue: '第二会议室', organizer });
      await vi.waitFor(() => expect(told(otherWindow)).toHaveLength(1));
      expect(told(otherWindow)[0]?.notice).toMatchObject({
        meetingId,
        settings: { contactName: '王会务', addressee: '各街道党工委' },
      });
      await vi.waitFor(() =>
        expect(projector.messages.some((m) => m.kind === 'meeting.saved')).toBe(true),
      );
      expect(told(projector)).toEqual([]);
      await api('PATCH', `/api/meetings/${meetingId}/notice`, { contactName: '李明' });
    } finally {
      projector.ws.close();
      otherWindow.ws.close();
      await api('POST', '/api/sharing', { enabled: false });
    }
  });
});

describe('the notice’s settings in the meeting file', () => {
  it('travel with the meeting and come back with its copy; a bad date in the file refuses it', async () => {
    const file = await exportMeetingFile(server.url, meetingId);
    expect(file.notice).toMatchObject({ addressee: '各街道党工委', contactName: '李明' });
    const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(copy.status).toBe(201);
    const copyId = copy.body.meeting.id as string;
    expect(copyId).not.toBe(meetingId);
    expect((await api('GET', `/api/meetings/${copyId}/notice`)).body.settings).toEqual(
      (await api('GET', `/api/meetings/${meetingId}/notice`)).body.settings,
    );
    const bad = { ...file, notice: { ...(file.notice as Json), issuedOn: '2026-13-01' } };
    const refused = await importMeetingFile(server.url, JSON.stringify(bad), true);
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('notice.issuedOn');
  });
});

describe('a duplicate of the meeting', () => {
  it('keeps the notice’s addressee, contact and requirements, and leaves its dates to be set', async () => {
    const copy = await api('POST', `/api/meetings/${meetingId}/duplicate`, {});
    const settings = (await api('GET', `/api/meetings/${copy.body.meeting.id}/notice`)).body
      .settings as Json;
    expect(settings).toMatchObject({
      addressee: '各街道党工委',
      contactName: '李明',
      contactPhone: '0755-28949999',
      materialsDue: '',
      issuedOn: '',
    });
  });
});

describe('exporting the notice', () => {
  it('as .docx: named 会议通知, with what the organizer set and what the meeting says', async () => {
    const { res, bytes } = await download('notice.docx');
    expect(res.status).toBe(200);
    const disposition = decodeURIComponent(
      (res.headers.get('content-disposition') ?? '').split("UTF-8''")[1] ?? '',
    );
    expect(disposition).toMatch(/-会议通知\.docx$/);
    const texts = (await readDocx(bytes)).body.map((p) => p.text).filter(Boolean);
    expect(texts).toContain('各街道党工委：');
    expect(texts).toContain('联系人：李明，电话：0755-28949999。');
    expect(texts).toContain('请各街道党工委书记准备8分钟交流发言，于11月18日前报送发言材料。');
    expect(texts).toContain(organizer);
    expect(texts).toContain('2026年11月10日');
  });

  it('as an A4 PDF through LibreOffice, the 参会回执 on its own page', async () => {
    const { res, bytes } = await download('notice.pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dataDir, 'notice.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/\(A4\)/);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .map((page) => page.replace(/\s+/g, ''))
      .filter(Boolean);
    expect(pages[0]).toContain('各街道党工委：');
    const annex = pages.at(-1)!;
    // The table's headers wrap inside their cells, so the text of a row comes out interleaved.
    expect(annex.startsWith('附件参会回执')).toBe(true);
    for (const header of ['单位', '姓名', '职务', '联系电话']) expect(annex).toContain(header);
    expect(pages.slice(0, -1).join('')).not.toContain('联系电话');
  }, 120_000);

  it('is the organizer’s: a device that joined with the access code may not export it', async () => {
    const res = await fetch(`${server.url}/api/meetings/${meetingId}/export/notice.docx`);
    expect(res.status).toBe(401);
  });
});
