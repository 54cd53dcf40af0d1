import { expect } from '@playwright/test';
import type { ServeProcess } from './serve-process.ts';

/**
 * The meeting `meetingId` again, as a copy whose first person not yet signed in (and not on
 * leave or sending someone) signed in 7 minutes after the planned start on the meeting's own
 * date: 迟到, whatever day or hour the test runs. The door stamps the server's clock, which a
 * test cannot set, so the time goes in through the meeting file. The original is deleted and
 * the copy put on stage; answers the copy's id and the late person's name.
 */
export async function copyWithLateSignIn(serve: ServeProcess, meetingId: string) {
  const auth = { Authorization: `Bearer ${serve.token}` };
  const exported = await fetch(
    `${serve.origin}/api/meetings/${meetingId}/export/meeting.roundtable`,
    { headers: auth },
  );
  const file = JSON.parse(await exported.text()) as {
    meeting: { date: string; startTime: string };
    participants: { name: string; reply: string; signedInAt: number | null }[];
  };
  const late = file.participants.find(
    (person) =>
      person.signedInAt === null && person.reply !== 'leave' && person.reply !== 'substitute',
  );
  if (!late) throw new Error('nobody left to sign in late');
  // The browsers read the venue's day in Asia/Shanghai (playwright.config.ts).
  const start = Date.parse(`${file.meeting.date}T${file.meeting.startTime}:00+08:00`);
  late.signedInAt = start + 7 * 60_000;
  const imported = await fetch(`${serve.origin}/api/meetings/import-bundle?asCopy=true`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/octet-stream' },
    body: JSON.stringify(file),
  });
  expect(imported.status).toBe(201);
  const copy = ((await imported.json()) as { meeting: { id: string } }).meeting.id;
  const json = { ...auth, 'Content-Type': 'application/json' };
  const deleted = await fetch(`${serve.origin}/api/meetings/${meetingId}`, {
    method: 'DELETE',
    headers: auth,
  });
  expect(deleted.status).toBeLessThan(300);
  const staged = await fetch(`${serve.origin}/api/stage`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ meetingId: copy }),
  });
  expect(staged.status).toBe(200);
  return { meetingId: copy, lateName: late.name };
}
