import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * What the server's main thread loads at its start is memory it holds all meeting long (the
 * issue-15 target is RSS ≤ 100 MiB with screens connected). The libraries that read tables and
 * write documents run in the import and export workers; one stray import of a class from their
 * module put ExcelJS (2 MB of code, 17 MiB of RSS) into every start. This walks the built server
 * from its entry along its static imports, as Node loads it, and names the packages it reaches.
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const serveDir = path.join(root, '.vite', 'serve');

/** The dependencies the main thread may load: the server itself and the rules it checks with. */
const MAIN_THREAD = new Set(['better-sqlite3', 'ws', 'zod', 'qrcode', 'pinyin-pro']);

const STATIC_IMPORT = /^(?:import|export)\s[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gm;

/** Files and bare packages reached from `entry` by static imports (dynamic import() is lazy). */
function reachedFrom(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, from = '', sideEffect = ''] of text.matchAll(STATIC_IMPORT)) {
      const specifier = from || sideEffect;
      if (specifier.startsWith('.')) queue.push(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith('node:')) bare.add(specifier);
    }
  }
  return { files, bare };
}

/** The package a bare specifier or a bundled file's `node_modules/<pkg>/` path names. */
const packageOf = (specifier: string) =>
  (specifier.startsWith('@') ? specifier.split('/').slice(0, 2) : specifier.split('/', 1)).join(
    '/',
  );

describe('the server main thread', () => {
  it('loads none of the dependencies that only the import and export workers need', () => {
    const dependencies = Object.keys(
      (
        JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
          dependencies: Record<string, string>;
        }
      ).dependencies,
    );
    const { files, bare } = reachedFrom(path.join(serveDir, 'serve.js'));
    const reached = new Set([...bare].map(packageOf));
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [, pkg = ''] of text.matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//g)) {
        reached.add(pkg);
      }
    }
    // The walk must see the server at all: ws and SQLite are what it serves with.
    expect(reached).toContain('ws');
    expect(reached).toContain('better-sqlite3');
    const strays = dependencies.filter((name) => reached.has(name) && !MAIN_THREAD.has(name));
    expect(strays, `loaded at every start by ${path.relative(root, serveDir)}/serve.js`).toEqual(
      [],
    );
  });
});
