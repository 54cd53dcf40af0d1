import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let meetingId: string;
let itemIds: string[];
let api: ReturnType<typeof jsonApi>;

beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
  const sample = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
  meetingId = sample.meeting.id;
  itemIds = sample.items.map((i) => i.id);
});
afterAll(() => server.cleanup());

const notesUrl = (item: number) => `/api/meetings/${meetingId}/items/${itemIds[item]}/notes`;
const listNotes = async (item: number) => (await api('GET', notesUrl(item))).body.notes as Json[];

describe('notes over the HTTP API', () => {
  it('saves a note under a speaker and answers with its id after the commit', async () => {
    const created = await api('POST', notesUrl(2), {
      kind: 'takeaway',
      text: '  在一线解决问题  ',
      author: '记录人甲',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'takeaway',
      text: '在一线解决问题',
      itemId: itemIds[2],
      author: '记录人甲',
      version: 1,
      speechOffsetMs: null,
    });
    expect(created.body.id).toEqual(expect.any(String));
    expect((await listNotes(2)).map((n) => n.id)).toContain(created.body.id);
  });

  it('records how far into the speech a note was written', async () => {
    await api('POST', `/api/meetings/${meetingId}/run/goto`, { itemId: itemIds[3] });
    const startAskedAt = performance.now();
    await api('POST', `/api/meetings/${meetingId}/run/start`);
    await new Promise((r) => setTimeout(r, 1100));
    const note = (await api('POST', notesUrl(3), { kind: 'quote', text: '以实干论英雄' })).body;
    const between = performance.now() - startAskedAt; // however busy the machine was
    expect(note.speechOffsetMs).toBeGreaterThanOrEqual(1000);
    expect(note.speechOffsetMs).toBeLessThanOrEqual(between + 5);
  });

  it('edits, stars, moves between speakers and reorders notes', async () => {
    const a = (await api('POST', notesUrl(4), { kind: 'figure', text: '65个' })).body;
    const b = (await api('POST', notesUrl(4), { kind: 'figure', text: '600多名' })).body;
    const starred = await api('PATCH', `/api/notes/${b.id}`, {
      starred: true,
      text: '600多名党员干部',
    });
    expect(starred.body.note).toMatchObject({ starred: true, text: '600多名党员干部', version: 2 });
    expect((await listNotes(4))[0]?.id).toBe(b.id); // starred first

    const c = (await api('POST', notesUrl(4), { kind: 'figure', text: '1195人' })).body;
    await api('PATCH', `/api/notes/${c.id}`, { beforeNoteId: a.id });
    const order = (await listNotes(4)).filter((n) => !n.starred).map((n) => n.text);
    expect(order.indexOf('1195人')).toBeLessThan(order.indexOf('65个'));

    const moved = await api('PATCH', `/api/notes/${a.id}`, { itemId: itemIds[5] });
    expect(moved.body.note.itemId).toBe(itemIds[5]);
    expect((await listNotes(4)).map((n) => n.id)).not.toContain(a.id);
    expect((await listNotes(5)).map((n) => n.id)).toContain(a.id);
  });

  it('keeps the later of two edits of one note and tells its author what was overwritten', async () => {
    const note = (await api('POST', notesUrl(6), { kind: 'insight', text: '初稿' })).body;
    const first = await api('PATCH', `/api/notes/${note.id}`, { text: '甲的修改', baseVersion: 1 });
    expect(first.body.overwroteNewer).toBe(false);
    const second = await api('PATCH', `/api/notes/${note.id}`, {
      text: '乙的修改',
      baseVersion: 1,
    });
    expect(second.body).toMatchObject({
      overwroteNewer: true,
      note: { text: '乙的修改', version: 3 },
    });
  });

  it('deletes a note and brings it back on undo', async () => {
    const note = (await api('POST', notesUrl(7), { kind: 'problem', text: '消防通道堵塞' })).body;
    expect((await api('DELETE', `/api/notes/${note.id}`)).status).toBe(200);
    expect((await listNotes(7)).map((n) => n.id)).not.toContain(note.id);
    expect((await api('PATCH', `/api/notes/${note.id}`, { text: 'x' })).status).toBe(404);
    const restored = await api('POST', `/api/notes/${note.id}/restore`);
    expect(restored.body.note.text).toBe('消防通道堵塞');
    expect((await listNotes(7)).map((n) => n.id)).toContain(note.id);
  });

  it('keeps action items with owner and due date', async () => {
    const action = await api('POST', notesUrl(12), {
      kind: 'action',
      text: '报送经验材料',
      owner: '各街道党工委',
      dueDate: '2026-12-10',
    });
    expect(action.body).toMatchObject({ owner: '各街道党工委', dueDate: '2026-12-10' });
  });

  it.each([
    [{ kind: 'takeaway', text: '长'.repeat(10_001) }, 'text'],
    [{ kind: 'takeaway', text: '   ' }, 'text'],
    [{ kind: 'gossip', text: '闲谈' }, 'kind'],
    [{ kind: 'action', text: '报送', dueDate: '下周' }, 'dueDate'],
  ])('refuses %# with 400 naming the field, writing nothing', async (body, field) => {
    const before = (await listNotes(8)).length;
    const res = await api('POST', notesUrl(8), body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect((await listNotes(8)).length).toBe(before);
  });

  it('refuses a note for a deleted agenda item with 400', async () => {
    const extra = (await api('POST', `/api/meetings/${meetingId}/items`, { speaker: '临时加的' }))
      .body.item;
    await api('DELETE', `/api/meetings/${meetingId}/items/${extra.id}`);
    const res = await api('POST', `/api/meetings/${meetingId}/items/${extra.id}/notes`, {
      kind: 'takeaway',
      text: '迟到的笔记',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('itemId');
    expect(res.body.error.reason).toBe('notes.itemGone');
    const search = await api('GET', `/api/search?q=${encodeURIComponent('迟到的笔记')}`);
    expect(search.body.results).toEqual([]);
  });
});

describe('search across meetings', () => {
  const search = async (query: string) =>
    (await api('GET', `/api/search?${new URLSearchParams(query)}`)).body.results as Json[];

  it('finds 网格员 and 临时党支部 in the sample meeting, with where and what', async () => {
    const grid = await search('q=网格员');
    expect(grid.length).toBeGreaterThanOrEqual(2);
    expect(grid[0]).toMatchObject({
      meetingId,
      meetingTitle: expect.stringContaining('座谈会'),
      kind: expect.any(String),
    });
    for (const r of grid) {
      expect(r.text).toContain('网格员');
      for (const [start, end] of r.highlights) expect(r.text.slice(start, end)).toBe('网格员');
    }
    expect(grid.map((r) => r.itemHeadline)).toContain('吉华街道 王九华');
    const branches = await search('q=临时党支部');
    expect(branches.length).toBeGreaterThanOrEqual(4);
  });

  it('ranks the words written together, as an exact phrase, first', async () => {
    const results = await search('q=临时 党支部');
    const firstApart = results.findIndex((r) => !r.text.includes('临时党支部'));
    expect(firstApart).toBeGreaterThan(0);
    expect(results.slice(0, firstApart).every((r) => r.text.includes('临时党支部'))).toBe(true);
    expect(results.slice(firstApart).some((r) => r.text.includes('临时抽调'))).toBe(true);
  });

  it('filters by kind and by meeting, and finds two-character words too', async () => {
    expect((await search('q=网格员&kind=figure')).every((r) => r.kind === 'figure')).toBe(true);
    const other = server.handlers['meetings.create']({ title: '另一次会议', date: '2026-12-01' });
    expect(await search(`q=网格员&meetingId=${other.meeting.id}`)).toEqual([]);
    expect((await search('q=干部')).length).toBeGreaterThan(0);
    const apart = await search('q=征拆 锻炼');
    expect(apart.length).toBeGreaterThan(0);
    expect(apart.every((r) => r.text.includes('征拆') && r.text.includes('锻炼'))).toBe(true);
  });

  it('follows a note through edit, move, delete and undo, by long and by two-character words', async () => {
    // Words that occur nowhere in the sample, so every hit is this note's.
    const created = (await api('POST', notesUrl(6), { kind: 'takeaway', text: '夜校讲堂进社区' }))
      .body;
    const hits = async (q: string) =>
      (await search(`q=${q}&meetingId=${meetingId}`)).map((r) => `${r.noteId} ${r.itemId}`);
    const at = (item: number) => [`${created.id} ${itemIds[item]}`];
    // Three characters and more go through the full-text index, two through the short scan.
    expect(await hits('夜校讲堂')).toEqual(at(6));
    expect(await hits('夜校')).toEqual(at(6));

    await api('PATCH', `/api/notes/${created.id}`, { text: '周末课堂到楼栋' });
    expect(await hits('夜校讲堂')).toEqual([]);
    expect(await hits('夜校')).toEqual([]);
    expect(await hits('周末课堂')).toEqual(at(6));
    expect(await hits('楼栋')).toEqual(at(6));

    await api('PATCH', `/api/notes/${created.id}`, { itemId: itemIds[7] });
    expect(await hits('周末课堂')).toEqual(at(7));
    expect(await hits('楼栋')).toEqual(at(7));

    await api('DELETE', `/api/notes/${created.id}`);
    expect(await hits('周末课堂')).toEqual([]);
    expect(await hits('楼栋')).toEqual([]);

    await api('POST', `/api/notes/${created.id}/restore`);
    expect(await hits('周末课堂')).toEqual(at(7));
    expect(await hits('楼栋')).toEqual(at(7));
    expect(await hits('夜校讲堂')).toEqual([]);
  });

  it('refuses an empty query', async () => {
    expect((await api('GET', '/api/search?q=')).body.error.field).toBe('q');
  });
});
