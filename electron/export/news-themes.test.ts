import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../core/agenda.ts';
import type { Note } from '../core/notes.ts';
import {
  keyTermsOf,
  MAX_PAIRS,
  sharedThemes,
  speakerCoverage,
  type KeyTermExtractor,
} from './news-themes.ts';

/** A fake word cut: the terms are written in the note between [brackets]. */
const bracketed: KeyTermExtractor = (text, count) =>
  [...text.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] as string).slice(0, count);

const item = (id: string, kind: AgendaItem['kind'] = 'exchange'): AgendaItem => ({
  id,
  meetingId: 'm',
  position: Number(id.slice(1)),
  kind,
  title: '',
  speaker: `发言人${id}`,
  speakerPosition: '',
  organization: `${id}街道`,
  topic: '',
  plannedMinutes: 8,
  warningSeconds: null,
  dangerSeconds: null,
});

let next = 0;
const note = (
  itemId: string,
  text: string,
  author = '甲',
  kind: Note['kind'] = 'takeaway',
): Note => ({
  id: `n${next++}`,
  meetingId: 'm',
  itemId,
  kind,
  text,
  starred: false,
  position: next,
  speechOffsetMs: null,
  owner: '',
  dueDate: null,
  author,
  version: 1,
  createdAt: 0,
  updatedAt: 0,
});

describe('sharedThemes', () => {
  const items = [item('i1'), item('i2'), item('i3'), item('i9', 'leader')];

  it('groups notes of different speakers sharing a term, the most widely shared first', () => {
    const notes = [
      note('i1', '[网格] [党支部]'),
      note('i2', '[党支部]'),
      note('i3', '[网格] [党支部]'),
      note('i3', '[网格]'),
      note('i2', '[网格]'),
    ];
    const themes = sharedThemes(items, notes, keyTermsOf(notes, bracketed));
    expect(themes.map((t) => [t.term, t.itemIds])).toEqual([
      // Both terms reach all three speakers: the longer is taken first, each note serves once.
      ['党支部', ['i1', 'i2', 'i3']],
      ['网格', ['i2', 'i3']],
    ]);
    expect(themes[0]?.notes.map((n) => n.text)).toEqual([
      '[网格] [党支部]',
      '[党支部]',
      '[网格] [党支部]',
    ]);
    expect(themes[1]?.notes.map((n) => n.text)).toEqual(['[网格]', '[网格]']);
  });

  it('finds no theme in a term only one speaker used, nor in the leader or action items', () => {
    const notes = [
      note('i1', '[治水]'),
      note('i1', '[治水]', '乙'),
      note('i9', '[治水]'),
      note('i2', '[治水]', '甲', 'action'),
    ];
    expect(sharedThemes(items, notes, keyTermsOf(notes, bracketed))).toEqual([]);
  });

  it('stops at the most themes asked for', () => {
    const notes = ['[甲]', '[乙]', '[丙]', '[丁]'].flatMap((t) => [note('i1', t), note('i2', t)]);
    expect(sharedThemes(items, notes, keyTermsOf(notes, bracketed), 2)).toHaveLength(2);
  });
});

describe('speakerCoverage', () => {
  it('flags thin notes and the points two note-takers both captured', () => {
    const items = [item('i1'), item('i2'), item('i9', 'leader')];
    const notes = [
      note('i1', '[网格] 上门采集', '甲'),
      note('i1', '[网格] 走访出租屋', '乙'),
      note('i1', '[网格] 又一条', '甲'),
      note('i2', '[治水]', '甲'),
      note('i2', '[治水] 行动', '乙', 'action'),
    ];
    const coverage = speakerCoverage(items, notes, keyTermsOf(notes, bracketed));
    expect(coverage.map((c) => [c.itemId, c.noteCount, c.thin])).toEqual([
      ['i1', 3, false],
      ['i2', 1, true],
      ['i9', 0, true],
    ]);
    // 甲 and 乙 both wrote of 网格 (twice over); 甲's own two notes are not "two note-takers".
    expect(coverage[0]?.capturedTwice.map((p) => [p.notes.map((n) => n.author), p.terms])).toEqual([
      [['甲', '乙'], ['网格']],
      [['乙', '甲'], ['网格']],
    ]);
    expect(coverage[1]?.capturedTwice).toEqual([]);
  });

  it('does not count a note without a note-taker’s name as a second note-taker', () => {
    const notes = [
      note('i1', '[网格] 上门采集', '甲'),
      note('i1', '[网格] 走访', ''),
      note('i1', '[网格]', ' '),
    ];
    const [first] = speakerCoverage([item('i1')], notes, keyTermsOf(notes, bracketed));
    expect(first?.capturedTwice).toEqual([]);
  });
});

describe('speakerCoverage of a speech noted many times over', () => {
  it('lists the first few points captured twice, not every pair', () => {
    const notes = Array.from({ length: 400 }, (_, i) => note('i1', '[网格]', i % 2 ? '甲' : '乙'));
    const [first] = speakerCoverage([item('i1')], notes, keyTermsOf(notes, bracketed));
    expect(first?.noteCount).toBe(400);
    expect(first?.capturedTwice).toHaveLength(MAX_PAIRS);
  });
});
