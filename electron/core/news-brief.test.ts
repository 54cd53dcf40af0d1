import { describe, expect, it } from 'vitest';
import { legacyParagraphEdits, placeEdits, type ParagraphEdit } from './news-brief.ts';

const edit = (key: string, text: string, draftHash = 'h-' + key): ParagraphEdit => ({
  key,
  text,
  draftHash,
  keepAtEnd: false,
});
const draft = (...keys: string[]) => keys.map((key) => ({ key, draftHash: 'h-' + key }));

describe('placing the organizer’s paragraph edits on the draft', () => {
  it('follows its paragraph when a new theme comes before it', () => {
    const edits = [edit('theme:实绩', '改过的实绩段。')];
    const before = placeEdits(draft('lead', 'theme:网格', 'theme:实绩'), edits);
    expect(before.placed.map((p) => p?.edit.text ?? null)).toEqual([null, null, '改过的实绩段。']);
    const after = placeEdits(draft('lead', 'theme:党支部', 'theme:网格', 'theme:实绩'), edits);
    expect(after.placed.map((p) => p?.edit.text ?? null)).toEqual([
      null,
      null,
      null,
      '改过的实绩段。',
    ]);
    expect(after.orphans).toEqual([]);
  });

  it('follows its paragraph when the themes change order', () => {
    const edits = [edit('theme:网格', '改过的网格段。')];
    const { placed } = placeEdits(draft('lead', 'theme:实绩', 'theme:网格'), edits);
    expect(placed[1]).toBeNull();
    expect(placed[2]?.edit.text).toBe('改过的网格段。');
  });

  it('keeps an edit whose paragraph is gone, on no other paragraph', () => {
    const edits = [edit('theme:网格', '改过的网格段。'), edit('lead', '改过的导语。')];
    const { placed, orphans } = placeEdits(draft('lead', 'theme:实绩'), edits);
    expect(placed.map((p) => p?.edit.text ?? null)).toEqual(['改过的导语。', null]);
    expect(orphans).toEqual([edits[0]]);
  });

  it('flags an edit whose draft text changed since it was written', () => {
    const edits = [edit('lead', '改过的导语。', 'h-old'), edit('highlights', '改过的数据。')];
    const { placed } = placeEdits(draft('lead', 'highlights'), edits);
    expect(placed.map((p) => p?.draftChanged)).toEqual([true, false]);
  });

  it('reads edits stored by place: the lead as the lead, the rest by place and flagged', () => {
    const edits = legacyParagraphEdits([null, '第二段改过。', null, '第四段改过。']);
    expect(edits.map((e) => e.key)).toEqual(['position:1', 'position:3']);
    expect(legacyParagraphEdits(['导语改过。'])[0]?.key).toBe('lead');
    const { placed, orphans } = placeEdits(draft('lead', 'theme:网格', 'highlights'), edits);
    expect(placed.map((p) => p?.edit.text ?? null)).toEqual([null, '第二段改过。', null]);
    expect(placed[1]?.draftChanged).toBe(true);
    // Past the end of today's draft: kept, not laid on anything.
    expect(orphans.map((e) => e.text)).toEqual(['第四段改过。']);
  });

  it('lets an edit by key win over one by place for the same paragraph', () => {
    const edits = [edit('position:1', '旧的。', ''), edit('theme:网格', '新的。')];
    const { placed, orphans } = placeEdits(draft('lead', 'theme:网格'), edits);
    expect(placed[1]?.edit.text).toBe('新的。');
    expect(orphans.map((e) => e.text)).toEqual(['旧的。']);
  });
});
