import { describe, expect, it } from 'vitest';
import type { AgendaItem } from './agenda.ts';
import { emptyAgendaItemFields } from './agenda.ts';
import { applyDraw, drawOrder, makeDraw } from './draw.ts';
import { SAMPLE_SUBDISTRICTS } from './sample-meeting.ts';

const SUBDISTRICTS: string[] = [...SAMPLE_SUBDISTRICTS];

function agenda(): AgendaItem[] {
  const item = (id: string, kind: AgendaItem['kind'], organization = ''): AgendaItem => ({
    ...emptyAgendaItemFields,
    id,
    kind,
    organization,
    meetingId: 'm',
    position: 0,
  });
  return [
    item('open', 'opening'),
    ...SUBDISTRICTS.map((name, i) => item(`s${i}`, 'exchange', `${name}街道`)),
    item('lead', 'leader', '区委'),
  ].map((i, position) => ({ ...i, position }));
}

describe('drawing lots', () => {
  it('gives the published test vectors, the same as any other implementation of docs/draw.md', () => {
    // Also computed with the Python reference implementation in docs/draw.md.
    expect(drawOrder([...'ABCDEFGHIJK'], '2026-11-25 龙岗').join('')).toBe('BJHFEKGACID');
    expect(drawOrder([1, 2, 3, 4, 5], 'seed')).toEqual([5, 1, 4, 2, 3]);
  });

  it('reproduces a draw from its seed and gives another order for another seed', () => {
    const first = drawOrder(SUBDISTRICTS, 'a1b2c3');
    expect(drawOrder(SUBDISTRICTS, 'a1b2c3')).toEqual(first);
    expect(drawOrder(SUBDISTRICTS, 'a1b2c4')).not.toEqual(first);
    expect([...first].sort()).toEqual([...SUBDISTRICTS].sort());
  });

  it('puts every speaker in every place about equally often', () => {
    const counts = SUBDISTRICTS.map(() => new Array<number>(SUBDISTRICTS.length).fill(0));
    const runs = 22_000;
    for (let n = 0; n < runs; n++) {
      drawOrder(SUBDISTRICTS, `seed-${n}`).forEach((name, place) => {
        (counts[SUBDISTRICTS.indexOf(name)] as number[])[place]! += 1;
      });
    }
    const expected = runs / SUBDISTRICTS.length; // 2,000
    for (const row of counts) for (const c of row) expect(Math.abs(c - expected)).toBeLessThan(200);
  });

  it('reorders only the exchange speeches: the opening stays first and the leader last', () => {
    const items = agenda();
    const record = makeDraw(
      items,
      { id: 'd1', meetingId: 'm', seed: 'x', drawnAt: 0, drawnBy: '会务组' },
      (i) => i.organization,
    );
    expect(record.pool.map((p) => p.label)).toEqual(SUBDISTRICTS.map((s) => `${s}街道`));
    const after = applyDraw(items, record.order);
    expect(after[0]?.id).toBe('open');
    expect(after.at(-1)?.id).toBe('lead');
    expect(after.slice(1, -1).map((i) => i.id)).toEqual(record.order);
    expect(after.map((i) => i.position)).toEqual(items.map((_, i) => i));
  });
});
