import type { MethodName } from '../../electron/api/contract.ts';
import { WS_MAX_MESSAGE_BYTES, wsAnswerSchema } from '../../electron/api/ws-rpc.ts';
import { ApiCallError } from './api-call-error.ts';

/**
 * What the console and note screens send on their open live socket instead of over HTTP: the
 * commands of the run and the note writes, where a hall waits on every millisecond. The rest
 * (reads, edits, files) keeps to HTTP.
 */
const LIVE_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'run.next',
  'run.previous',
  'run.start',
  'run.pause',
  'run.resume',
  'run.stop',
  'run.skip',
  'run.adjust',
  'run.goto',
  'run.message',
  'run.screen',
  // A queue at the door: each tick as quick as a run command.
  'signIn.signIn',
  'notes.create',
  'notes.update',
  'notes.delete',
  'notes.restore',
]);

interface Waiting {
  socket: WebSocket;
  resolve: (output: unknown) => void;
  reject: (error: ApiCallError) => void;
}

let openSocket: WebSocket | undefined;
let nextId = 1;
const waiting = new Map<number, Waiting>();
const encoder = new TextEncoder();

/** live.ts: the socket is open; calls may go on it. */
export function liveSocketOpened(socket: WebSocket): void {
  openSocket = socket;
}

/**
 * live.ts: the socket closed. A call sent on it and not answered fails now, as a request whose
 * connection broke does: it is not sent again, because whether the server did it is unknown
 * (a run command done twice moves the meeting on twice, a note created twice is two notes).
 * The screen reloads what it shows on the reconnect and says that the action failed.
 */
export function liveSocketClosed(socket: WebSocket): void {
  if (openSocket === socket) openSocket = undefined;
  for (const [id, call] of waiting) {
    if (call.socket !== socket) continue;
    waiting.delete(id);
    const message = 'the connection to the server closed before it answered';
    call.reject(new ApiCallError(0, { code: 'network', message }));
  }
}

/** live.ts: a message arrived; true when it was the answer to a call (and was handed over). */
export function answerArrived(message: unknown): boolean {
  if ((message as { kind?: unknown } | null)?.kind !== 'answer') return false;
  const parsed = wsAnswerSchema.safeParse(message);
  if (!parsed.success || parsed.data.id === null) return true;
  const answer = parsed.data;
  const call = waiting.get(answer.id as number);
  if (!call) return true;
  waiting.delete(answer.id as number);
  if (answer.ok) call.resolve(answer.output);
  else call.reject(new ApiCallError(answer.status, answer.error));
  return true;
}

/**
 * Sends the call on the live socket and answers with its output, after the server committed it.
 * Undefined when it is not for the socket (another method, too large) or the socket is not open
 * now: the caller sends it over HTTP then, which does the same.
 */
export function callOverLive(
  method: MethodName,
  input: Record<string, unknown>,
): Promise<unknown> | undefined {
  const socket = openSocket;
  if (!LIVE_METHODS.has(method) || socket?.readyState !== WebSocket.OPEN) return undefined;
  const id = nextId++;
  const text = JSON.stringify({ kind: 'call', id, method, input });
  if (
    text.length * 3 > WS_MAX_MESSAGE_BYTES &&
    encoder.encode(text).length > WS_MAX_MESSAGE_BYTES
  ) {
    return undefined;
  }
  return new Promise((resolve, reject) => {
    waiting.set(id, { socket, resolve, reject });
    socket.send(text);
  });
}
