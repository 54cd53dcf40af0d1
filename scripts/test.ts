/**
 * `npm test`: everything a change must pass, in the order that fails fastest: lint and format,
 * types (the Electron shell against Electron's own types included), unit and integration tests,
 * then the Playwright end-to-end tests in Chromium. Ends with one line of totals.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(process.execPath, step.args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failedSteps.push(step.name);
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

console.log(
  failedSteps.length ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nAll steps passed.',
);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
