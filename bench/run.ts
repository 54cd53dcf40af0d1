/**
 * `npm run bench`: every benchmark of the project, one table of figures.
 * `npm run bench -- --json <file>` also writes the rows as JSON.
 * `npm run bench -- --only heavy` (or any of SECTIONS' names, repeated) runs only those.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { benchConsoleProfile } from './console-profile.ts';
import { benchDisplayError } from './display-error.ts';
import { benchExports } from './exports.ts';
import { benchHeavyJobs } from './heavy-jobs.ts';
import { benchImport } from './import.ts';
import { benchNotes } from './notes.ts';
import { benchRunLatency } from './run-latency.ts';
import { benchServeReady } from './serve-ready.ts';
import type { BenchRow } from './stats.ts';
import { machineAndVersions } from './versions.ts';

const SECTIONS: Record<string, () => Promise<BenchRow[]>> = {
  ready: benchServeReady,
  latency: benchRunLatency,
  'display-error': benchDisplayError,
  notes: benchNotes,
  exports: benchExports,
  import: benchImport,
  heavy: benchHeavyJobs,
  console: benchConsoleProfile,
};

const { values } = parseArgs({
  options: { json: { type: 'string' }, only: { type: 'string', multiple: true } },
});
const unknown = (values.only ?? []).filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  throw new Error(
    `no bench section ${unknown.join(', ')}; there are ${Object.keys(SECTIONS).join(', ')}`,
  );
}

const rows: BenchRow[] = [];
for (const [name, bench] of Object.entries(SECTIONS)) {
  if (!values.only || values.only.includes(name)) rows.push(...(await bench()));
}

for (const line of machineAndVersions()) console.log(line);
const width = Math.max(...rows.map((r) => r.name.length));
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${row.value.toFixed(1).padStart(9)} ${row.unit}`);
}
if (values.json) fs.writeFileSync(values.json, JSON.stringify(rows, null, 2));
