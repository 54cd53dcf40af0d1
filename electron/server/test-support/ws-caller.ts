import WebSocket from 'ws';
import { contract, type ApiError, type MethodName } from '../../api/contract.ts';
import type { WsAnswer } from '../../api/ws-rpc.ts';

export type Json = Record<string, unknown>;

/** A screen's live socket, as a test drives it: raw messages, calls and what came back. */
export interface WsCaller {
  ws: WebSocket;
  /** Every message received, in order (the hello first). */
  messages: Json[];
  /** Sends a call and waits for its answer. */
  call(method: string, input?: Json): Promise<WsAnswer>;
  /** Sends any text, and waits for the next answer without an id (or undefined on close). */
  sendRaw(text: string): Promise<WsAnswer | undefined>;
  /** The close code, once the server closed the socket. */
  closed: Promise<number>;
}

/** Opens /ws with `token` and the origin's own Origin header, as a screen of it would. */
export function openCaller(origin: string, token: string): Promise<WsCaller> {
  const url = new URL(`/ws?token=${token}`, origin);
  url.protocol = 'ws:';
  const ws = new WebSocket(url, { headers: { Origin: origin } });
  const messages: Json[] = [];
  const waiting = new Map<number | null, (answer: WsAnswer | undefined) => void>();
  let nextId = 1;
  const closed = new Promise<number>((resolve) =>
    ws.on('close', (code) => {
      for (const settle of waiting.values()) settle(undefined);
      resolve(code);
    }),
  );
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Json;
    messages.push(message);
    if (message.kind !== 'answer') return;
    const id = message.id as number | null;
    waiting.get(id)?.(message as WsAnswer);
    waiting.delete(id);
  });
  const answerTo = (id: number | null) =>
    new Promise<WsAnswer | undefined>((resolve) => waiting.set(id, resolve));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('open', () =>
      resolve({
        ws,
        messages,
        closed,
        async call(method, input) {
          const id = nextId++;
          const answer = answerTo(id);
          ws.send(JSON.stringify({ kind: 'call', id, method, ...(input ? { input } : {}) }));
          const got = await answer;
          if (!got) throw new Error(`the socket closed before ${method} was answered`);
          return got;
        },
        sendRaw(text) {
          const answer = answerTo(null);
          ws.send(text);
          return answer;
        },
      }),
    );
  });
}

/** The HTTP request of a call: path parameters into the path, the rest as body or query. */
export function httpRequestOf(
  method: MethodName,
  input: Json,
): { verb: string; path: string; body?: string } {
  const spec = contract[method];
  const rest: Json = { ...input };
  let path: string = spec.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value));
  });
  if (spec.http === 'GET' || spec.http === 'DELETE') {
    const query = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, String(v)]));
    if (query.size > 0) path += `?${query.toString()}`;
    return { verb: spec.http, path };
  }
  return { verb: spec.http, path, body: JSON.stringify(rest) };
}

/** The input the server's dispatcher sees for that request: query values arrive as text. */
export function asHttpSeesIt(method: MethodName, input: Json): Json {
  const spec = contract[method];
  if (spec.http !== 'GET' && spec.http !== 'DELETE') return input;
  const params = new Set([...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]));
  return Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k, params.has(k) ? v : String(v)]),
  );
}

/** The error of an HTTP answer or of a refused call, without the per-failure error id. */
export function refusalOf(error: ApiError['error']): Json {
  const { errorId: _errorId, ...rest } = error;
  return rest;
}
