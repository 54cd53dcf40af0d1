import {
  contract,
  type ApiError,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../electron/api/contract.ts';
import { ApiCallError } from './api-call-error.ts';
import { callOverLive } from './live-calls.ts';
import { forgetSessionToken, sessionToken } from './session.ts';

export { ApiCallError } from './api-call-error.ts';

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
  const input = (args[0] ?? {}) as Record<string, unknown>;
  // Run commands and note writes go on the screen's open live socket when it is open.
  const live = callOverLive(name, input);
  if (live) return live as Promise<MethodOutput<M>>;
  const request = buildRequest(name, input);
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
