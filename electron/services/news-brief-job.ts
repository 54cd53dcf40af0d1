import type { NewsBriefView } from '../api/news-brief.ts';
import { jiebaKeyTerms } from '../export/jieba-terms.ts';
import { newsBriefView } from '../export/news-brief-view.ts';
import { readSource, type ExportJob } from './export-job.ts';

/** The console's 会议信息 draft of a meeting, made in the export worker like an export. */
export type NewsBriefJob = Pick<ExportJob, 'meetingId' | 'source'>;

/** Runs in the heavy worker: reads the meeting, drafts the brief, measures the coverage. */
export function makeNewsBriefView(job: NewsBriefJob): NewsBriefView {
  return newsBriefView(readSource(job), jiebaKeyTerms);
}
