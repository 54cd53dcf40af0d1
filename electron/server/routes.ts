import type { IncomingMessage, ServerResponse } from 'node:http';
import { contract, type HttpMethod, type MethodName } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import type { Caller } from './app.ts';
import { guestRefusal, type Dispatch, type Refusal } from './dispatch.ts';
import {
  BodyTooLargeError,
  readBody,
  readBodyBytes,
  sendBodyTooLarge,
  sendError,
  sendFile,
  sendJson,
} from './http-util.ts';

export { describeIssue, STORAGE_FULL_MESSAGE } from './dispatch.ts';

interface Route {
  name: MethodName;
  http: HttpMethod;
  segments: string[];
}

const MAX_BODY_BYTES = 1024 * 1024;

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

function sendRefusal(res: ServerResponse, refused: Refusal): void {
  if (refused.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(refused.retryAfterSeconds));
  }
  sendJson(res, refused.status, { error: refused.error });
}

/** The HTTP transport: a route, its body and query made into one input for the dispatcher. */
export function createApiRouter(dispatch: Dispatch) {
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

    // Before the body is read: a guest is refused without sending it.
    const refused = guestRefusal(hit.route.name, caller);
    if (refused) return sendRefusal(res, refused);

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
    const input = { ...query, ...(body as object), ...hit.params };
    const outcome = await dispatch(hit.route.name, input, caller);
    if (!outcome.ok) return sendRefusal(res, outcome);
    if (isFile(outcome.output)) return sendFile(res, outcome.output);
    // The command's own time (transaction and commit included), for benchmarks and tools.
    const serverTiming = `app;dur=${outcome.appMs.toFixed(2)}`;
    sendJson(res, outcome.status, outcome.output, { 'Server-Timing': serverTiming });
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
