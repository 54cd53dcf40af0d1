import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashTrial, summarizeCrashReport } from './test-support/crash-harness.ts';

const KILLS = 100;
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-notes-crash-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('SIGKILL while two note-takers type and the organizer runs the clock', () => {
  it(`loses no acknowledged write over ${KILLS} kills, and the database stays sound`, async () => {
    const report = await runCrashTrial({ dataDir: tempDir(), kills: KILLS });
    console.log(`crash test: ${summarizeCrashReport(report)}`);
    expect(report.lost).toEqual([]);
    expect(report.integrity).toBe('ok');
    // The writers really wrote between the kills. Each kill waits for 0, 1 or 2 of the
    // organizer's commands (about 100 over 100 kills, however loaded the machine; a quiet one
    // acknowledges 250–300), so a command writer that stopped writing falls below half of that.
    expect(report.acknowledgedNotes).toBeGreaterThan(KILLS);
    expect(report.acknowledgedCommands).toBeGreaterThan(KILLS / 2);
    // Some 60 s on a quiet 2-core machine; the limit only stops a hung run, not a slow one.
  }, 900_000);

  it('would catch lost writes: a server that answers before committing is caught (negative control)', async () => {
    const report = await runCrashTrial({
      dataDir: tempDir(),
      kills: 3,
      serveArgs: ['--unsafe-ack-before-commit'],
    });
    console.log(`negative control: ${summarizeCrashReport(report)}`);
    expect(report.lost.length).toBeGreaterThan(0);
    expect(report.lost.map((l) => l.kind)).toContain('note');
    expect(report.integrity).toBe('ok'); // lost, not damaged: only the answers came too early
  }, 30_000);
});
