import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_FILE_NAME,
  listenPreferring,
  recallAddress,
  rememberAddress,
} from './remembered-address.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-address-'));
  dirs.push(dir);
  return dir;
};
const servers: http.Server[] = [];
afterAll(() => {
  servers.forEach((s) => s.close());
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the remembered port and organizer token', () => {
  it('gives a new token and no port on a first start', () => {
    const recalled = recallAddress(tempDir());
    expect(recalled.port).toBeNull();
    expect(recalled.token).toMatch(/^[\w-]{32}$/);
    expect(recalled.tokenIssued).toBeNull();
  });

  it('keeps both for the next start, in a file only the owner may read (0600), whatever the umask', () => {
    const dir = tempDir();
    const before = process.umask(0o000);
    try {
      rememberAddress(dir, 43125, 'a'.repeat(32));
    } finally {
      process.umask(before);
    }
    const file = path.join(dir, ADDRESS_FILE_NAME);
    expect(modeOf(file).toString(8)).toBe('600');
    expect(recallAddress(dir)).toEqual({ port: 43125, token: 'a'.repeat(32), tokenIssued: null });
    // Replaced whole, and still 0600, with no temporary file left beside it.
    rememberAddress(dir, 43126, 'b'.repeat(32));
    expect(modeOf(file).toString(8)).toBe('600');
    expect(recallAddress(dir).port).toBe(43126);
    expect(fs.readdirSync(dir)).toEqual([ADDRESS_FILE_NAME]);
  });

  it('voids a token other users could have read, and keeps the port', () => {
    const dir = tempDir();
    rememberAddress(dir, 43127, 'c'.repeat(32));
    fs.chmodSync(path.join(dir, ADDRESS_FILE_NAME), 0o644);
    const recalled = recallAddress(dir);
    expect(recalled.port).toBe(43127);
    expect(recalled.token).not.toBe('c'.repeat(32));
    expect(recalled.tokenIssued).toContain('readable by other users');
  });

  it('starts afresh from a damaged or foreign file', () => {
    const dir = tempDir();
    const file = path.join(dir, ADDRESS_FILE_NAME);
    fs.writeFileSync(file, '{"port": 80', { mode: 0o600 });
    expect(recallAddress(dir).port).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ port: 70000, token: 'short' }), { mode: 0o600 });
    const recalled = recallAddress(dir);
    expect(recalled.port).toBeNull();
    expect(recalled.token).toMatch(/^[\w-]{32}$/);
    expect(recalled.tokenIssued).toContain('had none');
  });
});

describe('listening on the remembered port', () => {
  const holdAPort = async () => {
    const holder = http.createServer();
    servers.push(holder);
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    return (holder.address() as AddressInfo).port;
  };

  it('takes a free port when another program holds it, and says which it wanted', async () => {
    const taken = await holdAPort();
    const server = http.createServer();
    servers.push(server);
    const listening = await listenPreferring(server, taken, '127.0.0.1', true);
    expect(listening.takenPort).toBe(taken);
    expect(listening.port).not.toBe(taken);
    expect((server.address() as AddressInfo).port).toBe(listening.port);
  });

  it('fails on a taken port that was asked for by name (--port)', async () => {
    const taken = await holdAPort();
    const server = http.createServer();
    servers.push(server);
    await expect(listenPreferring(server, taken, '127.0.0.1', false)).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });

  it('gets the port it wants when it is free', async () => {
    const free = await holdAPort();
    await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));
    const server = http.createServer();
    servers.push(server);
    expect(await listenPreferring(server, free, '127.0.0.1', true)).toEqual({
      port: free,
      takenPort: null,
    });
  });
});
