/**
 * The processes a benchmark started, ended on every way out of it: a normal end, a thrown
 * error, SIGINT (Ctrl-C) or SIGTERM. Without this a server whose start threw, or one running
 * when the user pressed Ctrl-C, was left running without a parent, holding its port.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Keeps `child` to be ended with the benchmark, until it has exited. Says so on stderr with its
 * PID, so that whoever ran the benchmark can tell what it started.
 */
export function own(child: ChildProcess, name: string): ChildProcess {
  console.error(`bench: started ${name} (pid ${child.pid})`);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Removes `dir` when the benchmark ends, whichever way it ends. */
export function ownTempDir(dir: string): string {
  tempDirs.add(dir);
  return dir;
}

/** Asks `child` to end (SIGTERM), kills it if it has not within `graceMs`, resolves on its exit. */
export function endProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Ends every process still owned and waits for each to exit. */
export async function endAllOwned(): Promise<void> {
  await Promise.all([...children].map((child) => endProcess(child)));
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * From now on: a signal ends every owned process, then this one (exit code 128 + the signal's
 * number, as a shell reports it); any exit kills what is still running and removes the temp
 * folders. An `exit` handler can only do synchronous work, hence SIGKILL there.
 */
export function endOwnedOnExitAndSignals(): void {
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, ending the servers it started`);
      void endAllOwned().finally(() => process.exit(code));
    });
  }
}
