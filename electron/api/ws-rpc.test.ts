import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from './contract.ts';
import { plainWsCall, wsCallSchema } from './ws-rpc.ts';
import { DUMMY_IDS, validInputs } from '../server/test-support/contract-samples.ts';

/*
 * The server reads each call on a screen's socket with plainWsCall, not the schema, on its way
 * to the screens (ws-calls.ts); the schema words the refusals. The two must accept the same
 * messages and read them the same way, or a call would be let through (or refused) that the
 * contract says otherwise.
 */

const inputs = validInputs(DUMMY_IDS);
const methods = Object.keys(contract) as MethodName[];

/** As a screen sends them: every method of the contract with a valid input, as JSON. */
const validCalls = methods.map((method, i) =>
  JSON.parse(JSON.stringify({ kind: 'call', id: i, method, input: inputs[method] })),
);

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'call',
  'x'.repeat(101),
  [],
  {},
  [1],
];

/** Each field of a valid call replaced by every bad value, dropped, or joined by an extra key. */
function mangled(call: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const field of ['kind', 'id', 'method', 'input']) {
    for (const value of BAD_VALUES) out.push({ ...call, [field]: value });
    const { [field]: _dropped, ...without } = call;
    out.push(without);
  }
  out.push({ ...call, extra: 1 });
  out.push({ ...call, id: Number.MAX_SAFE_INTEGER, method: 'm'.repeat(100) });
  out.push(JSON.parse('{"kind":"call","id":1,"method":"run.get","input":{"__proto__":{"a":1}}}'));
  return out;
}

describe('plainWsCall', () => {
  it('reads every method’s valid call without the schema, as the schema reads it', () => {
    for (const call of validCalls) {
      const plain = plainWsCall(call);
      expect(plain, call.method).toBeDefined();
      expect(plain).toEqual(wsCallSchema.parse(call));
    }
  });

  it('accepts exactly the messages the schema accepts, over every field mangled', () => {
    let refused = 0;
    for (const call of validCalls.slice(0, 5)) {
      for (const message of mangled(call)) {
        const byZod = wsCallSchema.safeParse(message);
        const plain = plainWsCall(message);
        expect(plain !== undefined, JSON.stringify(message)).toBe(byZod.success);
        if (plain && byZod.success) expect(plain).toEqual(byZod.data);
        if (!plain) refused += 1;
      }
    }
    // The corpus must hold refusals at all, or the check above says little.
    expect(refused).toBeGreaterThan(100);
  });
});
