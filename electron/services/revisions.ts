import type { Revision } from '../api/revision.ts';
import type { ServiceContext } from './context.ts';

interface Counter {
  readonly boot: string;
  change: number;
}

/**
 * One count per server process, kept in memory: revisions only need to order what one process
 * said, and a restart starts a new boot (a screen takes the new server's word over the old).
 * Keyed by the context, so two servers in one process (tests) count apart.
 */
const counters = new WeakMap<ServiceContext, Counter>();

function counterOf(ctx: ServiceContext): Counter {
  let counter = counters.get(ctx);
  if (!counter) {
    counter = { boot: ctx.newId(), change: 0 };
    counters.set(ctx, counter);
  }
  return counter;
}

/** The revision a read carries: the state it read includes every change announced so far. */
export function currentRevision(ctx: ServiceContext): Revision {
  const { boot, change } = counterOf(ctx);
  return { boot, change };
}

/**
 * Raises the count for a change just committed, and gives the revision its event carries. Call
 * it after the commit and before the event, with nothing awaited in between, so a read can
 * never see the change with the revision before it.
 */
export function raiseRevision(ctx: ServiceContext): Revision {
  const counter = counterOf(ctx);
  counter.change += 1;
  return { boot: counter.boot, change: counter.change };
}
