/**
 * Builds the renderer and the bundled server when their output is missing or older than their
 * sources, so `npm run serve`, `npm start` and the tests always run what the code says, without
 * a slow build every time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Target {
  name: string;
  output: string;
  sources: string[];
  config: string;
}

const targets: Target[] = [
  {
    name: 'pages',
    output: '.vite/renderer/index.html',
    sources: ['renderer', 'electron/api', 'electron/core', 'resources/public', 'vite.config.ts'],
    config: 'vite.config.ts',
  },
  {
    name: 'server',
    output: '.vite/serve/serve.js',
    sources: ['electron', 'vite.serve.config.ts', 'package-lock.json'],
    config: 'vite.serve.config.ts',
  },
];

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function buildIfStale(): void {
  for (const target of targets) {
    const builtAt =
      fs.statSync(path.join(root, target.output), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const changedAt = Math.max(...target.sources.map((s) => newestMtime(path.join(root, s))));
    if (builtAt >= changedAt) continue;
    console.log(`Building the Roundtable ${target.name}…`);
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(
      process.execPath,
      [vite, 'build', '-c', target.config, '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`building the ${target.name} failed`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildIfStale();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
