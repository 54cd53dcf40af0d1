import type { MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { nobodyToSeat } from '../core/seating-plan.ts';
import type { ExportFile } from '../export/meeting-data.ts';
import { SEATING_EXPORTS } from '../export/seating-export.ts';
import type { ServiceContext } from './context.ts';
import { notFound, ServiceError } from './errors.ts';
import type { ExportJob } from './export-job.ts';
import type { HeavyJobs } from './heavy-jobs.ts';
import { readMeetingData } from './meeting-data.ts';
import { readSeatingView } from './seating.ts';
import { getNewsBrief, getNewsBriefEdits, updateNewsBrief } from './news-brief.ts';
import { createWarmWorker, type WarmWorker } from './warm-worker.ts';
import type { HeavyRequestOptions } from './worker-thread.ts';

/**
 * The heap one export may use. A 50,000-note deck needs about half of it; a meeting that needs
 * more is refused with a message, and the server goes on.
 */
export const EXPORT_HEAP_MB = 1024;
/** LibreOffice printing a long PDF included; a job still running then is stuck. */
const EXPORT_TIMEOUT_MS = 10 * 60_000;
/**
 * An export worker past this heap after its job is replaced, not kept: after a 5,000-note deck
 * it held 32 to 40 MiB; a 50,000-note one leaves hundreds that an idle worker never collects.
 */
const KEEP_HEAP_MB = 128;
/** An organizer exports a few files in a row; the worker is not kept through the whole day. */
const KEEP_FOR_MS = 15 * 60_000;

/** How an export's request to its worker is timed, followed and refused. */
function exportRequest(
  name: MethodParsedInput<'exports.file'>['name'],
  heapLimitMb: number,
  onProgress: (fraction: number) => void,
): HeavyRequestOptions {
  return {
    timeoutMs: EXPORT_TIMEOUT_MS,
    onProgress,
    outOfMemory: () =>
      new ServiceError(
        'unavailable',
        `${name} of this meeting needs more memory than the ${heapLimitMb} MiB one export may use; nothing else was affected: export its minutes (minutes.md) or the meeting file instead`,
        undefined,
        detail('export.tooMuchMemory', { name, mib: heapLimitMb }),
      ),
    tookTooLong: () =>
      new ServiceError(
        'unavailable',
        `${name} took longer than 10 minutes and was stopped`,
        undefined,
        detail('export.timeout', { name }),
      ),
  };
}

/**
 * The seating chart and the table cards of a meeting with nobody to seat are refused, with what
 * to do, rather than made blank: decided on the chart the console's 座次 shows, by its rule.
 */
function refuseSeatingOfNobody(ctx: ServiceContext, input: MethodParsedInput<'exports.file'>) {
  if (!SEATING_EXPORTS.has(input.name)) return;
  if (!nobodyToSeat(readSeatingView(ctx, input.id).chart)) return;
  throw new ServiceError(
    'conflict',
    `${input.name}: nobody to seat yet: add participants attending or observing (staff and those on leave get no seat)`,
    undefined,
    detail('export.nobodyToSeat'),
  );
}

/**
 * An export of a meeting, made in a worker thread: the worker reads the meeting on its own
 * read-only connection and makes the file, so neither the read nor the work holds up the
 * event loop that runs every countdown. One export per meeting at a time (see heavy-jobs.ts),
 * each on the worker kept warm from the export before when there is one (see warm-worker.ts).
 */
export async function exportFile(
  ctx: ServiceContext,
  heavyJobs: HeavyJobs,
  workers: WarmWorker,
  input: MethodParsedInput<'exports.file'>,
): Promise<ExportFile> {
  // Refused here, at once, rather than by a worker started for nothing.
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  refuseSeatingOfNobody(ctx, input);
  const job = {
    key: input.id,
    kind: 'export' as const,
    name: input.name,
    meetingId: input.id,
    heapLimitMb: EXPORT_HEAP_MB,
  };
  return heavyJobs.run(job, ({ heapLimitMb }, progress) =>
    workers.use(heapLimitMb, async (worker) => {
      const exportJob: ExportJob = {
        name: input.name,
        meetingId: input.id,
        now: ctx.now(),
        // A database in memory has no file for the worker to open: read here, then.
        source: ctx.store.db.memory
          ? { data: readMeetingData(ctx.store, input.id) }
          : { database: ctx.store.db.name },
      };
      const asking = exportRequest(input.name, heapLimitMb, progress);
      return (await worker.ask({ type: 'export', job: exportJob }, asking)) as ExportFile;
    }),
  );
}

export function exportHandlers(ctx: ServiceContext, heavyJobs: HeavyJobs) {
  const workers = createWarmWorker({
    warmUp: { type: 'warmUp' },
    keepHeapMb: KEEP_HEAP_MB,
    keepForMs: KEEP_FOR_MS,
  });
  ctx.closing.addEventListener('abort', () => workers.close(), { once: true });
  return {
    'exports.file': (input: MethodParsedInput<'exports.file'>) =>
      exportFile(ctx, heavyJobs, workers, input),
    // The draft is made on the exports' warm worker, which has jieba loaded after the first.
    'newsBrief.get': (input: MethodParsedInput<'newsBrief.get'>) =>
      getNewsBrief(ctx, heavyJobs, workers, input),
    'newsBrief.edits': (input: MethodParsedInput<'newsBrief.edits'>) =>
      getNewsBriefEdits(ctx, input),
    'newsBrief.update': (input: MethodParsedInput<'newsBrief.update'>) =>
      updateNewsBrief(ctx, input),
  };
}
