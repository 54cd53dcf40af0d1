import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTES_PAGE_MAX, type Note } from '../api/notes.ts';
import { loadEveryPage, type Page } from '../../renderer/api/notePages.ts';
import { importLargeMeeting } from './test-support/large-meeting.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

/**
 * Note lists come in pages of at most NOTES_PAGE_MAX, and the screens follow them: a meeting
 * with more notes than a page still shows every one (renderer/api/notePages.ts, the loader the
 * note view and the console use, driven here against the real server).
 */
/** Over three pages; the first of the three items gets a third: more than a page too. */
const MEETING_NOTES = 3 * NOTES_PAGE_MAX + 300;
const FIRST_ITEM_NOTES = MEETING_NOTES / 3;
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
let meetingId: string;
let itemId: string;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
  meetingId = await importLargeMeeting(server, 3, MEETING_NOTES);
  itemId = (await api('GET', `/api/meetings/${meetingId}`)).body.items[0].id as string;
}, 120_000);
afterAll(() => server.cleanup());

const page = async (path: string, cursor?: string, limit?: number): Promise<Page<Note>> => {
  const query = new URLSearchParams({
    ...(cursor ? { cursor } : {}),
    ...(limit ? { limit: String(limit) } : {}),
  });
  const answer = await api('GET', `${path}?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Page<Note>;
};

describe('note lists in pages', () => {
  it('answers a meeting with more notes than a page in pages, and the loader gets them all', async () => {
    const path = `/api/meetings/${meetingId}/notes`;
    const first = await page(path);
    expect(first.notes).toHaveLength(NOTES_PAGE_MAX);
    expect(first.nextCursor).toEqual(expect.any(String));
    const { notes: all } = await loadEveryPage((cursor) => page(path, cursor));
    expect(all).toHaveLength(MEETING_NOTES);
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(all.every((n) => n.meetingId === meetingId)).toBe(true);
    // A smaller page size walks the same list.
    const { notes: small } = await loadEveryPage((cursor) => page(path, cursor, 700));
    expect(small.map((n) => n.id)).toEqual(all.map((n) => n.id));
  });

  it("pages an item's notes starred first, then in order, as the screens show them", async () => {
    const path = `/api/meetings/${meetingId}/items/${itemId}/notes`;
    const { notes: all } = await loadEveryPage((cursor) => page(path, cursor, 250));
    expect(all).toHaveLength(FIRST_ITEM_NOTES);
    const firstUnstarred = all.findIndex((n) => !n.starred);
    expect(firstUnstarred).toBeGreaterThan(0);
    expect(all.slice(firstUnstarred).every((n) => !n.starred)).toBe(true);
    for (const part of [all.slice(0, firstUnstarred), all.slice(firstUnstarred)]) {
      const positions = part.map((n) => n.position);
      expect(positions).toEqual(positions.toSorted((a, b) => a - b));
    }
  });

  it('refuses a page larger than the most, and a cursor it did not give', async () => {
    const path = `/api/meetings/${meetingId}/notes`;
    const tooMany = await api('GET', `${path}?limit=${NOTES_PAGE_MAX + 1}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.field).toBe('limit');
    expect(tooMany.body.error).toMatchObject({
      reason: 'field.tooBig',
      params: { field: 'limit' },
    });
    for (const cursor of ['nonsense', Buffer.from('{"r":-1}').toString('base64url')]) {
      const forged = await api('GET', `${path}?cursor=${cursor}`);
      expect(forged.status).toBe(400);
      expect(forged.body.error.field).toBe('cursor');
      expect(forged.body.error.reason).toBe('notes.badCursor');
    }
  });

  it('answers the last page with no cursor, and a note written meanwhile on a later page', async () => {
    const path = `/api/meetings/${meetingId}/notes`;
    const first = await page(path, undefined, NOTES_PAGE_MAX);
    const created = await api('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
      kind: 'takeaway',
      text: '翻页时新写的一条',
    });
    expect(created.status).toBe(201);
    const { notes: rest, revision } = await loadEveryPage((cursor) =>
      page(path, cursor ?? (first.nextCursor as string)),
    );
    expect(rest.at(-1)?.id).toBe(created.body.id);
    expect(first.notes.length + rest.length).toBe(MEETING_NOTES + 1);
    // The page read before the note is an older revision than the pages read after it.
    expect(revision.boot).toBe(first.revision.boot);
    expect(revision.change).toBeGreaterThan(first.revision.change);
  });
});
