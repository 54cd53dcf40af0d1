import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCERPT_LINES, failureExcerpt } from './failure-excerpt.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('what npm test quotes of a failed step at its end', () => {
  it('names the file and the error of a hook that failed, where no test failed', () => {
    // A real Vitest run: its only test is skipped, so the totals alone would say "0 failed".
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--root',
        path.join(ROOT, 'scripts', 'test-support', 'hook-fails'),
      ],
      { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } },
    );
    expect(run.status).toBe(1);
    const excerpt = failureExcerpt(run.stdout + run.stderr);
    expect(excerpt).toContain('hook.fixture.ts');
    expect(excerpt).toContain('the server did not start: the disk answered too slowly');
    expect(excerpt).not.toContain('\u001b[');
    expect(excerpt.split('\n').length).toBeLessThanOrEqual(EXCERPT_LINES + 1);
  });

  it('starts at Playwright’s first numbered failure, not at the list of tests run', () => {
    const output = [
      'Running 3 tests using 1 worker',
      '  ✓  1 e2e/a.spec.ts:5:1 › opens (1.0s)',
      '  ✘  2 e2e/b.spec.ts:9:1 › counts down (3.0s)',
      '  ✓  3 e2e/c.spec.ts:4:1 › closes (1.0s)',
      '',
      '  1) e2e/b.spec.ts:9:1 › counts down ──────',
      '    Error: expect(locator).toHaveText(expected) failed',
      '',
      '  1 failed',
      '  2 passed (5.0s)',
    ].join('\n');
    expect(failureExcerpt(output).split('\n')).toEqual([
      '  1) e2e/b.spec.ts:9:1 › counts down ──────',
      '    Error: expect(locator).toHaveText(expected) failed',
      '',
      '  1 failed',
      '  2 passed (5.0s)',
    ]);
  });

  it('keeps the first lines of a long account and says how many it left out', () => {
    const errors = Array.from({ length: 100 }, (_, n) => `src/f${n}.ts(1,1): error TS2322`);
    const excerpt = failureExcerpt(`${errors.join('\n')}\n\n`).split('\n');
    // No account begins anywhere: the last lines, which for tsc are its last errors.
    expect(excerpt).toHaveLength(EXCERPT_LINES);
    expect(excerpt.at(-1)).toBe('src/f99.ts(1,1): error TS2322');
    const vitest = ['⎯⎯⎯ Failed Tests 100 ⎯⎯⎯', ...errors].join('\n');
    const cut = failureExcerpt(vitest).split('\n');
    expect(cut).toHaveLength(EXCERPT_LINES + 1);
    expect(cut[0]).toBe('⎯⎯⎯ Failed Tests 100 ⎯⎯⎯');
    expect(cut.at(-1)).toBe(`… ${101 - EXCERPT_LINES} more lines in the output above`);
  });
});
