import { spawn, type ChildProcess } from 'node:child_process';
import { SERVE_NODE_FLAGS } from '../scripts/serve-flags.ts';
import path from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.ts';

export interface ServeProcess {
  /** http://127.0.0.1:<port> */
  origin: string;
  token: string;
  /** The address the ready line prints, token included. */
  openUrl: string;
  child: ChildProcess;
  /** Address of a screen, with the token. */
  screen(pathAndQuery: string): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The day tests, scripts and benchmarks hold the sample meeting on: fixed, so that nothing
 * they check depends on the day they run.
 */
export const SAMPLE_DATE = '2026-11-25';

/** fetch() options of POST /api/meetings/sample for SAMPLE_DATE. */
export function sampleRequest(headers: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ date: SAMPLE_DATE }),
  };
}

/** The bundled server, as `npm run serve` runs it. */
const SERVE = path.resolve(import.meta.dirname, '..', '.vite', 'serve', 'serve.js');

let built = false;

/**
 * Servers still running when this process ends (a test that timed out, a benchmark that
 * threw) are ended with it, so none is left behind holding a port and a data folder.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `serve` as a user would, on a random port, and waits for its ready line. `port:
 * 'remembered'` gives no --port, as `npm start` and `npm run serve` do: the port of the last
 * start on this data folder. `bundle` runs a copy of the bundled server as it is, unbuilt.
 */
export function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  { port = 'random', bundle }: { port?: 'random' | 'remembered'; bundle?: string } = {},
): Promise<ServeProcess> {
  if (!built && !bundle) {
    buildIfStale();
    built = true;
  }
  const child = spawn(
    process.execPath,
    [
      ...SERVE_NODE_FLAGS,
      bundle ?? SERVE,
      ...(port === 'random' ? ['--port', '0'] : []),
      '--data-dir',
      dataDir,
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not get ready:\n${output}`)),
      15_000,
    );
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /Roundtable ready: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const [, origin = '', token = ''] = match;
      resolve({
        origin,
        token,
        openUrl: `${origin}/?token=${token}`,
        child,
        screen(pathAndQuery) {
          const url = new URL(pathAndQuery, origin);
          url.searchParams.set('token', token);
          return url.toString();
        },
        stop(signal = 'SIGTERM') {
          return new Promise((done) => {
            // A process killed by a signal has no exit code, only a signal code.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill(signal);
          });
        },
      });
    });
  });
}
