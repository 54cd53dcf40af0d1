import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { Note } from '../core/notes.ts';
import { ServiceError } from './errors.ts';
import type { ExportJob } from './export-job.ts';
import type { NewsBriefJob } from './news-brief-job.ts';

/**
 * The heavy work of the server, in a worker thread with its own memory limit (see
 * worker-thread.ts): exports, and reading meeting files. The server's event loop, which runs
 * every countdown, only waits for the answer. A meeting file's import has a worker of its own;
 * exports take turns on one that is kept warm between them (see warm-worker.ts).
 */

export type HeavyWorkerRequest =
  | { type: 'warmUp' }
  | { type: 'export'; job: ExportJob }
  | { type: 'newsBrief'; job: NewsBriefJob }
  | { type: 'readMeetingFile'; bytes: Uint8Array }
  | { type: 'meetingFileNotes'; from: number; count: number };

/** A failure, as it crosses to the server: a ServiceError keeps its code and field. */
export type WorkerFailure =
  | {
      service: true;
      code: ServiceError['code'];
      message: string;
      field?: string;
      detail?: ServiceError['detail'];
    }
  | { service: false; message: string; stack?: string };

export type HeavyWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'reply'; value: unknown }
  | { type: 'failed'; error: WorkerFailure };

const post = (message: HeavyWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort?.postMessage(message, transfer);
const progress = (fraction: number) => post({ type: 'progress', fraction });

/** The notes of the meeting file read last, handed over in batches as the server asks. */
let meetingFileNotes: Note[] = [];

async function answer(request: HeavyWorkerRequest): Promise<void> {
  switch (request.type) {
    // An export worker kept for the next export loads every writer while it waits: loading
    // them (pptxgenjs, docx, exceljs) took about 0.7 s of a 2 s export.
    case 'warmUp':
      await Promise.all([
        import('./export-job.ts'),
        import('../export/slides-pptx.ts'),
        import('../export/minutes-docx.ts'),
        import('../export/host-script-docx.ts'),
        import('../export/timing-xlsx.ts'),
      ]);
      return post({ type: 'reply', value: null });
    // Otherwise a job loads only the code it needs, and starts sooner.
    case 'export': {
      const { makeExportFromJob } = await import('./export-job.ts');
      const file = await makeExportFromJob(request.job, progress);
      // Copied into a buffer of its own, so it can be handed over without a second copy.
      const body = new Uint8Array(file.body.byteLength);
      body.set(file.body);
      return post({ type: 'reply', value: { ...file, body } }, [body.buffer]);
    }
    // The console's 会议信息 draft: jieba's dictionary takes seconds to load, never on the server.
    case 'newsBrief': {
      const { makeNewsBriefView } = await import('./news-brief-job.ts');
      return post({ type: 'reply', value: makeNewsBriefView(request.job) });
    }
    case 'readMeetingFile': {
      const { readMeetingFile } = await import('./meeting-file-read.ts');
      const { head, notes } = readMeetingFile(request.bytes, progress);
      meetingFileNotes = notes;
      return post({ type: 'reply', value: head });
    }
    case 'meetingFileNotes':
      return post({
        type: 'reply',
        value: meetingFileNotes.slice(request.from, request.from + request.count),
      });
    default:
      request satisfies never;
  }
}

function failure(error: unknown): WorkerFailure {
  if (error instanceof ServiceError) {
    const { code, message, field, detail } = error;
    return { service: true, code, message, field, detail };
  }
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  return { service: false, message, stack };
}

// Background work: on Linux a thread has a priority of its own, and this one yields the CPU to
// the server's main thread (the countdowns, the commands) whenever both want it. Elsewhere the
// call would lower the whole app's priority, so it is left as it is there.
if (process.platform === 'linux') os.setPriority(0, 10);

parentPort?.on('message', (request: HeavyWorkerRequest) => {
  answer(request).catch((error: unknown) => post({ type: 'failed', error: failure(error) }));
});
