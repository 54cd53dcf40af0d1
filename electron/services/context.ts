import type { ServerEvent } from '../api/events.ts';
import type { SharingState } from '../api/sharing.ts';
import type { Store } from '../store/index.ts';

/** What every use case gets: storage, the clock, ids, and the way to tell the screens. */
export interface ServiceContext {
  store: Store;
  now: () => number;
  newId: () => string;
  /** A seed for drawing lots, from a cryptographically secure source. */
  randomSeed: () => string;
  /** When this server process started: run state written before it was recovered. */
  startedAt: number;
  /** Aborted when the server closes: what a service keeps running (a warm worker) ends then. */
  closing: AbortSignal;
  /** Called after the command's transaction has committed. */
  emit: (event: ServerEvent) => void;
  /**
   * Called after a command that ended the meeting's run (its last item ended or was skipped,
   * nothing is cued) has committed: the server backs the database up then.
   */
  runFinished: (meetingId: string) => void;
  /** The screens connected now, as they named themselves on their live socket. */
  screens: { lecternConnected(): boolean };
  /** The local-network sharing switch, which lives in the server. */
  sharing: {
    state(): SharingState;
    enable(): Promise<SharingState>;
    disable(): Promise<SharingState>;
    /** Cuts one device off and keeps it out; false when there is no such device. */
    revoke(deviceId: string): boolean;
    /** Lets a removed device join again; false when no removed device has this id. */
    allow(deviceId: string): boolean;
  };
}
