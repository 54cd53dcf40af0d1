/**
 * The power-loss test: the crash trial of crash-harness.ts with the server's data folder on
 * lazyfs (scripts/lazyfs), a file system that keeps written data in its own memory until fsync,
 * and a power cut after every SIGKILL. A SIGKILL alone leaves what the server wrote in the
 * operating system's cache, where it survives; a power cut does not, so only this shows what
 * the WAL's flush before each answer buys (store/wal-flush.ts). Used by the suite (power-loss.test.ts) and by
 * `npm run test:crash -- --power-loss`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detach, isMounted, mountLazyFs, type LazyFsMount } from '../../../scripts/lazyfs/mount.ts';
import {
  runCrashTrial,
  summarizeCrashReport,
  type CrashReport,
  type CrashRunOptions,
  type Fault,
} from './crash-harness.ts';

export interface PowerLossReport extends CrashReport {
  /** Every power cut: one after each kill, and one before the final integrity_check. */
  cuts: number;
  /** Cuts that threw unsynced data away: a cut with nothing unsynced would test nothing. */
  cutsDroppingData: number;
  /** Unsynced bytes thrown away over all cuts (whole 4 KiB pages). */
  droppedBytes: number;
}

export interface PowerLossOptions extends Pick<CrashRunOptions, 'serveArgs' | 'maxKillDelayMs'> {
  /** An empty folder for the "disk" and the mount point; the caller removes it. */
  workDir: string;
  cuts: number;
  /** Called after each cut has been checked. */
  onProgress?: (report: PowerLossReport) => void;
}

/** One line of figures, as summarizeCrashReport's, with what the cuts threw away. */
export function summarizePowerLossReport(report: PowerLossReport): string {
  return (
    `${summarizeCrashReport(report)}; unsynced data thrown away at ` +
    `${report.cutsDroppingData} of ${report.cuts} cuts (${Math.round(report.droppedBytes / 1024)} KiB)`
  );
}

/**
 * SIGKILLs the server and cuts the power `cuts` times while notes and run commands are written;
 * after each cut the file system is mounted afresh (the kernel's page cache of the old mount
 * still holds what was thrown away) and the server restarted and checked. Unmounts at the end,
 * whatever happens.
 */
export async function runPowerLossTrial(options: PowerLossOptions): Promise<PowerLossReport> {
  const disk = path.join(options.workDir, 'disk');
  const mountPoint = path.join(options.workDir, 'mnt');
  fs.mkdirSync(disk);
  fs.mkdirSync(mountPoint);
  const dropped = { cuts: 0, withData: 0, bytes: 0 };
  let mount: LazyFsMount | null = await mountLazyFs(disk, mountPoint);
  const powerCut: Fault = {
    label: 'power cuts',
    async strike() {
      const cut = await mount!.losePower();
      dropped.cuts += 1;
      if (cut.bytes > 0) dropped.withData += 1;
      dropped.bytes += cut.bytes;
      await mount!.unmount();
      mount = null;
      mount = await mountLazyFs(disk, mountPoint);
    },
  };
  const withDropped = (report: CrashReport): PowerLossReport => ({
    ...report,
    cuts: dropped.cuts,
    cutsDroppingData: dropped.withData,
    droppedBytes: dropped.bytes,
  });
  try {
    const report = await runCrashTrial({
      dataDir: path.join(mountPoint, 'data'),
      kills: options.cuts,
      fault: powerCut,
      serveArgs: options.serveArgs ?? [],
      maxKillDelayMs: options.maxKillDelayMs ?? 250,
      onProgress: (report) => options.onProgress?.(withDropped(report)),
    });
    return withDropped(report);
  } finally {
    await mount?.unmount();
  }
}

/** Removes the work folder, detaching first anything still mounted in it. */
export function removeWorkDir(workDir: string): void {
  const mountPoint = path.join(workDir, 'mnt');
  if (fs.existsSync(mountPoint) && isMounted(mountPoint)) detach(mountPoint);
  if (fs.existsSync(mountPoint) && isMounted(mountPoint)) {
    console.error(`power-loss test: ${mountPoint} is still mounted; ${workDir} is left in place`);
    return;
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}
