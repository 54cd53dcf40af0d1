import { describe, expect, it } from 'vitest';
import { SAMPLE_ROSTER, sampleEntriesMissing, type RosterEntry } from './roster.ts';

const entry = (organization: string, name: string, retired = false): RosterEntry => ({
  id: organization,
  organization,
  name,
  position: '党工委书记',
  sequence: 1,
  retired,
  createdAt: 0,
  updatedAt: 0,
});

describe('the sample roster', () => {
  it('offers all 11 subdistricts to an empty roster', () => {
    expect(sampleEntriesMissing([])).toEqual(SAMPLE_ROSTER);
    expect(SAMPLE_ROSTER).toHaveLength(11);
  });

  it('offers only the subdistricts a roster lacks, whoever holds the others', () => {
    const missing = sampleEntriesMissing([
      entry('平湖街道', '王真名'),
      entry('龙城街道', '', true),
      entry('区委组织部', '张勇'),
    ]);
    expect(missing).toHaveLength(9);
    expect(missing.map((m) => m.organization)).not.toContain('平湖街道');
    expect(missing.map((m) => m.organization)).not.toContain('龙城街道');
    expect(missing[0]?.organization).toBe('坪地街道');
  });
});
