import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { z } from 'zod';
import { contract, type MethodName } from '../api/contract.ts';
import { DUMMY_IDS, validInputs } from './test-support/contract-samples.ts';
import { describeMiss, expectNoMisses, send, type Answer } from './test-support/route-walk.ts';
import { startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * Unknown fields are refused, not ignored, so a typo ("titel") is never silently lost: walked
 * over every input schema of the contract, at the schema and over HTTP.
 */
const UNKNOWN = 'zzUnknown';
const methods = Object.keys(contract) as MethodName[];
const samples: Partial<Record<MethodName, object>> = validInputs(DUMMY_IDS);
const sampleOf = (name: MethodName) => {
  const sample = samples[name];
  if (!sample)
    throw new Error(`no valid sample input for ${name} in test-support/contract-samples.ts`);
  return sample as Record<string, unknown>;
};
const inputOf = (name: MethodName) => contract[name].input as z.ZodType;

describe('every input schema of the contract', () => {
  it.each(methods)('%s: a valid sample parses', (name) => {
    const parsed = inputOf(name).safeParse(sampleOf(name));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(methods)('%s: refuses one unknown field, and names it', (name) => {
    const parsed = inputOf(name).safeParse({ ...sampleOf(name), [UNKNOWN]: 1 });
    expect(parsed.success, `${name} accepted ${UNKNOWN}`).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: [UNKNOWN] }),
    ]);
  });
});

/** How a route takes its inputs, and so where an unknown field can arrive. */
function kindOf(name: MethodName): string {
  const spec = contract[name] as { http: string; fileBody?: unknown };
  if (spec.fileBody) return 'file body (others in the query)';
  return spec.http === 'GET' || spec.http === 'DELETE' ? `${spec.http} query` : `${spec.http} body`;
}

/** The route's path filled from the sample, and the sample's other fields. */
function splitSample(name: MethodName) {
  const rest = { ...sampleOf(name) };
  const path = contract[name].path.replace(/:(\w+)/g, (_, param: string) => {
    const value = rest[param];
    if (typeof value !== 'string') throw new Error(`${name}: the sample has no ${param}`);
    delete rest[param];
    return encodeURIComponent(value);
  });
  const fileField = (contract[name] as { fileBody?: { field: string } }).fileBody?.field;
  if (fileField) delete rest[fileField];
  return { path, rest };
}

function toQuery(name: MethodName, fields: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'object' && value !== null) {
      throw new Error(`${name}: ${key} cannot travel in a query string`);
    }
    query.set(key, String(value));
  }
  return `?${query}`;
}

describe('every route of the contract over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let events: Json[];
  let ws: WebSocket;
  const changes = () =>
    (server.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  beforeAll(async () => {
    server = await startTestServer();
    const url = new URL(`/ws?token=${TEST_TOKEN}`, server.url);
    url.protocol = 'ws:';
    ws = new WebSocket(url);
    events = [];
    ws.on('message', (data) => events.push(JSON.parse(String(data)) as Json));
    await new Promise((resolve) => ws.once('open', resolve));
  });
  afterAll(async () => {
    ws.close();
    await server.cleanup();
  });

  const refused = (a: Answer) =>
    a.status === 400 &&
    a.code === 'invalid_input' &&
    a.field === UNKNOWN &&
    a.message?.includes(UNKNOWN) === true;

  /** The requests of one method, each with the unknown field where that route takes inputs. */
  function requestsOf(name: MethodName) {
    const { path, rest } = splitSample(name);
    const withUnknown = { ...rest, [UNKNOWN]: 1 };
    const token = TEST_TOKEN;
    if (kindOf(name).startsWith('file body')) {
      const body = new Uint8Array([0x61, 0x0a]);
      return [{ where: 'in the query', path: path + toQuery(name, withUnknown), token, body }];
    }
    if (kindOf(name).endsWith('query')) {
      return [{ where: 'in the query', path: path + toQuery(name, withUnknown), token }];
    }
    const contentType = 'application/json';
    const queried = path + toQuery(name, { [UNKNOWN]: 1 });
    return [
      { where: 'in the body', path, token, contentType, body: JSON.stringify(withUnknown) },
      { where: 'in the query', path: queried, token, contentType, body: JSON.stringify(rest) },
    ];
  }

  it('answers 400 naming the unknown field, wherever it travels, and writes nothing', async () => {
    const writes = changes();
    const kinds = new Set(methods.map(kindOf));
    const misses: string[] = [];
    for (const name of methods) {
      const { http } = contract[name];
      for (const { where, path, ...options } of requestsOf(name)) {
        const answer = await send(server.url, http, path, options);
        if (!refused(answer))
          misses.push(describeMiss(`${name}, ${where}:`, { http, path }, answer));
      }
    }
    expectNoMisses(misses);
    expect([...kinds].sort()).toEqual([
      'DELETE query',
      'GET query',
      'PATCH body',
      'POST body',
      'file body (others in the query)',
    ]);
    expect(changes(), 'rows written').toBe(writes);
    expect(events.map((e) => e.kind)).toEqual(['hello']);
  });

  it('refuses an unknown field in the access-code exchange too, naming it', async () => {
    await send(server.url, 'POST', '/api/sharing', {
      token: TEST_TOKEN,
      contentType: 'application/json',
      body: JSON.stringify({ enabled: true }),
    });
    const code = (server.handlers['sharing.get']({}) as { code: string }).code;
    const answer = await send(server.url, 'POST', '/api/session', {
      contentType: 'application/json',
      body: JSON.stringify({ code, role: 'notetaker', [UNKNOWN]: 1 }),
    });
    expect(answer).toMatchObject({ status: 400, code: 'invalid_input', field: UNKNOWN });
    expect(answer.message).toContain(UNKNOWN);
    expect(server.handlers['sharing.get']({}).devices).toEqual([]);
  });
});
