import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { contract, type MethodName } from '../api/contract.ts';
import { DUMMY_IDS, validInputs } from './test-support/contract-samples.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

/**
 * An update names the fields it changes and leaves the rest alone. A schema made with `.partial()`
 * over fields that carry a `.default()` fills the default in for every field not sent, so a
 * script's PATCH of the title alone would blank the organizer, the logo and the 纪要标志. Walks
 * every PATCH method of the contract.
 */
const samples = validInputs(DUMMY_IDS) as Record<MethodName, Record<string, unknown>>;
const patches = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].http === 'PATCH');

describe('an update changes only what it names', () => {
  it('walks some PATCH methods', () => {
    expect(patches).toContain('meetings.update');
  });

  it.each(patches)('%s: nothing but the fields sent comes out of its schema', (method) => {
    const schema = contract[method].input as z.ZodType;
    const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
    // The fields the request cannot leave out (the ids, mostly), from the method's own sample.
    const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
    const minimal = Object.fromEntries(required.map((key) => [key, samples[method][key]]));
    const parsed = schema.safeParse(minimal);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(Object.keys(parsed.data as object).sort()).toEqual(required.sort());
  });
});

it('a script that renames a meeting keeps its organizer, theme and 纪要标志', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-patch-'));
  const server = await startTestServer(dataDir);
  try {
    const api = jsonApi(server.url, TEST_TOKEN);
    const id = (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body.meeting
      .id as string;
    const set = {
      organizer: '中共深圳市龙岗区委组织部',
      slideTheme: 'neutral',
      minutesMark: '组织工作纪要',
    };
    expect((await api('PATCH', `/api/meetings/${id}`, set)).status).toBe(200);
    const renamed = await api('PATCH', `/api/meetings/${id}`, { title: '改过的标题' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.meeting).toMatchObject({ title: '改过的标题', ...set });
  } finally {
    await server.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
