import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyFsTestGate } from '../../scripts/lazyfs/mount.ts';
import {
  removeWorkDir,
  runPowerLossTrial,
  summarizePowerLossReport,
} from './test-support/power-loss.ts';

const CUTS = 10;

const fuse = await lazyFsTestGate('power-loss test');

const dirs: string[] = [];
const workDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-power-loss-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeWorkDir));

describe.skipIf(fuse.skip)(
  'power cut (on a file system that keeps data until fsync) while notes and run commands are written',
  () => {
    it(`loses no acknowledged write over ${CUTS} power cuts, and the database stays sound`, async () => {
      fuse.require();
      const report = await runPowerLossTrial({ workDir: workDir(), cuts: CUTS });
      console.log(`power-loss test: ${summarizePowerLossReport(report)}`);
      expect(report.lost).toEqual([]);
      expect(report.integrity).toBe('ok');
      expect(report.acknowledgedNotes).toBeGreaterThan(CUTS);
      expect(report.acknowledgedCommands).toBeGreaterThan(CUTS);
      // The cuts really threw unsynced data away (at least SQLite's -shm, which it never syncs).
      expect(report.cutsDroppingData).toBeGreaterThan(CUTS / 2);
    }, 90_000);

    it('would catch lost writes: a server answering before the WAL is flushed is caught (negative control)', async () => {
      fuse.require();
      const report = await runPowerLossTrial({
        workDir: workDir(),
        cuts: 3,
        serveArgs: ['--unsafe-synchronous-normal'],
      });
      console.log(`negative control: ${summarizePowerLossReport(report)}`);
      expect(report.lost.length).toBeGreaterThan(0);
      expect(report.lost.map((l) => l.kind)).toContain('note');
      expect(report.integrity).toBe('ok'); // WAL with NORMAL loses the last commits, not the file
    }, 60_000);
  },
);
