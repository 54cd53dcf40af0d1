/**
 * `npm run bench`: every benchmark of the project, one table of figures.
 * `npm run bench -- --json <file>` also writes the rows as JSON.
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

const { values } = parseArgs({ options: { json: { type: 'string' } } });

const rows: BenchRow[] = [
  ...(await benchServeReady()),
  ...(await benchRunLatency()),
  ...(await benchDisplayError()),
  ...(await benchNotes()),
  ...(await benchExports()),
  ...(await benchImport()),
  ...(await benchHeavyJobs()),
  ...(await benchConsoleProfile()),
];

for (const line of machineAndVersions()) console.log(line);
const width = Math.max(...rows.map((r) => r.name.length));
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${row.value.toFixed(1).padStart(9)} ${row.unit}`);
}
if (values.json) fs.writeFileSync(values.json, JSON.stringify(rows, null, 2));
