import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../api/contract.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { DUMMY_IDS, validInputs } from './test-support/contract-samples.ts';
import { describeMiss, expectNoMisses, send } from './test-support/route-walk.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * Text with half of a UTF-16 surrogate pair ("\ud800" in JSON) cannot be stored as sent: SQLite
 * keeps UTF-8, where it becomes U+FFFD, while the answer echoed it as sent. It is refused at the
 * boundary instead, naming the field, in every text field of every request: the fields are found
 * by walking the contract's input schemas, so a new one is covered without being listed here.
 */
const LONE_HIGH = '前\ud800后';
const LONE_LOW = '前\udc00后';

type Path = (string | number)[];

/** Every path to a string in what a schema accepts (`attendees.0` for an array of text). */
function textPaths(schema: z.ZodType, at: Path = []): Path[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'string':
      return [at];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
        textPaths(field, [...at, key]),
      );
    case 'array':
      return textPaths(def.element as z.ZodType, [...at, 0]);
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((item, index) => textPaths(item, [...at, index]));
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return textPaths(def.innerType as z.ZodType, at);
    case 'pipe':
      return textPaths(def.in as z.ZodType, at);
    case 'union': {
      const paths = (def.options as z.ZodType[]).flatMap((option) => textPaths(option, at));
      return [...new Map(paths.map((p) => [p.join('.'), p])).values()];
    }
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'custom':
      return [];
    default:
      // A kind of schema the walk cannot see into could hide a text field: say so.
      throw new Error(`textPaths: teach it zod's "${String(def.type)}" (at ${at.join('.')})`);
  }
}

/** `sample` with `value` placed at `path` (arrays made as needed). */
function withValueAt(sample: Json, path: Path, value: string): Json {
  const copy = structuredClone(sample);
  let node: Json = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else node = node[key] = typeof path[i + 1] === 'number' ? [] : (node[key] ?? {});
  });
  return copy;
}

const samples = validInputs(DUMMY_IDS) as Record<MethodName, Json>;
/** Methods whose inputs travel as a JSON body: only JSON can carry a lone surrogate (a URL's
 * percent-encoding of one is not UTF-8, and decodes to U+FFFD or not at all). */
const jsonMethods = (Object.keys(contract) as MethodName[]).filter((name) => {
  const spec = contract[name] as { http: string; fileBody?: unknown };
  return !spec.fileBody && spec.http !== 'GET' && spec.http !== 'DELETE';
});

const paramsOf = (name: MethodName) =>
  new Set([...contract[name].path.matchAll(/:(\w+)/g)].map((m) => m[1]));

/** The route's path filled from the input, and the rest of the input as its JSON body. */
function requestOf(name: MethodName, input: Json) {
  const rest = { ...input };
  const path = contract[name].path.replace(/:(\w+)/g, (_, param: string) => {
    const value = String(rest[param]);
    delete rest[param];
    return encodeURIComponent(value);
  });
  return { path, body: JSON.stringify(rest) };
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());
const changes = () =>
  (server.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('text with a lone surrogate', () => {
  it('the walk finds the text fields of the contract', () => {
    const found = jsonMethods.flatMap((name) =>
      textPaths(contract[name].input as z.ZodType).map((p) => `${name} ${p.join('.')}`),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'notes.create text',
        'notes.update owner',
        'meetings.create title',
        'meetings.update attendees.0',
        'agenda.add speaker',
        'roster.add organization',
        'run.message text',
        'draw.make drawnBy',
      ]),
    );
  });

  it('is refused in every text field of every JSON request: 400 naming it, nothing written', async () => {
    const writes = changes();
    const misses: string[] = [];
    let walked = 0;
    for (const name of jsonMethods) {
      for (const path of textPaths(contract[name].input as z.ZodType)) {
        // A path parameter travels in the URL, where a lone surrogate cannot be written.
        if (paramsOf(name).has(String(path[0]))) continue;
        const { path: url, body } = requestOf(name, withValueAt(samples[name], path, LONE_HIGH));
        walked++;
        const field = path.join('.');
        const answer = await send(server.url, contract[name].http, url, {
          token: TEST_TOKEN,
          contentType: 'application/json',
          body,
        });
        const refused =
          answer.status === 400 &&
          answer.code === 'invalid_input' &&
          answer.field === field &&
          answer.message ===
            `${field}: the text has an invalid character (half of a UTF-16 surrogate pair)`;
        if (!refused)
          misses.push(
            describeMiss(`${name} ${field}:`, { http: contract[name].http, path: url }, answer),
          );
      }
    }
    expectNoMisses(misses);
    expect(walked).toBeGreaterThan(30);
    expect(changes(), 'rows written').toBe(writes);
  });

  it('a note with one is refused, not echoed as sent and stored as U+FFFD', async () => {
    const { meeting, items } = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE }))
      .body;
    const notesOf = async () =>
      (await api('GET', `/api/meetings/${meeting.id}/notes`)).body.notes as Json[];
    const before = await notesOf();
    const url = `/api/meetings/${meeting.id}/items/${items[0].id}/notes`;
    for (const [i, text] of [LONE_HIGH, LONE_LOW, '\ud800', `${'字'.repeat(20)}\udbff`].entries()) {
      const answer = await api('POST', url, { id: `lone-${i}`, kind: 'takeaway', text });
      expect(answer.status, JSON.stringify(text)).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'invalid_input',
        field: 'text',
        reason: 'field.illFormedText',
        params: { field: 'text' },
      });
    }
    expect(await notesOf()).toEqual(before);

    // A whole pair is a character like any other: saved, shown and stored the same.
    const emoji = '掌声👏（\ud83d\udc4f）';
    const created = await api('POST', url, { id: 'pair', kind: 'takeaway', text: emoji });
    expect(created.status).toBe(201);
    expect(created.body.text).toBe(emoji);
    expect((await notesOf()).find((n) => n.id === created.body.id)?.text).toBe(emoji);
  });
});
