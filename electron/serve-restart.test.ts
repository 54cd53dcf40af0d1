import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADDRESS_FILE_NAME } from './server/remembered-address.ts';
import { SHARING_FILE_NAME } from './server/sharing-memory.ts';

/**
 * `npm run serve` started again on the same data folder, with the same command (no --port):
 * after a crash it is back on the same port with the same organizer token, and sharing that was
 * on is on again with the same code and devices; a deliberate stop turns sharing off for good.
 */
const serveScript = path.resolve(import.meta.dirname, 'serve.ts');
const dirs: string[] = [];
const children = new Set<ChildProcess>();
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-restart-'));
  dirs.push(dir);
  return dir;
};

interface Serving {
  port: number;
  token: string;
  readyLine: string;
  stderr: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The same command each time, as `npm run serve` would run it: no port given. */
function serve(dataDir: string): Promise<Serving> {
  const child = spawn(
    process.execPath,
    [serveScript, '--data-dir', dataDir, '--lan-address', '127.0.0.2'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stdout}${stderr}`)));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = /^Roundtable ready: .*$/m.exec(stdout)?.[0];
      const match = line && /127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(line);
      if (!line || !match) return;
      resolve({
        port: Number(match[1]),
        token: match[2] as string,
        readyLine: line,
        stderr: () => stderr,
        kill: (signal) =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => {
              children.delete(child);
              done();
            });
            child.kill(signal);
          }),
      });
    });
  });
}

async function api(origin: string, token: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${origin}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe('serve started again after a crash', () => {
  it('comes back on the same port with the same organizer token, kept 0600', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    expect(modeOf(path.join(dir, ADDRESS_FILE_NAME))).toBe('600');
    await first.kill('SIGKILL');
    const second = await serve(dir);
    expect({ port: second.port, token: second.token }).toEqual({
      port: first.port,
      token: first.token,
    });
    expect(second.readyLine).not.toContain('NEW PORT');
    expect(second.stderr()).not.toContain(second.token);
    await second.kill('SIGTERM');
    // A deliberate stop keeps the address too: screens left open find it after a planned restart.
    const third = await serve(dir);
    expect(third.port).toBe(first.port);
    await third.kill('SIGTERM');
  });

  it('says so on the ready line when another program took its port, and takes a free one', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    await first.kill('SIGKILL');
    const squatter = http.createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve));
    try {
      const second = await serve(dir);
      expect(second.port).not.toBe(first.port);
      expect(second.token).toBe(first.token);
      expect(second.readyLine).toContain(`NEW PORT: ${first.port}, the port of the last start`);
      await second.kill('SIGKILL');
    } finally {
      squatter.close();
    }
  });

  it('resumes sharing with the same code and devices; a deliberate stop turns it off', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    const organizer = `http://127.0.0.1:${first.port}`;
    const on = (await api(organizer, first.token, 'POST', '/api/sharing', { enabled: true })).body;
    const lan = (on.urls as string[])[0]?.replace(/\/$/, '') as string;
    const joined = await fetch(`${lan}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: on.code, role: 'notetaker' }),
    });
    const guest = (await joined.json()) as { token: string; deviceId: string };
    expect(modeOf(path.join(dir, SHARING_FILE_NAME))).toBe('600');
    expect(fs.readFileSync(path.join(dir, SHARING_FILE_NAME), 'utf8')).toContain(guest.token);
    await first.kill('SIGKILL');

    const second = await serve(dir);
    const after = (await api(organizer, second.token, 'GET', '/api/sharing')).body;
    expect(after).toMatchObject({ enabled: true, code: on.code, urls: on.urls });
    expect((after.devices as Array<{ id: string }>).map((d) => d.id)).toEqual([guest.deviceId]);
    expect((await api(lan, guest.token, 'GET', '/api/meetings')).status).toBe(200);
    expect(second.stderr()).not.toContain(guest.token);

    await second.kill('SIGTERM');
    expect(fs.existsSync(path.join(dir, SHARING_FILE_NAME))).toBe(false);
    const third = await serve(dir);
    expect((await api(organizer, third.token, 'GET', '/api/sharing')).body.enabled).toBe(false);
    await third.kill('SIGTERM');
  });
});
