/**
 * `npm run test:crash -- --power-loss [--cuts <n>] [--control-cuts <n>]`: the power-loss test
 * (electron/server/test-support/power-loss.ts), then its negative control, a server that answers
 * before the WAL is flushed (--unsafe-synchronous-normal), which must be caught losing
 * acknowledged writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  removeWorkDir,
  runPowerLossTrial,
  summarizePowerLossReport,
  type PowerLossReport,
} from '../electron/server/test-support/power-loss.ts';
import { lazyFsUnavailable } from './lazyfs/mount.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
const workDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `rt-power-${name}-`));

/** The trial; if it throws (it has unmounted by then), says where its disk is kept. */
async function trial(options: Parameters<typeof runPowerLossTrial>[0]): Promise<PowerLossReport> {
  try {
    return await runPowerLossTrial(options);
  } catch (error) {
    console.error(`power-loss test: the trial failed; its disk is kept: ${options.workDir}/disk`);
    throw error;
  }
}

/** Runs the test and its control; answers the exit code. */
export async function runPowerLoss(cuts: number, controlCuts: number): Promise<number> {
  const unavailable = await lazyFsUnavailable();
  if (unavailable) {
    console.error(`power-loss test: cannot run here: ${unavailable}`);
    return 1;
  }
  const progress = (report: PowerLossReport) => {
    if (report.kills % 10 !== 0 && report.kills !== cuts) return;
    console.log(
      `  ${String(report.kills).padStart(4)} cuts  ${report.acknowledgedNotes} notes  ` +
        `${report.acknowledgedCommands} commands acknowledged  lost ${report.lost.length}  ` +
        `${seconds(report.elapsedMs)}`,
    );
  };

  console.log(
    `Power-loss test: ${cuts} SIGKILLs of the server, each followed by a power cut of its ` +
      'file system, while notes and run commands are written',
  );
  const dir = workDir('run');
  const report = await trial({ workDir: dir, cuts, onProgress: progress });
  const writes = report.acknowledgedNotes + report.acknowledgedCommands;
  console.log(
    [
      '',
      `power cuts:           ${report.kills} (and one more before the final integrity_check)`,
      `acknowledged writes:  ${writes} (${report.acknowledgedNotes} notes, ${report.acknowledgedCommands} run commands)`,
      `lost:                 ${report.lost.length}`,
      `integrity_check:      ${report.integrity} (and at each of the ${report.kills} restarts)`,
      `unsynced data lost:   at ${report.cutsDroppingData} of ${report.cuts} cuts, ${kib(report.droppedBytes)} in all`,
      `time:                 ${seconds(report.elapsedMs)} (${(report.elapsedMs / report.kills).toFixed(0)} ms per cut)`,
      '',
      summarizePowerLossReport(report),
    ].join('\n'),
  );
  for (const lost of report.lost.slice(0, 10)) {
    console.log(`  LOST after cut ${lost.afterKill}: ${lost.kind}: ${lost.what}`);
  }

  console.log(
    `\nNegative control: ${controlCuts} power cuts of a server started with --unsafe-synchronous-normal`,
  );
  const controlDir = workDir('control');
  const control = await trial({
    workDir: controlDir,
    cuts: controlCuts,
    serveArgs: ['--unsafe-synchronous-normal'],
  });
  const caught = control.lost.length > 0;
  const lostNotes = control.lost.filter((l) => l.kind === 'note').length;
  console.log(
    caught
      ? `negative control: detected ${control.lost.length} lost writes (expected): ` +
          `${lostNotes} of ${control.acknowledgedNotes} acknowledged notes, ` +
          `${control.lost.length - lostNotes} run states of ${control.acknowledgedCommands} acknowledged commands; ` +
          `integrity_check ${control.integrity}; ${seconds(control.elapsedMs)}`
      : 'negative control: detected NO lost writes: the check cannot see a power cut, so the run above proves nothing',
  );

  if (report.lost.length === 0 && report.integrity === 'ok' && caught) {
    removeWorkDir(dir);
    removeWorkDir(controlDir);
    console.log('power-loss test passed');
    return 0;
  }
  console.log(`power-loss test FAILED; the disks are kept: ${dir}/disk ${controlDir}/disk`);
  return 1;
}
