import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStartupError } from '../server/startup-error.ts';
import { startTestServer } from '../server/test-support/test-server.ts';
import { claimDataFolder, DataFolderError } from './data-folder.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-claim-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** What claimDataFolder throws, or undefined. */
function refusal(dataDir: string): DataFolderError | undefined {
  try {
    claimDataFolder(dataDir).release();
    return undefined;
  } catch (error) {
    if (error instanceof DataFolderError) return error;
    throw error;
  }
}

describe('claiming the data folder', () => {
  it('holds it until released, in this process too; releasing lets the next claim in', () => {
    const dataDir = tempDir();
    const claim = claimDataFolder(dataDir);
    expect(refusal(dataDir)?.message).toBe(`another Roundtable is using ${dataDir}.`);
    expect(refusal(dataDir)?.message).toBe(`another Roundtable is using ${dataDir}.`); // checking it did not drop it
    claim.release();
    expect(refusal(dataDir)).toBeUndefined();
  });

  it('keeps a second server of the same process out, and lets it in once the first closes', async () => {
    const dataDir = tempDir();
    const first = await startTestServer(dataDir);
    await expect(startTestServer(dataDir)).rejects.toThrow(
      `another Roundtable is using ${dataDir}.`,
    );
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    await first.cleanup();
    const second = await startTestServer(dataDir);
    await second.cleanup();
  });

  it('is told to serve in one line and to the desktop app in English and Chinese', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const error = refusal(file);
    expect(describeStartupError(error, 'serve-command')).toBe(
      `Roundtable cannot start: the data folder ${file} is a file, not a folder.`,
    );
    expect(describeStartupError(error, 'dialog-button')).toBe(
      `Roundtable cannot start: the data folder ${file} is a file, not a folder.\n` +
        `Roundtable 无法启动：数据文件夹 ${file} 是一个文件，不是文件夹。`,
    );
  });
});
