import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE, startServe } from '../e2e/serve-process.ts';
import { jsonApi } from './server/test-support/test-server.ts';
import { listBackups, readableTime } from './store/backup.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-serve-restore-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const databaseFile = path.join(dataDir, 'roundtable.sqlite');

async function waitForBackup() {
  for (let i = 0; i < 100 && listBackups(dataDir).length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return listBackups(dataDir)[0];
}

/** Garbage over pages 2 to 5 (page 1, the header, stays): tables' pages no longer parse. */
function writeGarbageOverPages(file: string) {
  const garbage = Buffer.from('rubbish '.repeat(2048));
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage, 0, garbage.length, 4096);
  fs.closeSync(fd);
}

describe('serve with a damaged database and a backup', () => {
  it('offers the latest backup, and --restore-latest-backup starts with its data, the damaged file kept aside', async () => {
    const first = await startServe(dataDir);
    const api = jsonApi(first.origin, first.token);
    const { meeting, items } = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE }))
      .body;
    const run = `/api/meetings/${meeting.id}/run`;
    await api('POST', `${run}/goto`, { itemId: items.at(-1).id });
    await api('POST', `${run}/next`);
    expect((await api('POST', `${run}/stop`)).body.currentItemId).toBeNull();
    const backup = await waitForBackup(); // taken because the run finished
    expect(backup).toBeDefined();
    await first.stop('SIGTERM');

    writeGarbageOverPages(databaseFile);
    const damagedBytes = fs.readFileSync(databaseFile);
    const refused = await startServe(dataDir).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(refused).toContain('exited with 1');
    expect(refused).toContain(`The database file ${databaseFile} is damaged`);
    expect(refused).toContain(`The latest backup is ${backup?.file}`);
    expect(refused).toContain(readableTime(backup?.takenAt ?? 0));
    expect(refused).toContain(`npm run serve -- --data-dir "${dataDir}" --restore-latest-backup`);
    expect(refused).not.toMatch(/^\s+at /m);

    const restored = await startServe(dataDir, ['--restore-latest-backup']);
    try {
      const again = jsonApi(restored.origin, restored.token);
      const { meetings } = (await again('GET', '/api/meetings')).body;
      expect(meetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
      const view = (await again('GET', run)).body;
      expect(view.itemRuns).toEqual([
        expect.objectContaining({ itemId: items.at(-1).id, status: 'done' }),
      ]);
    } finally {
      await restored.stop('SIGTERM');
    }
    const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('roundtable.sqlite.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0] as string)).equals(damagedBytes)).toBe(true);
  });

  it('--restore-latest-backup refuses to replace a sound database', async () => {
    const refused = await startServe(dataDir, ['--restore-latest-backup']).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(refused).toContain('exited with 1');
    expect(refused).toContain(`The database file ${databaseFile} is not damaged`);
  });
});
