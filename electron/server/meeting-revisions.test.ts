import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { openCaller, type WsCaller } from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/** The revision of the last event of `kind` the screen heard, once it has heard `count`. */
async function heard(screen: WsCaller, kind: string, count: number): Promise<Json> {
  const told = () => screen.messages.filter((m) => m.kind === kind);
  await vi.waitFor(() => expect(told().length).toBe(count));
  return told().at(-1)?.revision as Json;
}

/** `later` is a later change than `earlier` of the same server process. */
function expectLater(later: Json, earlier: Json) {
  expect(later.boot).toBe(earlier.boot);
  expect(later.change).toBeGreaterThan(earlier.change as number);
}

describe('a meeting, its agenda and the list of meetings', () => {
  it('are read and told at one revision per change, so a screen keeps the newer', async () => {
    const server = await startTestServer();
    const api = jsonApi(server.url, TEST_TOKEN);
    const screen = await openCaller(server.url, TEST_TOKEN);
    try {
      const created = await api('POST', '/api/meetings', { title: '座谈会', date: SAMPLE_DATE });
      const meetingPath = `/api/meetings/${created.body.meeting.id as string}`;
      expect(created.body.revision).toEqual(await heard(screen, 'meeting.saved', 1));

      // An agenda item added: the read before is older than its agenda.saved, which the answer
      // carries; the read after is not older.
      const beforeAdd = (await api('GET', meetingPath)).body.revision as Json;
      const added = await api('POST', `${meetingPath}/items`, {
        kind: 'exchange',
        speaker: '林一平',
      });
      const agendaSaved = await heard(screen, 'agenda.saved', 1);
      expectLater(agendaSaved, beforeAdd);
      expect(added.body.revision).toEqual(agendaSaved);
      const afterAdd = (await api('GET', meetingPath)).body;
      expect(afterAdd.items.map((i: Json) => i.speaker)).toEqual(['林一平']);
      expect(afterAdd.revision.boot).toBe(agendaSaved.boot);
      expect(afterAdd.revision.change).toBeGreaterThanOrEqual(agendaSaved.change as number);

      // Retitled: the same for meeting.saved.
      const retitled = await api('PATCH', meetingPath, { title: '第二次座谈会' });
      const meetingSaved = await heard(screen, 'meeting.saved', 2);
      expectLater(meetingSaved, afterAdd.revision as Json);
      expect(retitled.body.revision).toEqual(meetingSaved);
      const afterRetitle = (await api('GET', meetingPath)).body;
      expect(afterRetitle.meeting.title).toBe('第二次座谈会');
      expect(afterRetitle.revision.change).toBeGreaterThanOrEqual(meetingSaved.change as number);

      // A lot drawing reorders the agenda: its agenda.saved is later than the read before it.
      await api('POST', `${meetingPath}/items`, { kind: 'exchange', speaker: '陈二坪' });
      const beforeDraw = (await api('GET', meetingPath)).body.revision as Json;
      expectLater(beforeDraw, afterRetitle.revision as Json);
      expect((await api('POST', `${meetingPath}/draw`, { seed: 'y1' })).status).toBe(201);
      const drawn = await heard(screen, 'agenda.saved', 3);
      expectLater(drawn, beforeDraw);

      // The list of meetings is read at a revision too, and a deletion is told at a later one.
      const listed = (await api('GET', '/api/meetings')).body.revision as Json;
      expect(listed.change).toBeGreaterThanOrEqual(drawn.change as number);
      expect((await api('DELETE', meetingPath)).status).toBe(200);
      const deleted = await heard(screen, 'meeting.deleted', 1);
      expectLater(deleted, listed);
      const listedAfter = (await api('GET', '/api/meetings')).body.revision as Json;
      expect(listedAfter.change).toBeGreaterThanOrEqual(deleted.change as number);
    } finally {
      screen.ws.close();
      await server.cleanup();
    }
  });
});
