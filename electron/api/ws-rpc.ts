import { z } from 'zod';
import { apiErrorSchema } from './contract.ts';

/**
 * A command sent as a message on a screen's open WebSocket (/ws) instead of an HTTP request:
 * the same method names, inputs, role checks and refusals as the HTTP routes (the server runs
 * both through one dispatcher), without a request's parse and wake-up per command. `input` is
 * the whole input object, path parameters included (`{ id, itemId, … }`).
 */
export const wsCallSchema = z.object({
  kind: z.literal('call'),
  /** Chosen by the client, unique among its calls still waiting; the answer carries it back. */
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  method: z.string().max(100),
  /**
   * Kept as parsed, not copied: a copy made by assignment would turn a `"__proto__"` key into the
   * object's prototype, where HTTP's input (built by spreading) keeps it as a key the contract's
   * strict schemas refuse. The same input, the same refusal.
   */
  input: z
    .custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      'must be an object',
    )
    .optional(),
});
export type WsCall = z.infer<typeof wsCallSchema>;

/**
 * A well-formed call read without zod: exactly the messages wsCallSchema accepts (unknown keys
 * dropped, as it drops them), undefined for any other, which the schema then refuses with its
 * field and reason. The server reads every command this way on its way to the screens, where a
 * schema's parse was a tenth of the work before they are told; `ws-rpc.test.ts` holds the two to
 * the same answers over valid calls and the malformed corpus.
 */
export function plainWsCall(message: Record<string, unknown>): WsCall | undefined {
  const { kind, id, method, input } = message;
  if (kind !== 'call' || typeof method !== 'string' || method.length > 100) return undefined;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return undefined;
  if (input === undefined) return { kind, id, method };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return { kind, id, method, input: input as Record<string, unknown> };
}

/**
 * The answer to one call, sent only after its transaction has committed. A refusal carries the
 * HTTP status and error body that the same request over HTTP would have had. `id` is null when
 * the message could not be read far enough to find it (not JSON, no id).
 */
export const wsAnswerSchema = z.discriminatedUnion('ok', [
  z.object({
    kind: z.literal('answer'),
    id: z.number(),
    ok: z.literal(true),
    output: z.unknown(),
  }),
  z.object({
    kind: z.literal('answer'),
    id: z.number().nullable(),
    ok: z.literal(false),
    status: z.number(),
    error: apiErrorSchema.shape.error,
  }),
]);
export type WsAnswer = z.infer<typeof wsAnswerSchema>;

/**
 * The largest message a screen may send. Over it the server closes the socket (1009): a note
 * (10,000 characters) fits many times over; a larger call goes over HTTP, whose limit is 1 MiB.
 */
export const WS_MAX_MESSAGE_BYTES = 64 * 1024;
