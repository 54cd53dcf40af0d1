import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where Electron's binary is, or why it is not there, found without loading the electron
 * package: loading it starts a download when the binary is missing, which hangs offline.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { missing: 'the electron package is not installed' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return fs.existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
  }
  if (!relative) return { missing: 'node_modules/electron/path.txt is missing' };
  const binary = path.join(pkg, 'dist', relative);
  return fs.existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}
