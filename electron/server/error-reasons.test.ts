import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ERROR_REASONS, type ApiErrorDetail } from '../api/error-reasons.ts';
import { contract } from '../api/contract.ts';
import { describeIssue } from './routes.ts';

const detailOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return describeIssue(parsed.error?.issues[0]);
};

const known = (d: ApiErrorDetail) => {
  expect(Object.keys(API_ERROR_REASONS)).toContain(d.reason);
  const names = API_ERROR_REASONS[d.reason] as readonly string[];
  expect(Object.keys(d.params ?? {}).sort()).toEqual([...names].sort());
  return d;
};

describe('a refused input carries a reason the client can word', () => {
  it('names the schema issue by kind, with its limit', () => {
    const input = contract['meetings.create'].input;
    expect(known(detailOf(input, { title: '', date: '2026-12-01' }).detail)).toEqual({
      reason: 'field.required',
      params: { field: 'title' },
    });
    expect(
      known(detailOf(input, { title: 'x'.repeat(1000), date: '2026-12-01' }).detail),
    ).toMatchObject({
      reason: 'field.tooLong',
      params: { field: 'title' },
    });
    expect(known(detailOf(input, { title: 'x', date: '2026-12-01', extra: 1 }).detail)).toEqual({
      reason: 'field.unknown',
      params: { field: 'extra' },
    });
    expect(known(detailOf(input, { title: 7, date: '2026-12-01' }).detail).reason).toBe(
      'field.invalidType',
    );
    expect(known(detailOf(z.object({ n: z.number().max(10) }), { n: 11 }).detail)).toEqual({
      reason: 'field.tooBig',
      params: { field: 'n', max: 10 },
    });
    expect(known(detailOf(z.object({ d: z.iso.date() }), { d: 'x' }).detail).reason).toBe(
      'field.invalidFormat',
    );
    expect(known(detailOf(z.object({ k: z.enum(['a']) }), { k: 'b' }).detail).reason).toBe(
      'field.invalidValue',
    );
  });
});
