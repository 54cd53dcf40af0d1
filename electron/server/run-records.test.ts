import { describe, expect, it } from 'vitest';
import { TEST_TOKEN, type Json } from './test-support/test-server.ts';
import { sampleRunServer } from './test-support/sample-run.ts';
import { openScreenSocket } from './test-support/screen-socket.ts';

const sample = sampleRunServer();
const { post, getRun } = sample;
const recordOf = (run: Json, itemId: string | undefined): Json => {
  const record = (run.itemRuns as Json[]).find((r) => r.itemId === itemId);
  if (!record) throw new Error(`no record for ${itemId}`);
  return record;
};

describe('the run record over HTTP', () => {
  it('skip on the speaker who is talking ends the turn and keeps the time spoken', async () => {
    await post('next');
    await new Promise((r) => setTimeout(r, 20));
    const { body } = await post('skip');
    const opening = recordOf(body, sample.itemIds[0]);
    expect(opening).toMatchObject({ status: 'done', turns: 1 });
    expect(opening.elapsedMs).toBeGreaterThan(0);
    expect(opening.elapsedMs).toBe(opening.actualEndAt - opening.actualStartAt);
    expect(body).toMatchObject({ currentItemId: sample.itemIds[1], clock: null });
  });

  it('refuses to run a finished item again without "again": true, naming it, changing nothing', async () => {
    await post('goto', { itemId: sample.itemIds[0] });
    const before = await getRun();
    for (const command of ['next', 'start']) {
      const refused = await post(command);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'conflict', field: 'again' });
      expect(refused.body.error.message).toContain('主持人开场 has already spoken');
      expect(refused.body.error.message).toContain('"again": true');
      expect(refused.body.error).toMatchObject({
        reason: 'run.alreadySpoken',
        params: { item: '主持人开场' },
      });
    }
    expect((await post('next', { again: 'yes' })).body.error.field).toBe('again');
    expect({ ...(await getRun()), serverNow: 0 }).toEqual({ ...before, serverNow: 0 });
  });

  it('with "again": true, runs it again on the same record: first start kept, time added', async () => {
    const first = recordOf(await getRun(), sample.itemIds[0]);
    const { status, body } = await post('next', { again: true });
    expect(status).toBe(200);
    expect(body.currentItemId).toBe(sample.itemIds[0]);
    // The clock goes on from the time already spoken, not from full time.
    expect(body.clock.startedAt).toBeLessThanOrEqual(body.serverNow - first.elapsedMs);
    expect(recordOf(body, sample.itemIds[0])).toMatchObject({
      status: 'running',
      actualStartAt: first.actualStartAt,
      turns: 2,
    });
    await new Promise((r) => setTimeout(r, 20));
    const ended = recordOf((await post('stop')).body, sample.itemIds[0]);
    expect(ended).toMatchObject({ status: 'done', actualStartAt: first.actualStartAt, turns: 2 });
    expect(ended.elapsedMs).toBeGreaterThan(first.elapsedMs);
  });

  it('reads the same in the timing report afterwards', async () => {
    const res = await fetch(
      `${sample.server.url}/api/meetings/${sample.meetingId}/export/timing.csv`,
      {
        headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      },
    );
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toContain(',实际用时（多次发言为合计）,');
    expect(rows[1]).toMatch(/^1,开场,主持人开场,.*,已完成（发言 2 次）$/);
  });
});

const openScreen = async (role: 'lectern' | 'projector') =>
  (await openScreenSocket(sample.server.url, TEST_TOKEN, role)).ws;

describe('messages have a target', () => {
  const send = async (body: object) => (await post('message', body)).body;

  it('a message to the speaker goes to the projector when no lectern screen is connected, and says so', async () => {
    const projector = await openScreen('projector');
    try {
      expect(await send({ text: '请结束发言' })).toMatchObject({
        message: '请结束发言',
        messageTarget: 'projector',
        messageRedirected: true,
      });
      expect(await getRun()).toMatchObject({ messageTarget: 'projector', messageRedirected: true });
      // Free text the organizer sent to the lectern stays there.
      expect(
        await send({ text: '请看提词屏', target: 'lectern', projectorIfNoLectern: false }),
      ).toMatchObject({ messageTarget: 'lectern', messageRedirected: false });
    } finally {
      projector.close();
    }
  });

  it('goes to the lectern screen once one is connected, and to the target chosen', async () => {
    const lectern = await openScreen('lectern');
    try {
      expect(await send({ text: '请抓紧时间' })).toMatchObject({
        messageTarget: 'lectern',
        messageRedirected: false,
      });
      expect(await send({ text: '还有两位发言人', target: 'both' })).toMatchObject({
        message: '还有两位发言人',
        messageTarget: 'both',
      });
      expect(await send({ text: '请关闭手机', target: 'projector' })).toMatchObject({
        messageTarget: 'projector',
        messageRedirected: false,
      });
    } finally {
      lectern.close();
    }
    // Once the lectern's socket is gone, the speaker's messages go to the projector again.
    let after = await send({ text: '请结束发言' });
    while (!after.messageRedirected) after = await send({ text: '请结束发言' });
    expect(after.messageTarget).toBe('projector');
  });

  it('refuses a target that is not a screen', async () => {
    const bad = await post('message', { text: '请抓紧时间', target: 'hall' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('target');
  });
});
