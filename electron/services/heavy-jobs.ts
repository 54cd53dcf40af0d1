import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { JobProgress } from '../api/events.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';

/**
 * Heavy jobs (exports, meeting file imports) at once in the whole server: each runs in a worker
 * that may use up to its heap limit, and the machine has two cores. With one per meeting on
 * top, no client can pile up work or memory: five parallel slide exports of a 50,000-note
 * meeting once took the heap to 4 GB and ended the process.
 */
export const HEAVY_JOBS_AT_ONCE = 2;
/** Progress events at most this often per job: enough for a progress bar, few messages. */
const PROGRESS_EVERY_MS = 250;

/** Another heavy job is running where this one would: 429, and when to try again. */
export class BusyError extends ServiceError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super('busy', message, undefined, {
      reason: 'server.busy',
      params: { seconds: retryAfterSeconds },
    });
    this.name = 'BusyError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface HeavyJob {
  /** Jobs with the same key never run at once: the meeting's id, or one key for imports. */
  key: string;
  kind: JobProgress['kind'];
  /** What is made or read: an export's name, or `meeting.roundtable` for an import. */
  name: string;
  meetingId: string | null;
  /** How much heap its worker may use, in MiB. */
  heapLimitMb: number;
}

/**
 * TEST hook, on a diagnostics channel so only code in this process can reach it (no request
 * can): a subscriber hears each job that got its place, before its work starts, and may hold
 * it there (`hold(promise)`) or lower `job.heapLimitMb`.
 */
export const heavyJobStarting = diagnostics.channel('roundtable:heavy-job-starting');
export interface HeavyJobStarting {
  job: HeavyJob;
  hold(until: Promise<unknown>): void;
}

interface Running {
  job: HeavyJob;
  startedAt: number;
  fraction: number;
}

/** Seconds until a running job is likely done, from how far it has come; 1 to 120. */
function secondsLeft(running: Running): number {
  const elapsed = (performance.now() - running.startedAt) / 1000;
  const estimate =
    running.fraction > 0.05 ? (elapsed * (1 - running.fraction)) / running.fraction : 5;
  return Math.min(120, Math.max(1, Math.ceil(estimate)));
}

export function createHeavyJobs(emit: ServiceContext['emit']) {
  const running = new Map<string, Running>();

  function refuseIfBusy(job: HeavyJob): void {
    const same = running.get(job.key);
    if (same) {
      const wait = secondsLeft(same);
      throw new BusyError(
        job.meetingId
          ? `${same.job.name} of this meeting is being made; one export at a time per meeting: try again in ${wait} s`
          : `another meeting file is being imported: try again in ${wait} s`,
        wait,
      );
    }
    if (running.size >= HEAVY_JOBS_AT_ONCE) {
      const wait = Math.min(...[...running.values()].map(secondsLeft));
      throw new BusyError(
        `the server is already making ${HEAVY_JOBS_AT_ONCE} exports or imports: try again in ${wait} s`,
        wait,
      );
    }
  }

  return {
    /**
     * Runs `work` as a heavy job, or refuses with BusyError (429) when one of the same key, or
     * HEAVY_JOBS_AT_ONCE in all, are running. Its progress goes to the organizer's screens.
     */
    async run<T>(
      job: HeavyJob,
      work: (job: HeavyJob, progress: (fraction: number) => void) => Promise<T>,
    ): Promise<T> {
      refuseIfBusy(job);
      const entry: Running = { job: { ...job }, startedAt: performance.now(), fraction: 0 };
      running.set(job.key, entry);
      const id = randomUUID();
      const announce = (state: JobProgress['state']) =>
        emit({
          kind: 'job.progress',
          job: {
            id,
            meetingId: job.meetingId,
            kind: job.kind,
            name: job.name,
            state,
            fraction: entry.fraction,
          },
        });
      let announcedAt = performance.now();
      const progress = (fraction: number) => {
        entry.fraction = Math.min(1, Math.max(entry.fraction, fraction));
        if (performance.now() - announcedAt < PROGRESS_EVERY_MS) return;
        announcedAt = performance.now();
        announce('running');
      };
      try {
        announce('running');
        const holds: Promise<unknown>[] = [];
        if (heavyJobStarting.hasSubscribers) {
          const starting: HeavyJobStarting = { job: entry.job, hold: (until) => holds.push(until) };
          heavyJobStarting.publish(starting);
        }
        await Promise.all(holds);
        const result = await work(entry.job, progress);
        entry.fraction = 1;
        announce('done');
        return result;
      } catch (error) {
        announce('failed');
        throw error;
      } finally {
        running.delete(job.key);
      }
    },
  };
}
export type HeavyJobs = ReturnType<typeof createHeavyJobs>;
