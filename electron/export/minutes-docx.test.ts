import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createMeeting } from '../core/meeting.ts';
import type { Note } from '../core/notes.ts';
import { initialRunState } from '../core/run.ts';
import { buildSampleMeeting } from '../core/sample-meeting.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesModel } from './minutes-model.ts';

function sampleModel() {
  const sample = buildSampleMeeting('2026-11-25');
  const meeting = createMeeting('m', sample.meeting, 0);
  const items = sample.items.map((f, position) => ({
    ...f,
    id: `i${position}`,
    meetingId: 'm',
    position,
  }));
  const notes: Note[] = sample.notes.map((n, position) => ({
    id: `n${position}`,
    meetingId: 'm',
    itemId: `i${n.item}`,
    kind: n.kind,
    text: n.text,
    starred: n.starred ?? false,
    position,
    speechOffsetMs: null,
    owner: n.owner ?? '',
    dueDate: null,
    author: '',
    version: 1,
    createdAt: 0,
    updatedAt: 0,
  }));
  return minutesModel({ meeting, items, notes, run: initialRunState });
}

describe('the minutes as a Word document (GB/T 9704-2012)', async () => {
  const zip = await JSZip.loadAsync(await minutesDocx(sampleModel()));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');

  it('has the title, the attendance blocks, a section per speaker and the requirements', () => {
    expect(documentXml).toContain('龙岗区组织工作会议暨基层工作经验交流座谈会（示例）纪要');
    expect(documentXml).toContain('一、平湖街道 林一平');
    expect(documentXml).toContain('（一）主要做法和经验');
    expect(documentXml).toContain('十二、会议要求');
    expect(documentXml).toContain('区委书记张勇强调：一是把党建工作与实际工作紧密结合');
    expect(documentXml).toContain('十三、议定事项');
  });

  it('sets 出席 as the standard says: label in 黑体, names aligned after the colon', () => {
    const block =
      /<w:p>(?:(?!<\/w:p>).)*出席：(?:(?!<\/w:p>).)*<\/w:p>/s.exec(documentXml)?.[0] ?? '';
    expect(block).toMatch(/w:left="960"[^>]*w:hanging="960"|w:hanging="960"[^>]*w:left="960"/);
    expect(block).toContain('w:eastAsia="黑体"');
  });

  it('uses the official page, fonts and line spacing', () => {
    expect(documentXml).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/,
    );
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('w:eastAsia="楷体_GB2312"');
    expect(documentXml).toMatch(/w:line="560" w:lineRule="exact"/);
  });

  it('numbers odd pages at the right and even pages at the left, as "— 1 —"', async () => {
    expect(await read('word/settings.xml')).toContain('<w:evenAndOddHeaders');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map(read),
    );
    expect(footers.some((f) => f.includes('w:val="right"') && f.includes('— '))).toBe(true);
    expect(footers.some((f) => f.includes('w:val="left"') && f.includes('— '))).toBe(true);
  });
});
