import { describe, expect, it } from 'vitest';
import { buildSampleMeeting, SAMPLE_SUBDISTRICTS } from './sample-meeting.ts';

describe('the sample meeting from the source story', () => {
  const sample = buildSampleMeeting('2026-11-25');

  it('has the 11 Longgang subdistrict secretaries as 8-minute exchange speeches, in order', () => {
    const exchange = sample.items.filter((i) => i.kind === 'exchange');
    expect(exchange.map((i) => i.organization)).toEqual(SAMPLE_SUBDISTRICTS.map((s) => `${s}街道`));
    expect(exchange.every((i) => i.plannedMinutes === 8 && i.speaker && i.topic)).toBe(true);
    expect(new Set(exchange.map((i) => i.speaker)).size).toBe(11);
  });

  it('opens with the presider and closes with the district secretary', () => {
    expect(sample.items[0]).toMatchObject({ kind: 'opening', speaker: sample.meeting.presider });
    expect(sample.items.at(-1)).toMatchObject({ kind: 'leader', speaker: '张勇' });
    expect(sample.meeting.date).toBe('2026-11-25');
  });
});
