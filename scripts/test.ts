/**
 * `npm test`: everything a change must pass, in the order that fails fastest: lint and format,
 * types (the Electron shell against Electron's own types included), unit and integration tests,
 * then the Playwright end-to-end tests in Chromium. Ends with what each failed step said of its
 * failure, then one line of totals: a CI log often keeps only its end, and a step that failed
 * without a failed test (a hook, a crashed worker, an error outside any test) must say why there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureExcerpt } from './failure-excerpt.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
const reports = path.join(root, '.reports');
fs.mkdirSync(reports, { recursive: true });

interface Step {
  name: string;
  args: string[];
}

const steps: Step[] = [
  { name: 'eslint', args: [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0'] },
  {
    name: 'prettier',
    args: [bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level', 'warn'],
  },
  { name: 'typecheck', args: [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'] },
  {
    name: 'unit',
    args: [
      bin('vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(reports, 'unit.json')}`,
    ],
  },
  { name: 'e2e', args: [bin('@playwright/test', 'cli.js'), 'test'] },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];
const failures: string[] = [];

/** Runs a step with its output shown as it comes, and kept to be quoted should it fail. */
function runStep(step: Step): Promise<{ ended: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, {
      cwd: root,
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      chunks.push(chunk);
    });
    child.on('close', (code, signal) =>
      resolve({
        ended: code === 0 ? null : signal ? `ended by ${signal}` : `exit code ${code}`,
        // Decoded whole: a chunk can end inside a character.
        output: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const { ended, output } = await runStep(step);
  if (ended === null) continue;
  failedSteps.push(step.name);
  failures.push(
    `\n▶ ${step.name} failed (${ended}); what it said of it:\n${failureExcerpt(output)}`,
  );
}

const readJson = (file: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(fs.readFileSync(path.join(reports, file), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};
const unit = readJson('unit.json');
if (unit) {
  totals.passed += Number(unit.numPassedTests ?? 0);
  totals.failed += Number(unit.numFailedTests ?? 0);
  totals.skipped += Number(unit.numPendingTests ?? 0) + Number(unit.numTodoTests ?? 0);
}
const e2e = readJson('e2e.json')?.stats as Record<string, number> | undefined;
if (e2e) {
  totals.passed += (e2e.expected ?? 0) + (e2e.flaky ?? 0);
  totals.failed += e2e.unexpected ?? 0;
  totals.skipped += e2e.skipped ?? 0;
}
// A step that fails without failing a test (lint, types) still fails the run.
totals.failed += failedSteps.filter((s) => s !== 'unit' && s !== 'e2e').length;

failures.forEach((failure) => console.log(failure));
console.log(
  failedSteps.length ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nAll steps passed.',
);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
