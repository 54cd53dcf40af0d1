import { describeThrown, newErrorId, type Log } from './error-boundary.ts';

export interface LastResortOptions {
  log: Log;
  /** Whether the server still does its job: its loopback listener open, its database open. */
  stillServing: () => boolean;
  /** Ends the process when it no longer serves; the error id is the one just logged. */
  stop: (errorId: string) => void;
}

/**
 * The process-level last resort, for what escapes every request's boundary (a timer's callback,
 * an 'error' event nobody listens to, a rejection nobody awaits). Node's default ends the
 * process, and with it the hall's clock and every screen; here the fault is logged with an error
 * id and the server goes on, which is safe because every command is one transaction: a throw
 * leaves no half-written record behind. Only when the server no longer serves is there nothing
 * to keep: then it stops, the fault named.
 */
export function installLastResort(
  options: LastResortOptions,
  target: NodeJS.EventEmitter = process,
): () => void {
  const onUncaught = (error: unknown, origin?: string) => {
    const errorId = newErrorId();
    const what =
      origin === 'unhandledRejection' ? 'a rejection nobody handled' : 'an uncaught exception';
    if (options.stillServing()) {
      options.log(
        `roundtable: error ${errorId}: ${what}; the server goes on: ${describeThrown(error)}`,
      );
      return;
    }
    options.log(
      `roundtable: error ${errorId}: ${what}, and the server no longer serves; stopping: ${describeThrown(error)}`,
    );
    options.stop(errorId);
  };
  target.on('uncaughtException', onUncaught);
  return () => void target.off('uncaughtException', onUncaught);
}
