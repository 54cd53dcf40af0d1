import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { itemHeadline } from '../core/agenda.ts';
import { applyDraw, makeDraw } from '../core/draw.ts';
import { plainSampleData } from './export-fixture.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesModel } from './minutes-model.ts';

const sampleModel = () => minutesModel(plainSampleData());

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

describe('the draw annex in the minutes', async () => {
  const data = plainSampleData();
  const draw = makeDraw(
    data.items,
    { id: 'd', meetingId: 'm', seed: '2026-11-25 公开抽签', drawnAt: 0, drawnBy: '会务组' },
    itemHeadline,
  );
  const zip = await JSZip.loadAsync(
    await minutesDocx(
      minutesModel({ ...data, items: applyDraw(data.items, draw.order), draws: [draw] }),
    ),
  );
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';

  it('names the annex after the body and starts it on a new page, 附件 in 黑体', () => {
    expect(xml).toContain('附件：发言顺序抽签记录');
    const annexPage = /<w:p>(?:(?!<\/w:p>).)*<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*<\/w:p>/s.exec(
      xml,
    )?.[0];
    expect(annexPage).toContain('>附件<');
    expect(annexPage).toContain('w:eastAsia="黑体"');
  });

  it('prints the seed, who drew, the list and the result', () => {
    expect(xml).toContain('2026-11-25 公开抽签');
    expect(xml).toContain('会务组');
    expect(xml).toContain('平湖街道 林一平、坪地街道 陈二坪');
    expect(xml).toMatch(/第1位 \S+街道 \S+；第2位/);
  });
});
