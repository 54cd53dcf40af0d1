import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { startTestServer } from './test-support/test-server.ts';
import { sampleRunServer } from './test-support/sample-run.ts';

const MIN = 60_000;
const sample = sampleRunServer();
const { post, getRun } = sample;

/** 按时结束 (issue 17): a plan's new limits applied over HTTP, undone, and counted down. */
describe('finishing on time over the HTTP control API', () => {
  const plan = () => ({
    changes: [
      { itemId: sample.itemIds[1], toMinutes: 5.5 },
      { itemId: sample.itemIds[2], toMinutes: 5 },
    ],
  });

  it('applies the plan in one command: the run shows the new limits and offers undo', async () => {
    await post('next');
    const { status, body } = await post('finish-on-time', plan());
    expect(status).toBe(200);
    expect(body.adjustedLimits).toEqual({
      [sample.itemIds[1] as string]: 5.5,
      [sample.itemIds[2] as string]: 5,
    });
    expect(body.finishOnTimeUndoable).toBe(true);
    // The speaker on stage keeps the limit they started with.
    expect(body.clock.plannedMs).toBe(5 * MIN);
  });

  it('undoes it before the next speaker starts, putting the planned limits back', async () => {
    const undone = (await post('undo-finish-on-time')).body;
    expect(undone.adjustedLimits).toEqual({});
    expect(undone.finishOnTimeUndoable).toBe(false);
  });

  it('counts the next speaker down from the new limit, and refuses undo once they started', async () => {
    await post('finish-on-time', plan());
    const next = (await post('next')).body;
    expect(next.currentItemId).toBe(sample.itemIds[1]);
    expect(next.clock.plannedMs).toBe(5.5 * MIN);
    expect(next.finishOnTimeUndoable).toBe(false);
    const refused = await post('undo-finish-on-time');
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('run.finishOnTimeUndoClosed');
    expect((await getRun()).adjustedLimits[sample.itemIds[2] as string]).toBe(5);
  });

  it('refuses a plan naming an item not on the agenda, or a limit not in half minutes', async () => {
    const stray = await post('finish-on-time', { changes: [{ itemId: 'nope', toMinutes: 5 }] });
    expect(stray.status).toBe(409);
    expect(stray.body.error.reason).toBe('run.unknownItem');
    const odd = await post('finish-on-time', {
      changes: [{ itemId: sample.itemIds[3], toMinutes: 5.2 }],
    });
    expect(odd.status).toBe(400);
    expect((await getRun()).adjustedLimits[sample.itemIds[3] as string]).toBeUndefined();
  });
});

describe('the new limits after a restart', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-finish-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('are still the run’s, and the undo still offered if no one started since', async () => {
    const first = await startTestServer(dataDir);
    const made = first.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    const id = made.meeting.id;
    const later = made.items[2]?.id as string;
    first.handlers['run.next']({ id });
    first.handlers['run.finishOnTime']({ id, changes: [{ itemId: later, toMinutes: 6 }] });
    await first.cleanup();

    const second = await startTestServer(dataDir);
    const run = second.handlers['run.get']({ id });
    expect(run.adjustedLimits).toEqual({ [later]: 6 });
    expect(run.finishOnTimeUndoable).toBe(true);
    expect(second.handlers['run.undoFinishOnTime']({ id }).adjustedLimits).toEqual({});
    await second.cleanup();
  });
});
