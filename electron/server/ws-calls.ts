import { contract, type MethodName } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { exportFileSchema } from '../api/bundle.ts';
import { plainWsCall, wsCallSchema, type WsAnswer } from '../api/ws-rpc.ts';
import type { Caller } from './app.ts';
import { describeIssue, guestRefusal, refusal, type Dispatch, type Refusal } from './dispatch.ts';
import { describeThrown, newErrorId, type Log } from './error-boundary.ts';

/** Methods whose input or output is a file's bytes: JSON messages cannot carry them. */
function isHttpOnly(name: MethodName): boolean {
  const spec = contract[name] as { fileBody?: unknown; output: unknown };
  return spec.fileBody !== undefined || spec.output === exportFileSchema;
}

const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** Whether a message read from a screen's socket is a call (rather than a ping or a role). */
export function isCall(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'method' in message;
}

/**
 * The WebSocket transport of the dispatcher: a call on a screen's open socket becomes the same
 * dispatch as its HTTP request, for the caller the socket was opened by, and its answer (or
 * refusal, with the status and body HTTP would have sent) goes back on that socket once the
 * command has committed. Whatever the message, the server answers or ignores it and goes on: a
 * bug answers 500 with an error id that the log has too, as over HTTP.
 */
export function createWsCalls(dispatch: Dispatch, log: Log) {
  const refused = (id: number | null, r: Refusal): WsAnswer => ({
    kind: 'answer',
    id,
    ok: false,
    status: r.status,
    error: r.error,
  });

  async function answerOf(message: unknown, caller: Caller): Promise<WsAnswer> {
    const rawId = (message as { id?: unknown }).id;
    const plain = plainWsCall(message as Record<string, unknown>);
    const parsed = plain
      ? { success: true as const, data: plain }
      : wsCallSchema.safeParse(message);
    if (!parsed.success) {
      const id = typeof rawId === 'number' && Number.isSafeInteger(rawId) ? rawId : null;
      const { field, message: text, detail: why } = describeIssue(parsed.error.issues[0]);
      return refused(id, refusal('invalid_input', `${field}: ${text}`, field, why));
    }
    const { id, method, input } = parsed.data;
    if (!isMethodName(method)) {
      const why = detail('request.unknownMethod', { method });
      return refused(id, refusal('not_found', `no method ${method}`, 'method', why));
    }
    if (isHttpOnly(method)) {
      const guest = guestRefusal(method, caller);
      if (guest) return refused(id, guest);
      const why = detail('request.httpOnly', { method });
      const text = `${method} takes or gives a file: send it over HTTP`;
      return refused(id, refusal('invalid_input', text, 'method', why));
    }
    try {
      const outcome = await dispatch(method, input ?? {}, caller);
      if (!outcome.ok) return refused(id, outcome);
      return { kind: 'answer', id, ok: true, output: outcome.output };
    } catch (error) {
      const errorId = newErrorId();
      log(`roundtable: error ${errorId}: call ${method} over /ws failed: ${describeThrown(error)}`);
      const message = `internal error (error id ${errorId}); the server goes on`;
      // Worded by the client as over HTTP, the id kept for the organizer to quote.
      const internal = {
        code: 'internal' as const,
        message,
        errorId,
        ...detail('server.internal', { errorId }),
      };
      return refused(id, { ok: false, status: 500, error: internal });
    }
  }

  return {
    /** A message that was not JSON, or not an object: answered without an id. */
    unreadable(notObject: boolean): WsAnswer {
      const why = detail(notObject ? 'body.notObject' : 'body.notJson');
      const text = notObject ? 'message: must be a JSON object' : 'message: not valid JSON';
      return refused(null, refusal('invalid_input', text, 'body', why));
    },
    /** Answers one call through `reply`, after its transaction has committed. */
    handle(message: unknown, caller: Caller, reply: (answer: WsAnswer) => void): void {
      answerOf(message, caller).then(reply, (error: unknown) => {
        log(`roundtable: answering a call over /ws failed: ${describeThrown(error)}`);
      });
    },
  };
}
export type WsCalls = ReturnType<typeof createWsCalls>;
