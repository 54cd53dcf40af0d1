import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { CHROMIUM_PATH } from '../playwright.config.ts';

const packageVersion = (name: string) =>
  (JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
    .version;

/** The machine and the versions the figures were measured with, for the table's first lines. */
export function machineAndVersions(): string[] {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let chromium = 'not found';
  try {
    const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: 'pipe' });
    chromium =
      out.split('\n').find((line) => /chrom/i.test(line) && !line.includes(':')) ?? chromium;
  } catch {
    // Figures that need the browser say so themselves.
  }
  return [
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
    `versions: node ${process.version}, better-sqlite3 ${packageVersion('better-sqlite3')} (SQLite ${sqlite}), ws ${packageVersion('ws')}, ${chromium}`,
  ];
}
