import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SourceServe {
  origin: string;
  port: number;
  token: string;
  stop(): Promise<void>;
}

const SERVE = path.resolve(import.meta.dirname, '..', '..', 'serve.ts');

/**
 * `node electron/serve.ts` from the sources, on a temp data folder and a random port: for what
 * only shows when client and server are two processes (a race between their event loops), and
 * without the shared built bundle that other runs rebuild.
 */
export function serveFromSource(): Promise<SourceServe> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-serve-src-'));
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const ready = /Roundtable ready: (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([\w-]+)/.exec(
        output,
      );
      if (ready) {
        resolve({
          origin: ready[1] as string,
          port: Number(ready[2]),
          token: ready[3] as string,
          stop,
        });
      }
    });
    child.once('exit', (code) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`serve exited (${code}) before it was ready:\n${output}`));
    });
  });
}
