import { expect } from 'vitest';
import { z } from 'zod';
import {
  contract,
  type GuestAccess,
  type HttpMethod,
  type MethodName,
} from '../../api/contract.ts';
import type { GuestRole } from '../../api/sharing.ts';
import { idForParam, type SampleIds } from './contract-samples.ts';

/**
 * What each role may do, as docs/api.md and electron/api/sharing.ts state it: a note-taker reads
 * and takes notes, the projector and the confidence monitor only show, the door (签到) lists the
 * people and signs them in and reads nothing else. Written here rather than
 * read from the server, so a server that gives a screen more than this is caught; the `Record`
 * makes a new role a compile error (and route-guard.test.ts a failure) until its access is set.
 */
export const ROLE_ACCESS: Record<GuestRole, readonly GuestAccess[]> = {
  notetaker: ['read', 'notes'],
  projector: ['read'],
  confidence: ['read'],
  door: ['door'],
};

/** One concrete request of a route: a method name, its verb and a path with every param filled. */
export interface RouteProbe {
  name: MethodName;
  http: HttpMethod;
  path: string;
  guest: GuestAccess | undefined;
}

/**
 * Every route of the contract as concrete paths. A parameter whose input schema is an enum (the
 * export's `:name`) takes each of its values, so every export file is its own probe; the others
 * take the given ids, or a dummy one.
 */
export function routeProbes(ids: SampleIds): RouteProbe[] {
  return (Object.keys(contract) as MethodName[]).flatMap((name) => {
    const spec = contract[name] as { http: HttpMethod; path: string; guest?: GuestAccess };
    const shape = (contract[name].input as z.ZodObject).shape;
    let paths = [''];
    for (const segment of spec.path.split('/').filter(Boolean)) {
      const values = segment.startsWith(':')
        ? paramValues(segment.slice(1), shape[segment.slice(1)], ids)
        : [segment];
      paths = paths.flatMap((p) => values.map((v) => `${p}/${encodeURIComponent(v)}`));
    }
    return paths.map((path) => ({ name, http: spec.http, path, guest: spec.guest }));
  });
}

function paramValues(param: string, schema: z.ZodType | undefined, ids: SampleIds): string[] {
  if (schema instanceof z.ZodEnum) return (schema.options as string[]).map(String);
  return [idForParam(param, ids) ?? `dummy-${param}`];
}

/** Whether a device of `role` may call a route open to guests as `guest` (or not at all). */
export function roleMayCall(role: GuestRole, guest: GuestAccess | undefined): boolean {
  return guest !== undefined && ROLE_ACCESS[role].includes(guest);
}

export interface Answer {
  status: number;
  code?: string;
  message?: string;
  field?: string;
  body: string;
}

/** One request; `token` goes as `Authorization: Bearer`, or as `?token=` when `inQuery`. */
export async function send(
  origin: string,
  method: string,
  path: string,
  options: { token?: string; inQuery?: boolean; body?: BodyInit; contentType?: string } = {},
): Promise<Answer> {
  const url = new URL(path, origin);
  const headers: Record<string, string> = {};
  if (options.token !== undefined) {
    if (options.inQuery) url.searchParams.set('token', options.token);
    else headers.Authorization = `Bearer ${options.token}`;
  }
  if (options.contentType) headers['Content-Type'] = options.contentType;
  const res = await fetch(url, { method, headers, body: options.body });
  const body = await res.text();
  let error: { code?: string; message?: string; field?: string } = {};
  if (body && res.headers.get('content-type')?.startsWith('application/json')) {
    error = (JSON.parse(body) as { error?: typeof error }).error ?? {};
  }
  return { status: res.status, ...error, body };
}

/** Expected vs. answered, one line per request that did not answer as expected. */
export function describeMiss(who: string, probe: { http: string; path: string }, a: Answer) {
  return `${who} ${probe.http} ${probe.path} → ${a.status} ${a.code ?? ''} ${a.message ?? ''}`;
}

/** Fails with how many requests were answered wrongly, and the first of them. */
export function expectNoMisses(misses: string[]): void {
  if (misses.length === 0) return;
  const shown = misses.slice(0, 12).join('\n');
  expect.fail(`${misses.length} requests not answered as expected:\n${shown}`);
}
