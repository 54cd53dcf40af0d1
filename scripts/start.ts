/**
 * `npm start`: the desktop app when Electron's binary is here; otherwise the same app in browser
 * mode (the local server, opened in the default browser), saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.ts';
import { findElectronBinary } from './electron-binary.ts';
import { SERVE_NODE_FLAGS } from './serve-flags.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function forwardSignals(child: ReturnType<typeof spawn>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The system's way to open an address in the default browser, where there is a browser. */
function browserOpener(): [string, string[]] | undefined {
  if (process.platform === 'darwin') return ['open', []];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  return display && hasCommand('xdg-open') ? ['xdg-open', []] : undefined;
}

const electron = findElectronBinary();
if ('path' in electron) {
  const forge = path.join(
    root,
    'node_modules',
    '@electron-forge',
    'cli',
    'dist',
    'electron-forge.js',
  );
  const cli = fs.existsSync(forge)
    ? forge
    : path.join(root, 'node_modules', '.bin', 'electron-forge');
  forwardSignals(
    spawn(process.execPath, [cli, 'start', ...(args.length ? ['--', ...args] : [])], {
      cwd: root,
      stdio: 'inherit',
    }),
  );
} else {
  console.log(
    `Electron's binary is not installed (${electron.missing}), so Roundtable runs in browser mode: ` +
      'the same app, served locally and opened in a browser. For the desktop window, install the ' +
      'binary on a machine with internet: node node_modules/electron/install.js',
  );
  buildIfStale();
  const server = spawn(
    process.execPath,
    [...SERVE_NODE_FLAGS, path.join(root, '.vite', 'serve', 'serve.js'), ...args],
    { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
  );
  forwardSignals(server);
  let opened = false;
  server.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const url = /Roundtable ready: (\S+)/.exec(chunk.toString())?.[1];
    if (!url || opened) return;
    opened = true;
    const opener = browserOpener();
    if (!opener) {
      console.log('No browser to open here: open the address above in a browser.');
      return;
    }
    const [command, extra] = opener;
    spawn(command, [...extra, url], { stdio: 'ignore', detached: true }).unref();
  });
}
