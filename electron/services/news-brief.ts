import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import type { NewsBriefView } from '../api/news-brief.ts';
import type { ServiceContext } from './context.ts';
import { notFound, ServiceError } from './errors.ts';
import type { HeavyJobs } from './heavy-jobs.ts';
import { readMeetingData } from './meeting-data.ts';
import type { WarmWorker } from './warm-worker.ts';

/** Drafting reads every note and loads jieba (2 s): ten minutes, as an export, is far more. */
const DRAFT_TIMEOUT_MS = 10 * 60_000;
const DRAFT_HEAP_MB = 512;

/**
 * The 会议信息 draft and the notes' coverage, made in the export worker (see news-brief-job.ts)
 * as one heavy job of the meeting, so it takes turns with its exports.
 */
export function getNewsBrief(
  ctx: ServiceContext,
  heavyJobs: HeavyJobs,
  workers: WarmWorker,
  input: MethodParsedInput<'newsBrief.get'>,
): Promise<NewsBriefView> {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  const job = {
    key: input.id,
    kind: 'export' as const,
    name: 'news-brief',
    meetingId: input.id,
    heapLimitMb: DRAFT_HEAP_MB,
  };
  return heavyJobs.run(job, ({ heapLimitMb }) =>
    workers.use(heapLimitMb, async (worker) => {
      const source = ctx.store.db.memory
        ? { data: readMeetingData(ctx.store, input.id) }
        : { database: ctx.store.db.name };
      return (await worker.ask(
        { type: 'newsBrief', job: { meetingId: input.id, source } },
        {
          timeoutMs: DRAFT_TIMEOUT_MS,
          onProgress: () => {},
          outOfMemory: () =>
            new ServiceError(
              'unavailable',
              `the news brief of this meeting needs more than ${heapLimitMb} MiB`,
              undefined,
              detail('export.tooMuchMemory', { name: 'news-brief', mib: heapLimitMb }),
            ),
          tookTooLong: () =>
            new ServiceError(
              'unavailable',
              'the news brief took longer than 10 minutes and was stopped',
              undefined,
              detail('export.timeout', { name: 'news-brief' }),
            ),
        },
      )) as NewsBriefView;
    }),
  );
}

/** The stored edits, without drafting (a read of one row). */
export function getNewsBriefEdits(
  ctx: ServiceContext,
  input: MethodParsedInput<'newsBrief.edits'>,
): MethodOutput<'newsBrief.edits'> {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  return { meetingId: input.id, edits: ctx.store.newsBriefs.get(input.id) };
}

/** The edits given replace the stored ones; the others stay. Answers with the stored edits. */
export function updateNewsBrief(
  ctx: ServiceContext,
  input: MethodParsedInput<'newsBrief.update'>,
): MethodOutput<'newsBrief.update'> {
  const { id, ...fields } = input;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return ctx.store.transaction(() => {
    if (!ctx.store.meetings.get(id)) throw notFound('meeting', id);
    const edits = { ...ctx.store.newsBriefs.get(id), ...given };
    ctx.store.newsBriefs.save(id, edits, ctx.now());
    return { meetingId: id, edits };
  });
}
