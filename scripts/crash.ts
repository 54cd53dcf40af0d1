/**
 * The nightly crash test: `npm run test:crash -- --kills 500`. SIGKILLs the real server at
 * random moments while two note-takers save notes and the organizer runs the clock, restarts
 * it, and checks every acknowledged write is there and the database passes integrity_check;
 * then runs the negative control (a server that answers before committing), which must be
 * caught losing writes, or the check proves nothing. Exits 1 on any loss or a blind control.
 *
 * `npm run test:crash -- --power-loss --cuts 100` is the power-loss test: the same trial on a
 * file system that keeps data until fsync (scripts/lazyfs), with a power cut after every kill;
 * its negative control is a server with synchronous=NORMAL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashTrial, type CrashReport } from '../electron/server/test-support/crash-harness.ts';
import { runPowerLoss } from './crash-power-loss.ts';

const usage =
  'usage: npm run test:crash -- [--kills <n>] [--control-kills <n>]\n' +
  '       npm run test:crash -- --power-loss [--cuts <n>] [--control-cuts <n>]';

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1, got "${value}"\n${usage}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '500' },
    'control-kills': { type: 'string', default: '5' },
    'power-loss': { type: 'boolean', default: false },
    cuts: { type: 'string', default: '100' },
    'control-cuts': { type: 'string', default: '5' },
  },
});
if (values['power-loss']) {
  const cuts = positiveInteger(values.cuts, 'cuts');
  process.exit(await runPowerLoss(cuts, positiveInteger(values['control-cuts'], 'control-cuts')));
}
const kills = positiveInteger(values.kills, 'kills');
const controlKills = positiveInteger(values['control-kills'], 'control-kills');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `rt-crash-${name}-`));

function printProgress(report: CrashReport): void {
  if (report.kills % 50 !== 0 && report.kills !== kills) return;
  console.log(
    `  ${String(report.kills).padStart(4)} kills  ${report.acknowledgedNotes} notes  ` +
      `${report.acknowledgedCommands} commands acknowledged  lost ${report.lost.length}  ` +
      `${seconds(report.elapsedMs)}`,
  );
}

console.log(`Crash test: ${kills} SIGKILLs of the server while notes and run commands are written`);
const dataDir = tempDir('run');
const report = await runCrashTrial({ dataDir, kills, onProgress: printProgress });
const writes = report.acknowledgedNotes + report.acknowledgedCommands;
console.log(
  [
    '',
    `kills:                ${report.kills}`,
    `acknowledged writes:  ${writes} (${report.acknowledgedNotes} notes, ${report.acknowledgedCommands} run commands)`,
    `lost:                 ${report.lost.length}`,
    `integrity_check:      ${report.integrity} (and at each of the ${report.kills} restarts)`,
    `time:                 ${seconds(report.elapsedMs)} (${(report.elapsedMs / report.kills).toFixed(0)} ms per kill)`,
    '',
  ].join('\n'),
);
for (const lost of report.lost.slice(0, 10)) {
  console.log(`  LOST after kill ${lost.afterKill}: ${lost.kind}: ${lost.what}`);
}

console.log(
  `Negative control: ${controlKills} kills of a server started with --unsafe-ack-before-commit`,
);
const controlDir = tempDir('control');
const control = await runCrashTrial({
  dataDir: controlDir,
  kills: controlKills,
  serveArgs: ['--unsafe-ack-before-commit'],
});
const controlCaught = control.lost.length > 0;
console.log(
  controlCaught
    ? `negative control: detected ${control.lost.length} lost writes (expected): ` +
        `${control.lost.filter((l) => l.kind === 'note').length} of ${control.acknowledgedNotes} acknowledged notes, ` +
        `${control.lost.filter((l) => l.kind === 'command').length} run states of ${control.acknowledgedCommands} acknowledged commands`
    : 'negative control: detected NO lost writes: the check cannot see a loss, so the run above proves nothing',
);

const passed = report.lost.length === 0 && report.integrity === 'ok' && controlCaught;
if (passed) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(controlDir, { recursive: true, force: true });
  console.log('crash test passed');
} else {
  console.log(`crash test FAILED; the data folders are kept: ${dataDir} ${controlDir}`);
  process.exitCode = 1;
}
