import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './test-support/test-server.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-persist-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('a restart', () => {
  it('finds every meeting and the agenda order as they were', async () => {
    const first = await startTestServer(dataDir);
    const sample = first.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    const ids = sample.items.map((i) => i.id);
    const reversed = [...ids].reverse();
    first.handlers['agenda.reorder']({ id: sample.meeting.id, itemIds: reversed });
    first.handlers['meetings.update']({ id: sample.meeting.id, venue: '龙岗区委礼堂' });
    await first.cleanup();

    const second = await startTestServer(dataDir);
    const again = second.handlers['meetings.get']({ id: sample.meeting.id });
    expect(again.meeting.venue).toBe('龙岗区委礼堂');
    expect(again.items.map((i) => i.id)).toEqual(reversed);
    expect(second.handlers['meetings.list']({}).meetings).toHaveLength(1);
    await second.cleanup();
  });
});
