import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.ts';

const hasElectron = 'path' in findElectronBinary();

describe('npm start without the Electron binary', () => {
  it.skipIf(hasElectron)(
    // A detection that waited on Electron's download would never reach the ready line here.
    'says why, runs the app in browser mode and prints the ready line',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-start-'));
      const child = spawn(
        process.execPath,
        [path.join(import.meta.dirname, 'start.ts'), '--port', '0', '--data-dir', dataDir],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DISPLAY: '' } },
      );
      let output = '';
      const ready = new Promise<void>((resolve) => {
        child.stdout.on('data', (c: Buffer) => {
          output += c.toString();
          if (output.includes('open the address above')) resolve();
        });
      });
      await ready;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });

      expect(output).toContain('browser mode');
      expect(output).toContain('path.txt is missing');
      expect(output).toMatch(/Roundtable ready: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
    },
  );
});
