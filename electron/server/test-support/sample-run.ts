import { afterAll, beforeAll } from 'vitest';
import { SAMPLE_DATE } from '../../../e2e/serve-process.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-server.ts';

/**
 * A real server holding the sample meeting, started before the file's tests and closed after,
 * with the organizer's run commands over HTTP. Read the fields inside tests, not at load time.
 */
export function sampleRunServer() {
  const sample = {
    server: undefined as unknown as Awaited<ReturnType<typeof startTestServer>>,
    meetingId: '',
    itemIds: [] as string[],
    post: async (command: string, body: object = {}) =>
      jsonApi(sample.server.url, TEST_TOKEN)(
        'POST',
        `/api/meetings/${sample.meetingId}/run/${command}`,
        body,
      ),
    getRun: async (): Promise<Json> =>
      (await jsonApi(sample.server.url, TEST_TOKEN)('GET', `/api/meetings/${sample.meetingId}/run`))
        .body,
  };
  beforeAll(async () => {
    sample.server = await startTestServer();
    const made = sample.server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    sample.meetingId = made.meeting.id;
    sample.itemIds = made.items.map((i) => i.id);
  });
  afterAll(() => sample.server.cleanup());
  return sample;
}
