import { beforeAll, expect, it } from 'vitest';

beforeAll(() => {
  throw new Error('the server did not start: the disk answered too slowly');
});

it('reads the roster', () => {
  expect(1).toBe(1);
});
