import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-seating-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const PEOPLE: [string, string, string?][] = [
  ['林一平', 'attendee'],
  ['张勇', 'attendee'],
  ['陈静', 'attendee'],
  ['王海涛', 'attendee'],
  ['刘洋', 'attendee'],
  ['李娜', 'attendee', 'leave'],
  ['何芳', 'staff'],
  ['郑凯', 'observer'],
];

const names = (seats: Json[]) => seats.map((s) => s.name as string);
const everyone = (chart: Json) =>
  [chart.head, chart.leftSide, chart.rightSide, chart.foot, ...chart.rows].flat() as Json[];

describe('the seating plan of a meeting', () => {
  it('is the rule’s by rank until the organizer swaps two people; the swap and the layout stay after a restart; reset goes back', async () => {
    let server = await startTestServer(dataDir);
    let api = jsonApi(server.url, TEST_TOKEN);
    const meetingId = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body
      .meeting.id as string;
    const seating = `/api/meetings/${meetingId}/seating`;
    const ids: Record<string, string> = {};
    for (const [name, role, reply] of PEOPLE) {
      const added = await api('POST', `/api/meetings/${meetingId}/participants`, {
        name,
        role,
        ...(reply ? { reply } : {}),
      });
      ids[name] = added.body.participant.id as string;
    }

    const first = await api('GET', seating);
    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({ layout: 'u-shape', headCount: 3, paper: 'A4' });
    expect(names(first.body.chart.head)).toEqual(['陈静', '林一平', '张勇']);
    // Staff and those on leave have no seat; 列席 sit in the rows behind.
    expect(names(everyone(first.body.chart)).sort()).toEqual(
      ['林一平', '张勇', '陈静', '王海涛', '刘洋', '郑凯'].sort(),
    );
    expect(names(first.body.chart.rows.flat())).toEqual(['郑凯']);

    const updated = await api('PATCH', seating, { layout: 'rostrum', headCount: 2, paper: 'A3' });
    expect(updated.status).toBe(200);
    expect(names(updated.body.chart.head)).toEqual(['林一平', '张勇']);
    expect(updated.body.swapped).toBe(false);

    const swapped = await api('POST', `${seating}/swap`, {
      participantIds: [ids['林一平'], ids['郑凯']],
    });
    expect(swapped.status).toBe(200);
    expect(names(swapped.body.chart.head)).toEqual(['郑凯', '张勇']);
    expect(swapped.body.swapped).toBe(true);

    // No seat, no swap: said with its reason.
    const refused = await api('POST', `${seating}/swap`, {
      participantIds: [ids['林一平'], ids['何芳']],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe('seating.notSeated');

    await server.cleanup();
    server = await startTestServer(dataDir);
    api = jsonApi(server.url, TEST_TOKEN);
    try {
      const after = await api('GET', seating);
      expect(after.body.settings).toMatchObject({ layout: 'rostrum', headCount: 2, paper: 'A3' });
      expect(names(after.body.chart.head)).toEqual(['郑凯', '张勇']);

      // Someone new: seated by rank, the swap kept.
      await api('POST', `/api/meetings/${meetingId}/participants`, { name: '吴敏' });
      const grown = await api('GET', seating);
      expect(names(everyone(grown.body.chart))).toContain('吴敏');
      expect(names(grown.body.chart.head)).toEqual(['郑凯', '张勇']);

      const reset = await api('POST', `${seating}/reset`);
      expect(names(reset.body.chart.head)).toEqual(['林一平', '张勇']);
      expect(reset.body.swapped).toBe(false);

      // Out of range: refused whole.
      expect((await api('PATCH', seating, { seatsPerRow: 0 })).status).toBe(400);
      expect((await api('PATCH', seating, { layout: 'circle' })).status).toBe(400);
    } finally {
      await server.cleanup();
    }
  });
});
