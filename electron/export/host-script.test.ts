import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyAgendaItemFields } from '../core/agenda.ts';
import { plainSampleData } from './export-fixture.ts';
import { hostScript } from './host-script.ts';
import { hostScriptDocx } from './host-script-docx.ts';
import type { MeetingData } from './meeting-data.ts';

/** The sample's agenda; the host script does not use notes. */
const sampleData = (): MeetingData => ({ ...plainSampleData(), notes: [] });

describe('the host script', () => {
  const script = hostScript(sampleData());
  const texts = script.map((p) => p.text);

  it('hands over to each speaker and tells the next one to get ready', () => {
    expect(texts).toContain('首先，请平湖街道党工委书记林一平同志发言，请坪地街道做好准备。');
    expect(texts).toContain('下面，请坪地街道党工委书记陈二坪同志发言，请横岗街道做好准备。');
    expect(texts).toContain('下面，请宝龙街道党工委书记何十一同志发言。');
    const handOvers = script.filter(
      (p) => p.style === 'cue' && /发言(，请.+做好准备)?。$/.test(p.text),
    );
    expect(handOvers).toHaveLength(11);
  });

  it('opens with the agenda and closes after the leader', () => {
    expect(texts[0]).toBe('龙岗区组织工作会议暨基层工作经验交流座谈会（示例）主持词');
    expect(texts.find((t) => t.startsWith('今天'))).toContain(
      '一是请11位党工委书记交流发言；二是请区委书记张勇同志讲话',
    );
    expect(texts).toContain('下面，请区委书记张勇同志作总结讲话，大家欢迎。');
    expect(texts.at(-1)).toBe('会议到此结束。散会。');
  });

  it('announces a break', () => {
    const data = sampleData();
    data.items.splice(6, 0, {
      ...emptyAgendaItemFields,
      id: 'b',
      meetingId: 'm',
      position: 6,
      kind: 'break',
      title: '茶歇',
      plannedMinutes: 10,
    });
    expect(hostScript(data).map((p) => p.text)).toContain('现在休息10分钟。');
  });

  it('is a Word document on the official page, in Chinese fonts, with "— 1 —" page numbers', async () => {
    const zip = await JSZip.loadAsync(await hostScriptDocx(script, '主持词'));
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const footerName = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f)) ?? '';
    const footerXml = (await zip.file(footerName)?.async('string')) ?? '';
    expect(documentXml).toContain('首先，请平湖街道党工委书记林一平同志发言，请坪地街道做好准备。');
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/w:top="2098"/);
    expect(documentXml).toMatch(/w:left="1587"/);
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toMatch(/<w:spacing[^>]*w:line="560"[^>]*w:lineRule="exact"/);
    expect(footerXml).toContain('— ');
    expect(footerXml).toContain('PAGE');
  });
});
