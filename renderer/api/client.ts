import {
  contract,
  type ApiError,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../electron/api/contract.ts';
import { forgetSessionToken, sessionToken } from './session.ts';

/** A failed call, with the server's code, message and the field it blames. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly code: ApiError['error']['code'] | 'network';
  readonly field: string | undefined;
  /** Why, for the catalogs to word (`reason.<name>`), and what the wording needs. */
  readonly reason: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(
    status: number,
    body: ApiError['error'] | { code: 'network'; message: string; field?: string },
  ) {
    super(body.message);
    this.name = 'ApiCallError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.reason = 'reason' in body ? body.reason : undefined;
    this.params = 'params' in body ? body.params : undefined;
  }
}

/**
 * Fills `:name` segments from the input; the rest travels as JSON body (or query for GET). A
 * method whose body is a file sends that file's bytes and the rest in the query.
 */
function buildRequest(name: MethodName, input: Record<string, unknown>) {
  const spec = contract[name] as (typeof contract)[MethodName] & {
    fileBody?: { field: string };
  };
  const rest: Record<string, unknown> = { ...input };
  const path = spec.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value));
  });
  let file: BodyInit | undefined;
  if (spec.fileBody) {
    file = rest[spec.fileBody.field] as Uint8Array<ArrayBuffer>;
    delete rest[spec.fileBody.field];
  }
  const jsonBody = !file && spec.http !== 'GET' && spec.http !== 'DELETE';
  const query = jsonBody
    ? ''
    : new URLSearchParams(
        Object.entries(rest).map(([key, value]) => [key, String(value)]),
      ).toString();
  return {
    method: spec.http,
    url: query ? `${path}?${query}` : path,
    body: file ?? (jsonBody ? JSON.stringify(rest) : undefined),
    contentType: file ? 'application/octet-stream' : 'application/json',
  };
}

/** The one way the renderer talks to the server: typed by the contract on both ends. */
export async function call<M extends MethodName>(
  name: M,
  ...args: Record<never, never> extends MethodInput<M>
    ? [input?: MethodInput<M>]
    : [input: MethodInput<M>]
): Promise<MethodOutput<M>> {
  const request = buildRequest(name, (args[0] ?? {}) as Record<string, unknown>);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${sessionToken()}`,
        ...(request.body ? { 'Content-Type': request.contentType } : {}),
      },
      body: request.body,
    });
  } catch (error) {
    throw new ApiCallError(0, { code: 'network', message: String(error) });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) {
    // The token no longer opens anything (sharing was turned off): back to the access code.
    forgetSessionToken();
    window.location.reload();
  }
  if (!response.ok) {
    const error = (body as ApiError | undefined)?.error ?? {
      code: 'internal' as const,
      message: `HTTP ${response.status}`,
    };
    throw new ApiCallError(response.status, error);
  }
  return body as MethodOutput<M>;
}
