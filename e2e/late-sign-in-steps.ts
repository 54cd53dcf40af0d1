import { expect } from '@playwright/test';
import type { ServeProcess } from './serve-process.ts';

/** What these steps change in a meeting file (the rest is carried over as exported). */
export interface EditableMeetingFile {
  meeting: { title: string; date: string; startTime: string };
  participants: { name: string; reply: string; signedInAt: number | null }[];
}

/**
 * The meeting `meetingId` exported as its meeting file, changed by `edit`, and imported as a
 * copy; answers the copy's id. The door stamps the server's clock, which a test cannot set, so
 * sign-in times a test needs (迟到 is a time after the start on the meeting's own date) go in
 * this way, whatever day or hour the test runs.
 */
export async function importEditedCopy(
  serve: ServeProcess,
  meetingId: string,
  edit: (file: EditableMeetingFile) => void,
): Promise<string> {
  const auth = { Authorization: `Bearer ${serve.token}` };
  const exported = await fetch(
    `${serve.origin}/api/meetings/${meetingId}/export/meeting.roundtable`,
    { headers: auth },
  );
  const file = JSON.parse(await exported.text()) as EditableMeetingFile;
  edit(file);
  const imported = await fetch(`${serve.origin}/api/meetings/import-bundle?asCopy=true`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/octet-stream' },
    body: JSON.stringify(file),
  });
  expect(imported.status).toBe(201);
  return ((await imported.json()) as { meeting: { id: string } }).meeting.id;
}

/** The instant of `time` (HH:MM) on `date` in the venue's zone, which the browsers read. */
export function venueTime(date: string, time: string): number {
  // The browsers read the venue's day in Asia/Shanghai (playwright.config.ts).
  return Date.parse(`${date}T${time}:00+08:00`);
}

/**
 * The meeting `meetingId` again, as a copy whose first person not yet signed in (and not on
 * leave or sending someone) signed in 7 minutes after the planned start on the meeting's own
 * date: 迟到, whatever day or hour the test runs. The original is deleted and the copy put on
 * stage; answers the copy's id and the late person's name.
 */
export async function copyWithLateSignIn(serve: ServeProcess, meetingId: string) {
  const auth = { Authorization: `Bearer ${serve.token}` };
  let lateName = '';
  const copy = await importEditedCopy(serve, meetingId, (file) => {
    const late = file.participants.find(
      (person) =>
        person.signedInAt === null && person.reply !== 'leave' && person.reply !== 'substitute',
    );
    if (!late) throw new Error('nobody left to sign in late');
    late.signedInAt = venueTime(file.meeting.date, file.meeting.startTime) + 7 * 60_000;
    lateName = late.name;
  });
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
  return { meetingId: copy, lateName };
}
