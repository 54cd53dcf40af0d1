import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { contract, type GuestAccess, type HttpMethod, type MethodName } from '../api/contract.ts';
import { detail, type ApiErrorDetail } from '../api/error-reasons.ts';
import { issueDetail } from '../api/issue-detail.ts';
import { ILL_FORMED_TEXT_MESSAGE, illFormedTextAt } from '../api/well-formed-text.ts';
import type { Caller } from './app.ts';
import { ServiceError } from '../services/errors.ts';
import { BusyError } from '../services/heavy-jobs.ts';
import { isOutOfSpace } from '../store/out-of-space.ts';
import type { Handlers } from '../services/handlers.ts';
import {
  BodyTooLargeError,
  readBody,
  readBodyBytes,
  sendBodyTooLarge,
  sendError,
  sendFile,
  sendJson,
} from './http-util.ts';

interface Route {
  name: MethodName;
  http: HttpMethod;
  segments: string[];
}

const MAX_BODY_BYTES = 1024 * 1024;
export const STORAGE_FULL_MESSAGE =
  'the disk of the Roundtable computer is full: nothing was saved. Free some space on it, ' +
  'then try again.';

/** Every route comes from the contract: one method, one path, one handler. */
export function buildRoutes(): Route[] {
  return (Object.keys(contract) as MethodName[]).map((name) => ({
    name,
    http: contract[name].http,
    segments: contract[name].path.split('/').filter(Boolean),
  }));
}

function matchPath(route: Route, parts: string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i] as string;
    if (segment.startsWith(':')) {
      const value = safeDecode(part);
      if (value === undefined) return undefined;
      params[segment.slice(1)] = value;
    } else if (segment !== part) return undefined;
  }
  return params;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Literal segments win over parameters, so /meetings/sample is never read as an id. */
function specificity(route: Route): number {
  return route.segments.filter((s) => !s.startsWith(':')).length;
}

export function createApiRouter(handlers: Handlers) {
  const routes = buildRoutes().sort((a, b) => specificity(b) - specificity(a));

  return async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    caller: Caller,
  ) {
    const parts = url.pathname.split('/').filter(Boolean);
    const matching = routes
      .map((route) => ({ route, params: matchPath(route, parts) }))
      .filter((m) => m.params !== undefined);
    if (matching.length === 0) {
      const why = detail('server.noRoute', { path: url.pathname });
      return sendError(res, 'not_found', `no API route ${url.pathname}`, undefined, undefined, why);
    }
    const hit = matching.find((m) => m.route.http === req.method);
    if (!hit) {
      res.setHeader('Allow', matching.map((m) => m.route.http).join(', '));
      return sendError(
        res,
        'invalid_input',
        `${req.method} is not allowed on ${url.pathname}`,
        undefined,
        405,
        detail('server.wrongMethod', { method: req.method ?? '', path: url.pathname }),
      );
    }

    if (caller.kind === 'guest') {
      const open = (contract[hit.route.name] as { guest?: GuestAccess }).guest;
      if (!open || (open === 'notes' && caller.device.role !== 'notetaker')) {
        return sendError(
          res,
          'forbidden',
          caller.device.role === 'notetaker'
            ? 'devices that joined with the access code may read and take notes, nothing more'
            : `a device that joined as ${caller.device.role} may only show the meeting`,
          undefined,
          undefined,
          detail(caller.device.role === 'notetaker' ? 'access.notesOnly' : 'access.showOnly'),
        );
      }
    }

    let body: unknown = {};
    const { fileBody } = contract[hit.route.name] as {
      fileBody?: { field: string; maxBytes: number };
    };
    if (fileBody) {
      try {
        body = { [fileBody.field]: new Uint8Array(await readBodyBytes(req, fileBody.maxBytes)) };
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        const { field } = fileBody;
        return sendBodyTooLarge(req, res, error, `${field}: the file is ${error.message}`, field);
      }
    } else if (req.method !== 'GET' && req.method !== 'DELETE') {
      let raw: string;
      try {
        raw = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return sendBodyTooLarge(req, res, error, `body: ${error.message}`, 'body');
        }
        throw error;
      }
      if (raw.trim()) {
        try {
          body = JSON.parse(raw);
        } catch {
          const why = detail('body.notJson');
          return sendError(res, 'invalid_input', 'body: not valid JSON', 'body', undefined, why);
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          const why = detail('body.notObject');
          const message = 'body: must be a JSON object';
          return sendError(res, 'invalid_input', message, 'body', undefined, why);
        }
      }
    }

    const query = Object.fromEntries([...url.searchParams].filter(([key]) => key !== 'token'));
    const name = hit.route.name;
    const spec = contract[name];
    const input = { ...query, ...(body as object), ...hit.params };
    // Before the schema, for every field of every route: SQLite could not store it as sent.
    const illFormed = illFormedTextAt(input);
    if (illFormed !== undefined) {
      return sendError(
        res,
        'invalid_input',
        `${illFormed}: ${ILL_FORMED_TEXT_MESSAGE}`,
        illFormed,
        undefined,
        detail('field.illFormedText', { field: illFormed }),
      );
    }
    const parsed = (spec.input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      const { field, message, detail: why } = describeIssue(parsed.error.issues[0]);
      return sendError(res, 'invalid_input', `${field}: ${message}`, field, undefined, why);
    }
    try {
      const startedAt = performance.now();
      const handler = handlers[name] as (input: unknown) => unknown;
      const output = await handler(parsed.data);
      // The command's own time (transaction and commit included), for benchmarks and tools.
      const serverTiming = `app;dur=${(performance.now() - startedAt).toFixed(2)}`;
      if (isFile(output)) return sendFile(res, output);
      sendJson(res, spec.status ?? 200, output, { 'Server-Timing': serverTiming });
    } catch (error) {
      if (error instanceof ServiceError) {
        if (error instanceof BusyError)
          res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return sendError(res, error.code, error.message, error.field, undefined, error.detail);
      }
      // A fault of the machine, not a bug: said plainly, and the same request works once there
      // is space (the transaction was rolled back, so nothing of it was kept).
      if (isOutOfSpace(error)) {
        const why = detail('server.storageFull');
        return sendError(res, 'storage_full', STORAGE_FULL_MESSAGE, undefined, undefined, why);
      }
      throw error;
    }
  };
}

function isFile(
  output: unknown,
): output is { fileName: string; contentType: string; body: Uint8Array } {
  return (
    typeof output === 'object' &&
    output !== null &&
    (output as { body?: unknown }).body instanceof Uint8Array
  );
}

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
