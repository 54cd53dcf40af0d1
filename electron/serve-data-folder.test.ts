import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { startServe } from '../e2e/serve-process.ts';
import { mountReadOnly, type ReadOnlyMount } from './server/test-support/read-only-mount.ts';
import { mountSmallTmpfs } from './server/test-support/small-tmpfs.ts';

/**
 * A data folder serve cannot use is refused at start, exit code 1, with one plain sentence that
 * names the folder: no stack trace, no "ready" line followed by a 500 on every write.
 */
const serveScript = path.resolve(import.meta.dirname, 'serve.ts');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-data-folder-'));
  dirs.push(dir);
  return dir;
};
const mounts: ReadOnlyMount[] = [];
afterAll(() => {
  mounts.forEach((m) => m.unmount());
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** Runs serve on a data folder until it exits; if it gets ready instead, stops it and says so. */
function serveOn(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<{ code: number | 'ready'; stdout: string; stderr: string }> {
  const args = [serveScript, '--port', '0', '--data-dir', dataDir, ...extraArgs];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let ready = false;
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    if (!ready && stdout.includes('Roundtable ready:')) {
      ready = true;
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code: ready ? 'ready' : (code ?? -1), stdout, stderr }));
  });
}

/** Exit code 1 and exactly this one line on stderr, nothing on stdout. */
async function expectRefused(dataDir: string, sentence: string, extraArgs: string[] = []) {
  const run = await serveOn(dataDir, extraArgs);
  expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({
    code: 1,
    stderr: `Roundtable cannot start: ${sentence}\n`,
    stdout: '',
  });
}

function readOnly(context: TestContext, contents?: string): string {
  const mount = mountReadOnly(contents);
  if ('cannot' in mount) {
    if (process.env.CI) throw new Error(mount.cannot);
    console.log(`skipped: ${mount.cannot}`);
    context.skip();
    return '';
  }
  mounts.push(mount);
  return mount.dir;
}

describe('serve refuses a data folder it cannot use', () => {
  it('that another server is using: "another Roundtable is using <path>"; a SIGKILLed one does not block the next', async () => {
    const dataDir = tempDir();
    const first = await startServe(dataDir);
    try {
      await expectRefused(dataDir, `another Roundtable is using ${dataDir}.`);
      expect((await fetch(`${first.origin}/healthz`)).status).toBe(200);
    } finally {
      await first.stop('SIGKILL');
    }
    const next = await startServe(dataDir); // at once: the lock died with the process
    expect((await fetch(`${next.origin}/healthz`)).status).toBe(200);
    await next.stop('SIGTERM');
  });

  it('to restore a backup into while another server runs on it: nothing is moved', async () => {
    const dataDir = tempDir();
    const first = await startServe(dataDir);
    try {
      // A sound backup, and the running server's file damaged under it.
      fs.mkdirSync(path.join(dataDir, 'backups'));
      new Database(path.join(dataDir, 'backups', 'roundtable-20261125-090000.sqlite')).close();
      const databaseFile = path.join(dataDir, 'roundtable.sqlite');
      for (const file of [databaseFile, `${databaseFile}-wal`]) {
        fs.writeFileSync(file, 'damaged '.repeat(4096));
      }
      await expectRefused(dataDir, `another Roundtable is using ${dataDir}.`, [
        '--restore-latest-backup',
      ]);
      expect(fs.readdirSync(dataDir).filter((f) => f.includes('.damaged-'))).toEqual([]);
      expect(fs.readFileSync(databaseFile, 'utf8')).toMatch(/^damaged /);
    } finally {
      await first.stop('SIGKILL');
    }
  });

  it('that is a file', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'words');
    await expectRefused(file, `the data folder ${file} is a file, not a folder.`);
  });

  it('that is missing and cannot be created: a part of its path is a file', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'words');
    const dataDir = path.join(file, 'data');
    await expectRefused(
      dataDir,
      `the data folder ${dataDir} does not exist and cannot be created (a part of its path is a file).`,
    );
  });

  it('that is missing and cannot be created: on a read-only disk', async (context) => {
    const dataDir = path.join(readOnly(context), 'data');
    await expectRefused(
      dataDir,
      `the data folder ${dataDir} does not exist and cannot be created (the disk is read-only).`,
    );
  });

  it('that is read-only and empty', async (context) => {
    const dataDir = readOnly(context);
    await expectRefused(
      dataDir,
      `the data folder ${dataDir} is read-only, so nothing could be saved.`,
    );
  });

  it('that is read-only and holds a database', async (context) => {
    const source = tempDir();
    const once = await startServe(source);
    await once.stop('SIGTERM');
    expect(fs.existsSync(path.join(source, 'roundtable.sqlite'))).toBe(true);
    const dataDir = readOnly(context, source);
    await expectRefused(
      dataDir,
      `the data folder ${dataDir} is read-only, so nothing could be saved.`,
    );
  });

  it('on a disk without a byte free: a new database is refused by name, an existing one never shows a stack trace', async (context) => {
    const disk = mountSmallTmpfs('1m');
    if ('cannot' in disk) {
      if (process.env.CI) throw new Error(disk.cannot);
      console.log(`skipped: ${disk.cannot}`);
      context.skip();
      return;
    }
    try {
      const empty = path.join(disk.dir, 'empty');
      const used = path.join(disk.dir, 'used');
      fs.mkdirSync(empty);
      await (await startServe(used)).stop('SIGTERM');
      disk.fill();
      const sentence = (dataDir: string) =>
        `the disk holding ${dataDir} is full: free some space on it, then start Roundtable again.`;
      // A new database cannot even be begun: the start says what to do.
      await expectRefused(empty, sentence(empty));
      // One that exists may still open (the page SQLite needs may be free) and then serves what
      // it holds, a write answering 507 (disk-full.test); if it cannot, the same one sentence.
      const run = await serveOn(used);
      if (run.code !== 'ready') {
        expect(run).toEqual({
          code: 1,
          stderr: `Roundtable cannot start: ${sentence(used)}\n`,
          stdout: '',
        });
      }
    } finally {
      disk.unmount();
    }
  });
});
