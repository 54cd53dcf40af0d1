import { describe, expect, it } from 'vitest';
import type { NewsBriefView } from '../../../electron/api/news-brief.ts';
import { editsOf, textsOf } from './newsBriefEdits.ts';

const view: NewsBriefView = {
  meetingId: 'm',
  generated: {
    headline: '以实干论英雄 以实绩定进退',
    subheading: '座谈会召开',
    paragraphs: [
      { kind: 'lead', text: '导语。' },
      { kind: 'theme', text: '主题。' },
      { kind: 'requirements', text: '要求。' },
    ],
  },
  edits: { headline: null, paragraphs: [], withSources: true, minutesFinding: '' },
  minutesFindingDraft: '会议认为，交流发言围绕“网格”等方面介绍了经验做法。',
  coverage: [],
};

describe('the news brief boxes', () => {
  it('show the draft where nothing was edited, and store nothing for it', () => {
    const texts = textsOf(view);
    expect(texts).toEqual({
      headline: '以实干论英雄 以实绩定进退',
      paragraphs: ['导语。', '主题。', '要求。'],
      withSources: true,
      findingOn: false,
      finding: '会议认为，交流发言围绕“网格”等方面介绍了经验做法。',
    });
    expect(editsOf(view, texts)).toEqual(view.edits);
  });

  it('store only what differs; an emptied box goes back to the draft', () => {
    const texts = textsOf(view);
    const edits = editsOf(view, {
      ...texts,
      headline: '  ',
      paragraphs: ['导语。', ' 改过的主题。 ', '要求。'],
      withSources: false,
      findingOn: true,
    });
    expect(edits).toEqual({
      headline: null,
      paragraphs: [null, '改过的主题。'],
      withSources: false,
      minutesFinding: '会议认为，交流发言围绕“网格”等方面介绍了经验做法。',
    });
    // Shown again from what was stored: the edit, and the 会议认为 on.
    const shown = textsOf({ ...view, edits });
    expect(shown.paragraphs).toEqual(['导语。', '改过的主题。', '要求。']);
    expect(shown.findingOn).toBe(true);
  });
});
