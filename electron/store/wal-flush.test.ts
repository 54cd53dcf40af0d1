import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './index.ts';

/*
 * The flush an answer waits for (wal-flush.ts). That what it flushes survives a power cut is
 * the power-loss test's (electron/server/power-loss.test.ts); here, what the callers see.
 */
function tempStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-wal-flush-'));
  const store = openStore(path.join(dir, 'roundtable.sqlite'), { log: () => {} });
  store.db.exec('CREATE TABLE scratch (n INTEGER)');
  const write = (n: number) =>
    store.transaction(() => store.db.prepare('INSERT INTO scratch (n) VALUES (?)').run(n));
  return { store, write, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('the WAL flush', () => {
  it('resolves every caller once its writes are flushed, those arriving meanwhile too', async () => {
    const { store, write, cleanup } = tempStore();
    write(1);
    const first = store.durable();
    write(2);
    const second = store.durable();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    // Nothing new since: answered at once.
    await expect(store.durable()).resolves.toBeUndefined();
    store.close();
    cleanup();
  });

  it('does not answer as saved a write asked for after the database closed', async () => {
    const { store, write, cleanup } = tempStore();
    write(1);
    await expect(store.durable()).resolves.toBeUndefined();
    store.close();
    // The server stopping: the call is refused, not answered as saved.
    await expect(store.durable()).rejects.toThrow(/closed before the write/);
    cleanup();
  });
});
