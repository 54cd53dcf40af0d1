import { describe, expect, it } from 'vitest';
import type { NewsBriefView } from '../../../electron/api/news-brief.ts';
import { draftChangedUnder, editsOf, textsOf, withSavedEdits } from './newsBriefEdits.ts';

const view: NewsBriefView = {
  meetingId: 'm',
  generated: {
    headline: '以实干论英雄 以实绩定进退',
    subheading: '座谈会召开',
    paragraphs: [
      { key: 'lead', kind: 'lead', text: '导语。', draftHash: 'h1' },
      { key: 'theme:网格', kind: 'theme', text: '主题。', draftHash: 'h2' },
      { key: 'requirements:i12', kind: 'requirements', text: '要求。', draftHash: 'h3' },
    ],
  },
  edits: { headline: null, paragraphs: [], withSources: true, minutesFinding: '' },
  placed: [null, null, null],
  orphans: [],
  minutesFindingDraft: '会议认为，交流发言围绕“网格”等方面介绍了经验做法。',
  coverage: [],
};

const edit = (key: string, text: string, draftHash: string, keepAtEnd = false) => ({
  key,
  text,
  draftHash,
  keepAtEnd,
});

describe('the news brief boxes', () => {
  it('show the draft where nothing was edited, and store nothing for it', () => {
    const texts = textsOf(view);
    expect(texts).toEqual({
      headline: '以实干论英雄 以实绩定进退',
      paragraphs: ['导语。', '主题。', '要求。'],
      accepted: [false, false, false],
      orphans: [],
      findingOn: false,
      finding: '会议认为，交流发言围绕“网格”等方面介绍了经验做法。',
    });
    expect(editsOf(view, texts)).toEqual({ headline: null, paragraphs: [], minutesFinding: '' });
  });

  it('store only what differs, by the paragraph’s key over the draft shown; an emptied box goes back', () => {
    const texts = textsOf(view);
    const edits = editsOf(view, {
      ...texts,
      headline: '  ',
      paragraphs: ['导语。', ' 改过的主题。 ', '要求。'],
      findingOn: true,
    });
    expect(edits).toEqual({
      headline: null,
      paragraphs: [edit('theme:网格', '改过的主题。', 'h2')],
      minutesFinding: '会议认为，交流发言围绕“网格”等方面介绍了经验做法。',
    });
    // Shown again from what was stored: the edit, and the 会议认为 on.
    const shown = textsOf(
      withSavedEdits(view, { ...view.edits, ...edits } as NewsBriefView['edits']),
    );
    expect(shown.paragraphs).toEqual(['导语。', '改过的主题。', '要求。']);
    expect(shown.findingOn).toBe(true);
  });

  it('keep a flagged edit flagged until the organizer keeps it, then store the new draft’s fingerprint', () => {
    const flagged: NewsBriefView = {
      ...view,
      edits: { ...view.edits, paragraphs: [edit('theme:网格', '我的主题段。', 'old')] },
      placed: [null, { edit: edit('theme:网格', '我的主题段。', 'old'), draftChanged: true }, null],
    };
    const texts = textsOf(flagged);
    expect(texts.paragraphs[1]).toBe('我的主题段。');
    expect(draftChangedUnder(flagged, texts, 1)).toBe(true);
    expect(editsOf(flagged, texts).paragraphs).toEqual([edit('theme:网格', '我的主题段。', 'old')]);
    const accepted = { ...texts, accepted: [false, true, false] };
    expect(draftChangedUnder(flagged, accepted, 1)).toBe(false);
    expect(editsOf(flagged, accepted).paragraphs).toEqual([
      edit('theme:网格', '我的主题段。', 'h2'),
    ]);
  });

  it('keep an edit whose paragraph is gone until discarded, and an edit by place as gone', () => {
    const gone = [edit('theme:实绩', '实绩段。', 'x', true), edit('position:7', '旧的第8段。', '')];
    const orphaned: NewsBriefView = {
      ...view,
      edits: { ...view.edits, paragraphs: gone },
      orphans: gone,
    };
    const texts = textsOf(orphaned);
    expect(editsOf(orphaned, texts).paragraphs).toEqual([
      gone[0],
      edit('gone:7', '旧的第8段。', ''),
    ]);
    expect(editsOf(orphaned, { ...texts, orphans: [] }).paragraphs).toEqual([]);
    expect(
      withSavedEdits(orphaned, {
        ...orphaned.edits,
        paragraphs: [gone[0] as (typeof gone)[0]],
      }).orphans,
    ).toEqual([gone[0]]);
  });
});
