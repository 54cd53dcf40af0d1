import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import {
  contract,
  type ApiError,
  type ApiErrorCode,
  type GuestAccess,
  type MethodName,
} from '../api/contract.ts';
import { detail, type ApiErrorDetail } from '../api/error-reasons.ts';
import type { GuestRole } from '../api/sharing.ts';
import { issueDetail } from '../api/issue-detail.ts';
import { ILL_FORMED_TEXT_MESSAGE, illFormedTextAt } from '../api/well-formed-text.ts';
import { ServiceError } from '../services/errors.ts';
import { BusyError } from '../services/heavy-jobs.ts';
import type { Handlers } from '../services/handlers.ts';
import { isOutOfSpace } from '../store/out-of-space.ts';
import type { Caller } from './app.ts';
import { STATUS_OF } from './http-util.ts';

export const STORAGE_FULL_MESSAGE =
  'the disk of the Roundtable computer is full: nothing was saved. Free some space on it, ' +
  'then try again.';

/** A refusal as both transports send it: the HTTP status and the error body. */
export interface Refusal {
  ok: false;
  status: number;
  error: ApiError['error'];
  /** Seconds, for a 429's Retry-After. */
  retryAfterSeconds?: number;
}
export type DispatchOutcome =
  { ok: true; status: number; output: unknown; appMs: number } | Refusal;

export function refusal(
  code: ApiErrorCode,
  message: string,
  field?: string,
  why?: ApiErrorDetail,
  status = STATUS_OF[code],
): Refusal {
  return { ok: false, status, error: { code, message, ...(field ? { field } : {}), ...why } };
}

/** What each role that joins with the access code may call (the contract's `guest` flag). */
const GRANTED: Record<GuestRole, readonly GuestAccess[]> = {
  notetaker: ['read', 'notes'],
  projector: ['read'],
  confidence: ['read'],
  door: ['door'],
};

const REFUSAL_OF: Record<GuestRole, { message: string; why: ApiErrorDetail }> = {
  notetaker: {
    message: 'devices that joined with the access code may read and take notes, nothing more',
    why: detail('access.notesOnly'),
  },
  projector: {
    message: 'a device that joined as projector may only show the meeting',
    why: detail('access.showOnly'),
  },
  confidence: {
    message: 'a device that joined as confidence may only show the meeting',
    why: detail('access.showOnly'),
  },
  door: {
    message: 'a sign-in device at the door may only list the people and sign them in',
    why: detail('access.doorOnly'),
  },
};

/** Guests may read, note-takers take notes, the door sign in; the rest is the organizer's. */
export function guestRefusal(name: MethodName, caller: Caller): Refusal | undefined {
  if (caller.kind !== 'guest') return undefined;
  const open = (contract[name] as { guest?: GuestAccess }).guest;
  const role = caller.device.role;
  if (open && GRANTED[role].includes(open)) return undefined;
  const { message, why } = REFUSAL_OF[role];
  return refusal('forbidden', message, undefined, why);
}

/** What the dispatcher needs of the store to answer a write only once it is on the disk. */
export interface Durability {
  /** Resolves once every write so far is on the disk (at once when there is none unflushed). */
  durable(): Promise<void>;
}

/**
 * The one dispatcher behind both transports (HTTP routes, calls on a screen's WebSocket): the
 * role check, the contract's schema, the service function and the mapping of its refusals, so
 * a command is refused with the same status, reason and params whichever way it came. A bug
 * (anything else thrown) is left to the transport's error boundary, which answers 500 with an id.
 * A call of a method that writes (every verb but GET, as the contract says) is answered once its
 * writes are on the disk (store/wal-flush.ts), the event loop serving others meanwhile; whether
 * it wrote is looked at after the handler, off the path to the screens. A flush the disk refuses
 * is such an error: the call is not answered as saved.
 */
export function createDispatcher(handlers: Handlers, durability: Durability) {
  return async function dispatch(
    name: MethodName,
    input: Record<string, unknown>,
    caller: Caller,
  ): Promise<DispatchOutcome> {
    const refused = guestRefusal(name, caller);
    if (refused) return refused;
    // Before the schema, for every field of every method: SQLite could not store it as sent.
    const illFormed = illFormedTextAt(input);
    if (illFormed !== undefined) {
      const why = detail('field.illFormedText', { field: illFormed });
      return refusal('invalid_input', `${illFormed}: ${ILL_FORMED_TEXT_MESSAGE}`, illFormed, why);
    }
    const spec = contract[name];
    const parsed = (spec.input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      const { field, message, detail: why } = describeIssue(parsed.error.issues[0]);
      return refusal('invalid_input', `${field}: ${message}`, field, why);
    }
    const startedAt = performance.now();
    let output: unknown;
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      output = await handler(parsed.data);
    } catch (error) {
      if (error instanceof ServiceError) {
        const refused = refusal(error.code, error.message, error.field, error.detail);
        if (error instanceof BusyError) refused.retryAfterSeconds = error.retryAfterSeconds;
        return refused;
      }
      // A fault of the machine, not a bug: said plainly, and the same request works once there
      // is space (the transaction was rolled back, so nothing of it was kept).
      if (isOutOfSpace(error)) {
        const why = detail('server.storageFull');
        return refusal('storage_full', STORAGE_FULL_MESSAGE, undefined, why);
      }
      throw error;
    }
    if (spec.http !== 'GET') await durability.durable();
    const appMs = performance.now() - startedAt;
    return { ok: true, status: (spec as { status?: number }).status ?? 200, output, appMs };
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;

/** The field to blame for a failed parse (an unknown one included) and what is wrong with it. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): {
  field: string;
  message: string;
  detail: ApiErrorDetail;
} {
  if (!issue)
    return {
      field: 'body',
      message: 'invalid',
      detail: detail('field.invalid', { field: 'body' }),
    };
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0] ?? ''].join('.');
    return { field, message: 'unknown field', detail: detail('field.unknown', { field }) };
  }
  const field = issue.path.length ? issue.path.join('.') : 'body';
  return { field, message: issue.message, detail: issueDetail(issue, field) };
}
