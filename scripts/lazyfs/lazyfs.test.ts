import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMounted, lazyFsTestGate, mountLazyFs, type LazyFsMount } from './mount.ts';

const fuse = await lazyFsTestGate('lazyfs test');

let dir = '';
let disk = '';
let mnt = '';
let mount: LazyFsMount | null = null;
const file = (name: string) => path.join(mnt, name);

/** Cuts the power and mounts again, as the power-loss test does between kills. */
async function losePowerAndRemount() {
  const cut = await mount!.losePower();
  await mount!.unmount();
  mount = await mountLazyFs(disk, mnt);
  return cut;
}

describe.skipIf(fuse.skip)('lazyfs: a file system that loses unsynced data with the power', () => {
  beforeEach(async () => {
    fuse.require();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-lazyfs-'));
    [disk, mnt] = [path.join(dir, 'disk'), path.join(dir, 'mnt')];
    fs.mkdirSync(disk);
    fs.mkdirSync(mnt);
    mount = await mountLazyFs(disk, mnt);
  });
  afterEach(async () => {
    await mount?.unmount();
    mount = null;
    if (!dir) return;
    expect(isMounted(mnt)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('keeps what was fsynced and loses what was written after, though both were readable', async () => {
    const fd = fs.openSync(file('log'), 'w');
    fs.writeSync(fd, 'synced.');
    fs.fsyncSync(fd);
    fs.writeSync(fd, 'not synced.');
    fs.closeSync(fd); // closing is not syncing
    expect(fs.readFileSync(file('log'), 'utf8')).toBe('synced.not synced.');
    expect(fs.readFileSync(path.join(disk, 'log'), 'utf8')).toBe('synced.');

    const cut = await losePowerAndRemount();
    expect(cut).toEqual({ files: 1, bytes: 4096 });
    expect(fs.readFileSync(file('log'), 'utf8')).toBe('synced.');
  });

  it('fdatasync counts as a sync; an overwrite in the middle of a page is kept in the cache', async () => {
    fs.writeFileSync(path.join(disk, 'pages'), Buffer.alloc(10_000, 'a'));
    const fd = fs.openSync(file('pages'), 'r+');
    fs.writeSync(fd, 'BB', 5000);
    fs.fdatasyncSync(fd);
    fs.writeSync(fd, 'CC', 9000);
    fs.closeSync(fd);
    await losePowerAndRemount();
    const data = fs.readFileSync(file('pages'), 'latin1');
    expect(data.length).toBe(10_000);
    expect(data.slice(4999, 5003)).toBe('aBBa');
    expect(data.slice(8999, 9003)).toBe('aaaa');
  });

  it('caches a truncate and an extension until fsync', async () => {
    fs.writeFileSync(path.join(disk, 'sized'), 'x'.repeat(6000));
    fs.truncateSync(file('sized'), 100);
    fs.appendFileSync(file('sized'), 'y');
    expect(fs.statSync(file('sized')).size).toBe(101);
    expect(fs.statSync(path.join(disk, 'sized')).size).toBe(6000);
    await losePowerAndRemount();
    expect(fs.readFileSync(file('sized'), 'utf8')).toBe('x'.repeat(6000));

    const fd = fs.openSync(file('sized'), 'r+');
    fs.ftruncateSync(fd, 3);
    fs.ftruncateSync(fd, 5000); // the bytes past 3 come back as zeros, not as the old x's
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    await losePowerAndRemount();
    const data = fs.readFileSync(file('sized'));
    expect(data.length).toBe(5000);
    expect(data.subarray(0, 3).toString()).toBe('xxx');
    expect(data.subarray(3).every((b) => b === 0)).toBe(true);
  });

  it('passes metadata through at once: a file created and never synced survives, empty', async () => {
    fs.mkdirSync(file('folder'));
    fs.writeFileSync(file('folder/new'), 'never synced');
    fs.writeFileSync(file('gone'), 'x');
    fs.unlinkSync(file('gone'));
    await losePowerAndRemount();
    expect(fs.readFileSync(file('folder/new'), 'utf8')).toBe('');
    expect(fs.existsSync(file('gone'))).toBe(false);
  });

  it('refuses every change after the power is lost, until mounted again', async () => {
    const fd = fs.openSync(file('late'), 'w');
    await mount!.losePower();
    expect(() => fs.writeSync(fd, 'too late')).toThrow(/EIO/);
    expect(() => fs.fsyncSync(fd)).toThrow(/EIO/);
    fs.closeSync(fd);
    expect(() => fs.mkdirSync(file('dir'))).toThrow(/EIO/);
  });
});
