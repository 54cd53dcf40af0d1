import type { Db } from './db.ts';

/** How long answered writes wait for their commit in the unsafe mode. */
const COMMIT_EVERY_MS = 250;

/**
 * TEST ONLY: the negative control of the crash tests, and a bug to be caught by them. It keeps
 * one transaction open and commits it every 250 ms, so every command's own transaction becomes
 * a savepoint inside it and the server answers before the write is committed. A SIGKILL then
 * loses what was shown as saved, which the crash harness must report. Only
 * `serve --unsafe-ack-before-commit` turns it on; the desktop app and the UI cannot.
 */
export function holdCommitsOpen(db: Db): { stop(): void } {
  db.exec('BEGIN IMMEDIATE');
  const timer = setInterval(() => {
    db.exec('COMMIT');
    db.exec('BEGIN IMMEDIATE');
  }, COMMIT_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      if (db.inTransaction) db.exec('COMMIT');
    },
  };
}
