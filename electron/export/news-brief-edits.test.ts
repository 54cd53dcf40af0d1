import { describe, expect, it } from 'vitest';
import type { NewsBriefEdits, ParagraphEdit } from '../core/news-brief.ts';
import type { Note } from '../core/notes.ts';
import { plainSampleData } from './test-support/export-fixture.ts';
import { jiebaKeyTerms } from './jieba-terms.ts';
import type { MeetingData } from './meeting-data.ts';
import { newsBriefMarkdown } from './news-brief-md.ts';
import { paragraphText } from './news-brief-model.ts';
import { editedNewsBrief, newsBriefView } from './news-brief-view.ts';

/** Three more speakers (龙城, 布吉, 坂田) note 网格: a theme of five speakers, the first one. */
function withGridNotes(data: MeetingData): MeetingData {
  const base = data.notes[0] as Note;
  const grid = ['i5', 'i6', 'i8'].map((itemId, k): Note => ({
    ...base,
    id: `grid${k}`,
    itemId,
    kind: 'takeaway',
    starred: false,
    position: 100 + k,
    text: '推行网格化管理，网格员每周走访辖区群众。',
  }));
  return { ...data, notes: [...data.notes, ...grid] };
}

/** The sample with the organizer's edits of the paragraphs named, written over today's draft. */
function edited(data: MeetingData, texts: Record<string, string>): MeetingData {
  const view = newsBriefView(data, jiebaKeyTerms);
  const paragraphs = Object.entries(texts).map(([key, text]): ParagraphEdit => {
    const drafted = view.generated.paragraphs.find((p) => p.key === key);
    if (!drafted) throw new Error(`no paragraph ${key} in the draft`);
    return { key, text, draftHash: drafted.draftHash, keepAtEnd: false };
  });
  const edits: NewsBriefEdits = {
    headline: null,
    paragraphs,
    withSources: true,
    minutesFinding: '',
  };
  return { ...data, newsBriefEdits: edits };
}

const keys = (data: MeetingData) =>
  newsBriefView(data, jiebaKeyTerms).generated.paragraphs.map((p) => p.key);

describe('the organizer’s edits when the notes change', () => {
  it('stay on their paragraph when a new theme comes first', () => {
    const data = edited(plainSampleData(), { 'theme:党支部': '各街道交流了临时党支部的做法。' });
    expect(keys(data).slice(0, 3)).toEqual(['lead', 'theme:党支部', 'theme:党员干部']);

    const later = withGridNotes(data);
    expect(keys(later).slice(0, 4)).toEqual([
      'lead',
      'theme:网格',
      'theme:党支部',
      'theme:党员干部',
    ]);
    const brief = editedNewsBrief(later, jiebaKeyTerms);
    const texts = brief.paragraphs.map(paragraphText);
    // The edit is the third paragraph now, where 党支部 went; the new 网格 paragraph is the draft's.
    expect(texts[2]).toBe('各街道交流了临时党支部的做法。');
    expect(texts[1]).toMatch(/^围绕“网格”，龙城街道赵五城、布吉街道周六吉/);
    expect(texts.filter((t) => t === '各街道交流了临时党支部的做法。')).toHaveLength(1);
    const view = newsBriefView(later, jiebaKeyTerms);
    expect(view.placed.map((p) => p?.edit.text ?? null).slice(0, 3)).toEqual([
      null,
      null,
      '各街道交流了临时党支部的做法。',
    ]);
    // The notes of 党支部 did not change: nothing to check.
    expect(view.placed[2]?.draftChanged).toBe(false);
  });

  it('are kept, on no other paragraph, when their theme leaves the draft; printed at the end if kept', () => {
    // 网格 takes the first place and 实绩 (a three-theme draft's last) drops out.
    const data = withGridNotes(edited(plainSampleData(), { 'theme:实绩': '以实绩论英雄。' }));
    expect(keys(data)).not.toContain('theme:实绩');
    const view = newsBriefView(data, jiebaKeyTerms);
    expect(view.placed.every((p) => p === null)).toBe(true);
    expect(view.orphans.map((o) => o.text)).toEqual(['以实绩论英雄。']);
    const printed = () => editedNewsBrief(data, jiebaKeyTerms).paragraphs.map(paragraphText);
    expect(printed()).not.toContain('以实绩论英雄。');

    const kept = data.newsBriefEdits as NewsBriefEdits;
    data.newsBriefEdits = {
      ...kept,
      paragraphs: kept.paragraphs.map((p) => ({ ...p, keepAtEnd: true })),
    };
    expect(printed().at(-1)).toBe('以实绩论英雄。');
    const md = newsBriefMarkdown(editedNewsBrief(data, jiebaKeyTerms), data);
    expect(md).toContain('以实绩论英雄。：组织者所写（原段落已不在草稿中）');
  });

  it('are flagged when a note under them changed, and the new draft is there to compare', () => {
    const data = edited(plainSampleData(), { 'theme:党员干部': '党员干部在攻坚中成长。' });
    const n6 = data.notes.find((n) => n.id === 'n6') as Note;
    const changed = {
      ...data,
      notes: data.notes.map((n) =>
        n === n6 ? { ...n, text: '临时抽调的优秀干部充实到一线党支部，党员干部成长很快。' } : n,
      ),
    };
    const view = newsBriefView(changed, jiebaKeyTerms);
    const i = view.generated.paragraphs.findIndex((p) => p.key === 'theme:党员干部');
    expect(view.placed[i]).toMatchObject({
      draftChanged: true,
      edit: { text: '党员干部在攻坚中成长。' },
    });
    expect(view.generated.paragraphs[i]?.text).toContain('党员干部成长很快');
    // Unchanged notes: the same edit is not flagged.
    const same = newsBriefView(data, jiebaKeyTerms);
    expect(same.placed[i]?.draftChanged).toBe(false);
  });

  it('stored by place in an older version read the lead as the lead, the rest flagged', () => {
    const data = plainSampleData();
    data.newsBriefEdits = {
      headline: null,
      paragraphs: [
        { key: 'lead', text: '昨日召开座谈会。', draftHash: '', keepAtEnd: false },
        { key: 'position:2', text: '第三段改过。', draftHash: '', keepAtEnd: false },
      ],
      withSources: true,
      minutesFinding: '',
    };
    const view = newsBriefView(data, jiebaKeyTerms);
    expect(view.placed[0]).toMatchObject({
      edit: { text: '昨日召开座谈会。' },
      draftChanged: true,
    });
    expect(view.placed[2]).toMatchObject({ edit: { text: '第三段改过。' }, draftChanged: true });
  });
});
