import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawOrder } from '../core/draw.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

const sample = async () =>
  (await api('POST', '/api/meetings/sample', { date: SAMPLE_DATE })).body as Json;
const labels = (items: Json[]) => items.map((i: Json) => `${i.organization} ${i.speaker}`.trim());

describe('drawing lots for the speaking order', () => {
  it('draws with a secure random seed, applies the order and keeps the opening and the leader in place', async () => {
    const { meeting, items } = await sample();
    const drawn = await api('POST', `/api/meetings/${meeting.id}/draw`, { drawnBy: '会务组 小王' });
    expect(drawn.status).toBe(201);
    const record = drawn.body;
    expect(record.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(record.drawnBy).toBe('会务组 小王');
    expect(record.pool.map((p: Json) => p.label)).toEqual(labels(items.slice(1, 12)));
    expect([...record.order].sort()).toEqual(
      items
        .slice(1, 12)
        .map((i: Json) => i.id)
        .sort(),
    );
    // The published algorithm re-run on the recorded list and seed gives the recorded order.
    expect(
      drawOrder(
        record.pool.map((p: Json) => p.itemId),
        record.seed,
      ),
    ).toEqual(record.order);

    const after = (await api('GET', `/api/meetings/${meeting.id}`)).body.items as Json[];
    expect(after[0]?.id).toBe(items[0].id);
    expect(after[12]?.id).toBe(items[12].id);
    expect(after.slice(1, 12).map((i) => i.id)).toEqual(record.order);
  });

  it('redraws only when confirmed, keeping every record, and reproduces a published seed', async () => {
    const { meeting } = await sample();
    const first = (await api('POST', `/api/meetings/${meeting.id}/draw`, {})).body;
    const again = await api('POST', `/api/meetings/${meeting.id}/draw`, { seed: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('"confirm": true');
    expect(again.body.error).toMatchObject({ reason: 'draw.already', params: { count: 1 } });
    const before = (await api('GET', `/api/meetings/${meeting.id}`)).body.items;
    expect(before.slice(1, 12).map((i: Json) => i.id)).toEqual(first.order);

    const second = await api('POST', `/api/meetings/${meeting.id}/draw`, {
      seed: '2026-11-25 公开抽签',
      confirm: true,
    });
    expect(second.status).toBe(201);
    const list = (await api('GET', `/api/meetings/${meeting.id}/draws`)).body.draws as Json[];
    expect(list.map((d) => d.id)).toEqual([first.id, second.body.id]);

    // Anyone with the second record's seed and list gets its order, on another meeting too.
    const other = await sample();
    const reproduced = (
      await api('POST', `/api/meetings/${other.meeting.id}/draw`, { seed: first.seed })
    ).body;
    const labelOf = (record: Json) =>
      record.order.map((id: string) => record.pool.find((p: Json) => p.itemId === id).label);
    expect(labelOf(reproduced)).toEqual(labelOf(first));
  });

  it('refuses once the meeting has begun, and refuses a bad seed, writing nothing', async () => {
    const { meeting } = await sample();
    const tooLong = await api('POST', `/api/meetings/${meeting.id}/draw`, {
      seed: 'x'.repeat(201),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.field).toBe('seed');
    await api('POST', `/api/meetings/${meeting.id}/run/next`);
    const late = await api('POST', `/api/meetings/${meeting.id}/draw`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('has begun');
    expect(late.body.error.reason).toBe('draw.begun');
    expect((await api('GET', `/api/meetings/${meeting.id}/draws`)).body.draws).toEqual([]);
    expect((await api('POST', '/api/meetings/nope/draw', {})).status).toBe(404);
  });
});

describe('the draw record in the minutes and the meeting file', () => {
  it('prints every draw as an annex and carries them in the meeting file', async () => {
    const { meeting } = await sample();
    const first = (await api('POST', `/api/meetings/${meeting.id}/draw`, { seed: '甲' })).body;
    await api('POST', `/api/meetings/${meeting.id}/draw`, { seed: '乙', confirm: true });
    const download = (name: string) =>
      fetch(`${server.url}/api/meetings/${meeting.id}/export/${name}`, {
        headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      });
    const md = await (await download('minutes.md')).text();
    expect(md).toContain('附件：发言顺序抽签记录');
    expect(md).toContain('### 第1次抽签');
    expect(md).toContain('### 第2次抽签（重新抽签）');
    expect(md).toContain('**种子**：甲');
    expect(md).toMatch(/\*\*抽签结果\*\*：第1位 \S+街道/);

    const file = Buffer.from(await (await download('meeting.roundtable')).arrayBuffer());
    const copy = await fetch(`${server.url}/api/meetings/import-bundle?asCopy=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      body: file,
    });
    expect(copy.status).toBe(201);
    const copied = (await copy.json()) as Json;
    const draws = (await api('GET', `/api/meetings/${copied.meeting.id}/draws`)).body.draws;
    expect(draws.map((d: Json) => d.seed)).toEqual(['甲', '乙']);
    // Under new ids, each record still names the copy's own agenda items, in the same order.
    const labelsOf = (record: Json) =>
      record.order.map((id: string) => record.pool.find((p: Json) => p.itemId === id).label);
    expect(labelsOf(draws[0])).toEqual(labelsOf(first));
    const copiedIds = copied.items.map((i: Json) => i.id);
    expect(draws[0].order.every((id: string) => copiedIds.includes(id))).toBe(true);
  });
});

describe('the roster', () => {
  it('comes with the 11 subdistricts, fills a new meeting in one action and orders it', async () => {
    await sample();
    const roster = (await api('GET', '/api/roster')).body.entries as Json[];
    expect(roster.map((e) => e.organization)).toEqual(
      ['平湖', '坪地', '横岗', '龙岗', '龙城', '布吉', '南湾', '坂田', '吉华', '园山', '宝龙'].map(
        (n) => `${n}街道`,
      ),
    );
    await sample(); // a second sample does not add them twice
    expect((await api('GET', '/api/roster')).body.entries).toHaveLength(11);

    // Retire one, add one, move the new one to the top.
    const retired = await api('PATCH', `/api/roster/${roster[4]?.id}`, { retired: true });
    expect(retired.body.retired).toBe(true);
    const added = await api('POST', '/api/roster', {
      organization: '宝龙街道',
      name: '新书记',
      position: '党工委书记',
    });
    expect(added.status).toBe(201);
    await api('PATCH', `/api/roster/${added.body.id}`, { index: 0 });

    const created = await api('POST', '/api/meetings', {
      title: '第二次座谈会',
      date: '2026-12-01',
    });
    const id = created.body.meeting.id;
    const filled = await api('POST', `/api/meetings/${id}/items/from-roster`, {});
    expect(filled.status).toBe(200);
    expect(labels(filled.body.items)[0]).toBe('宝龙街道 新书记');
    expect(filled.body.items).toHaveLength(11);
    expect(labels(filled.body.items)).not.toContain('龙城街道 赵五城');
    // Filling again adds nobody twice.
    expect(
      (await api('POST', `/api/meetings/${id}/items/from-roster`, {})).body.items,
    ).toHaveLength(11);

    const reversed = [...filled.body.items].reverse().map((i: Json) => i.id);
    await api('POST', `/api/meetings/${id}/items/reorder`, { itemIds: reversed });
    const ordered = await api('POST', `/api/meetings/${id}/items/order-by-roster`, {});
    expect(labels(ordered.body.items)).toEqual(labels(filled.body.items));
  });

  it('says what is wrong with a roster entry', async () => {
    const bad = await api('POST', '/api/roster', { organization: ' ', name: '某某' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('organization');
    expect((await api('PATCH', '/api/roster/nope', { retired: true })).status).toBe(404);
  });
});
