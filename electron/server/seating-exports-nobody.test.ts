import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EXPORT_NAMES } from '../api/bundle.ts';
import { readDocx } from '../export/test-support/docx-readback.ts';
import { jsonApi, TEST_TOKEN, type Json } from './test-support/test-server.ts';
import { sampleRunServer } from './test-support/sample-run.ts';

/**
 * The seating chart and the table cards of a meeting with nobody to seat: refused with a reason
 * the console words, by the rule its 座次 goes by; everything else still exports; and once
 * someone has a seat, both are made again.
 */

const SEATING = ['seating-chart.docx', 'seating-chart.pdf', 'name-cards.docx', 'name-cards.pdf'];

const sample = sampleRunServer();
const api: ReturnType<typeof jsonApi> = (method, url, body) =>
  jsonApi(sample.server.url, TEST_TOKEN)(method, url, body);

async function download(name: string) {
  const res = await fetch(`${sample.server.url}/api/meetings/${sample.meetingId}/export/${name}`, {
    headers: { Authorization: `Bearer ${TEST_TOKEN}` },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

const errorOf = (bytes: Buffer) => (JSON.parse(bytes.toString('utf8')) as Json).error as Json;

/** What the console's 座次 shows: true when it says 尚无可排座的人员. */
async function consoleSaysNobody() {
  const { chart } = (await api('GET', `/api/meetings/${sample.meetingId}/seating`)).body as {
    chart: Record<string, Json[] | Json[][]>;
  };
  return (
    Object.values(chart)
      .flat(2)
      .filter((seat) => typeof seat === 'object').length === 0
  );
}

async function addParticipant(name: string, role: string, reply?: string) {
  const added = await api('POST', `/api/meetings/${sample.meetingId}/participants`, {
    name,
    role,
    ...(reply ? { reply } : {}),
  });
  expect(added.status).toBe(201);
}

describe('the seating exports of a meeting with nobody to seat', () => {
  it('are refused with the reason the console words, while the sample meeting exports everything else', async () => {
    expect(await consoleSaysNobody()).toBe(true);
    for (const name of SEATING) {
      const { status, bytes } = await download(name);
      expect(status, name).toBe(409);
      expect(errorOf(bytes), name).toMatchObject({
        code: 'conflict',
        reason: 'export.nobodyToSeat',
      });
    }
    // The PDFs of the minutes and the notice are printed by LibreOffice from their .docx.
    const others = EXPORT_NAMES.filter(
      (name) => !SEATING.includes(name) && name !== 'minutes.pdf' && name !== 'notice.pdf',
    );
    expect(others.length).toBeGreaterThan(8);
    for (const name of others) {
      const { status, bytes } = await download(name);
      expect(status, name).toBe(200);
      expect(bytes.length, name).toBeGreaterThan(0);
    }
  }, 120_000);

  it('are still refused when everyone listed is staff or on leave, as the console says', async () => {
    await addParticipant('何芳', 'staff');
    await addParticipant('李娜', 'attendee', 'leave');
    expect(await consoleSaysNobody()).toBe(true);
    const { status, bytes } = await download('name-cards.docx');
    expect(status).toBe(409);
    expect(errorOf(bytes).reason).toBe('export.nobodyToSeat');
  });

  it('are made again, with the seated person on them, once someone has a seat', async () => {
    await addParticipant('林一平', 'attendee');
    expect(await consoleSaysNobody()).toBe(false);

    const cards = await download('name-cards.docx');
    expect(cards.status).toBe(200);
    const xml = await (
      await JSZip.loadAsync(cards.bytes)
    )
      .file('word/document.xml')
      ?.async('string');
    // One card, the name on both faces; staff and those on leave get none.
    expect(xml?.match(/string="林一平"/g)).toHaveLength(2);
    expect(xml).not.toMatch(/何芳|李娜|何\u3000芳|李\u3000娜/);

    const chart = await download('seating-chart.docx');
    expect(chart.status).toBe(200);
    const text = (await readDocx(chart.bytes)).body.map((p) => p.text).join('\n');
    expect(text).toContain('林一平');
    expect(text).toContain('共1座');
  });
});
