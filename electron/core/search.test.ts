import { describe, expect, it } from 'vitest';
import { findMatches, matchPerson, searchTerms, trigramMatchExpression } from './search.ts';

describe('search', () => {
  it('splits a query into distinct terms', () => {
    expect(searchTerms('  临时党支部  网格员 临时党支部 ')).toEqual(['临时党支部', '网格员']);
  });

  it('finds every occurrence, merging overlaps, ignoring case', () => {
    expect(findMatches('网格员走访，网格员整改', ['网格员'])).toEqual([
      [0, 3],
      [6, 9],
    ]);
    expect(findMatches('Grid grid', ['GRID'])).toEqual([
      [0, 4],
      [5, 9],
    ]);
    expect(findMatches('临时党支部', ['临时党', '党支部'])).toEqual([[0, 5]]);
  });

  it('quotes terms for FTS5 and leaves short ones to a scan', () => {
    expect(trigramMatchExpression(['临时党支部', '网格员'])).toBe('"临时党支部" AND "网格员"');
    expect(trigramMatchExpression(['a"b"c'])).toBe('"a""b""c"');
    expect(trigramMatchExpression(['干部'])).toBeNull();
  });

  it('finds a person when every term is in the name, organization or substitute', () => {
    const person = { name: '林一平', organization: '平湖街道', substitute: '王代表' };
    expect(matchPerson(person, ['平湖', '林'])).toEqual({
      name: [[0, 1]],
      organization: [[0, 2]],
      substitute: [],
    });
    expect(matchPerson(person, ['王代表'])?.substitute).toEqual([[0, 3]]);
    expect(matchPerson(person, ['平湖', '张'])).toBeNull();
    expect(matchPerson(person, [])).toBeNull();
  });
});
