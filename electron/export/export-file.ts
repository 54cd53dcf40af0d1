import type { ExportName } from '../api/bundle.ts';
import { defaultNoticeSettings } from '../core/notice.ts';
import { timingBaseline } from '../core/timing-baseline.ts';
import type { hostScriptDocx as HostScriptDocx } from './host-script-docx.ts';
import type { minutesDocx as MinutesDocx } from './minutes-docx.ts';
import type { newsBriefDocx as NewsBriefDocx } from './news-brief-docx.ts';
import type { noticeDocx as NoticeDocx } from './notice-docx.ts';
import type { nameCardsDocx as NameCardsDocx } from './name-cards-docx.ts';
import type { seatingChartDocx as SeatingChartDocx } from './seating-docx.ts';
import type { slidesPptx as SlidesPptx } from './slides-pptx.ts';
import type { timingXlsx as TimingXlsx } from './timing-xlsx.ts';
import { toBundle } from './bundle.ts';
import { exportFileName } from './file-name.ts';
import { hostScript } from './host-script.ts';
import type { ExportFile, MeetingData } from './meeting-data.ts';
import { minutesMarkdown } from './minutes-md.ts';
import { minutesModel } from './minutes-model.ts';
import { jiebaKeyTerms } from './jieba-terms.ts';
import { newsBriefMarkdown } from './news-brief-md.ts';
import { editedNewsBrief } from './news-brief-view.ts';
import { noticeModel } from './notice-model.ts';
import { nameCardsModel, seatingChartModel } from './seating-export.ts';
import { slidesModel } from './slides-model.ts';
import { timingCsv } from './timing-report.ts';

/**
 * The Office writers (docx, pptxgenjs, exceljs) are loaded on first use: together they are
 * about 30 MiB of memory that a server running a meeting should not hold until it exports.
 */
const minutesDocx: typeof MinutesDocx = async (...args) =>
  (await import('./minutes-docx.ts')).minutesDocx(...args);
const newsBriefDocx: typeof NewsBriefDocx = async (...args) =>
  (await import('./news-brief-docx.ts')).newsBriefDocx(...args);
const hostScriptDocx: typeof HostScriptDocx = async (...args) =>
  (await import('./host-script-docx.ts')).hostScriptDocx(...args);
const noticeDocx: typeof NoticeDocx = async (...args) =>
  (await import('./notice-docx.ts')).noticeDocx(...args);
const slidesPptx: typeof SlidesPptx = async (...args) =>
  (await import('./slides-pptx.ts')).slidesPptx(...args);
const seatingChartDocx: typeof SeatingChartDocx = async (...args) =>
  (await import('./seating-docx.ts')).seatingChartDocx(...args);
const nameCardsDocx: typeof NameCardsDocx = async (...args) =>
  (await import('./name-cards-docx.ts')).nameCardsDocx(...args);
const timingXlsx: typeof TimingXlsx = async (...args) =>
  (await import('./timing-xlsx.ts')).timingXlsx(...args);

/** The venue's clock: the server runs on the organizer's computer, in the venue's time zone. */
const clockTime = (epochMs: number) => {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An instant's date, YYYY-MM-DD, in the venue's time zone (the server's). */
const dayOf = (epochMs: number) => {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * The instant the timing exports measure from: the meeting's planned start in the venue's time
 * zone, or the run's actual start when it ran on another day (timingBaseline).
 */
const timingStartOf = (data: MeetingData) =>
  timingBaseline(
    data.meeting,
    new Date(`${data.meeting.date}T${data.meeting.startTime}:00`).getTime(),
    Object.values(data.run.itemRuns),
    dayOf,
  );

/** How the PDF is printed: passed in, since it runs another program (LibreOffice). */
export type PdfPrinter = (docx: Buffer) => Promise<Buffer>;

/**
 * One export of a meeting as a file: its Chinese file name, type and bytes. `now` stamps the
 * meeting file; `printPdf` turns the minutes' .docx into the PDF; `onProgress` hears how far a
 * long one (the slides) has come, 0 to 1.
 */
export async function makeExport(
  name: ExportName,
  data: MeetingData,
  now: number,
  printPdf: PdfPrinter,
  onProgress: (fraction: number) => void = () => {},
): Promise<ExportFile> {
  const fileName = (suffix: string) => exportFileName(data.meeting.title, suffix);
  switch (name) {
    case 'slides.pptx':
      return {
        fileName: fileName('-幻灯片.pptx'),
        contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        body: await slidesPptx(
          slidesModel(data, { plannedStartAt: timingStartOf(data), clockTime, now }),
          data.meeting,
          onProgress,
        ),
      };
    case 'minutes.pdf':
      return {
        fileName: fileName('-纪要.pdf'),
        contentType: 'application/pdf',
        body: await printPdf(await minutesDocx(minutesModel(data), 'libreoffice')),
      };
    case 'timing.xlsx':
      return {
        fileName: fileName('-计时报告.xlsx'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await timingXlsx(data, timingStartOf(data), clockTime, now),
      };
    case 'minutes.md':
      return {
        fileName: fileName('-纪要.md'),
        contentType: 'text/markdown; charset=utf-8',
        body: Buffer.from(minutesMarkdown(data), 'utf8'),
      };
    case 'minutes.docx':
      return {
        fileName: fileName('-纪要.docx'),
        contentType: DOCX,
        body: await minutesDocx(minutesModel(data)),
      };
    case 'news-brief.docx':
      return {
        fileName: fileName('-会议信息.docx'),
        contentType: DOCX,
        body: await newsBriefDocx(editedNewsBrief(data, jiebaKeyTerms)),
      };
    case 'news-brief.md':
      return {
        fileName: fileName('-会议信息.md'),
        contentType: 'text/markdown; charset=utf-8',
        body: Buffer.from(
          newsBriefMarkdown(
            editedNewsBrief(data, jiebaKeyTerms),
            data,
            data.newsBriefEdits?.withSources ?? true,
          ),
          'utf8',
        ),
      };
    case 'host-script.docx':
      return {
        fileName: fileName('-主持词.docx'),
        contentType: DOCX,
        body: await hostScriptDocx(hostScript(data), `${data.meeting.title}主持词`),
      };
    case 'notice.docx':
      return {
        fileName: fileName('-会议通知.docx'),
        contentType: DOCX,
        body: await noticeDocx(noticeModel(data, data.notice ?? defaultNoticeSettings, now)),
      };
    case 'notice.pdf':
      return {
        fileName: fileName('-会议通知.pdf'),
        contentType: 'application/pdf',
        body: await printPdf(
          await noticeDocx(
            noticeModel(data, data.notice ?? defaultNoticeSettings, now),
            'libreoffice',
          ),
        ),
      };
    case 'timing.csv':
      return {
        fileName: fileName('-计时报告.csv'),
        contentType: 'text/csv; charset=utf-8',
        body: timingCsv(data, timingStartOf(data), clockTime),
      };
    case 'seating-chart.docx':
      return {
        fileName: fileName('-座次表.docx'),
        contentType: DOCX,
        body: await seatingChartDocx(seatingChartModel(data)),
      };
    case 'seating-chart.pdf':
      return {
        fileName: fileName('-座次表.pdf'),
        contentType: 'application/pdf',
        body: await printPdf(await seatingChartDocx(seatingChartModel(data))),
      };
    case 'name-cards.docx':
      return {
        fileName: fileName('-桌签.docx'),
        contentType: DOCX,
        body: await nameCardsDocx(nameCardsModel(data)),
      };
    case 'name-cards.pdf':
      return {
        fileName: fileName('-桌签.pdf'),
        contentType: 'application/pdf',
        body: await printPdf(await nameCardsDocx(nameCardsModel(data))),
      };
    case 'meeting.roundtable':
      return {
        fileName: fileName('.roundtable'),
        contentType: 'application/json; charset=utf-8',
        body: Buffer.from(JSON.stringify(toBundle(data, now)), 'utf8'),
      };
    default:
      name satisfies never;
      throw new Error(`no export named ${String(name)}`);
  }
}
