import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../../e2e/serve-process.ts';

const KILLS = 100;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-notes-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Ack {
  id: string;
  text: string;
}

/** A note-taker typing entries one after another until the server dies under them. */
async function typeUntilKilled(serve: ServeProcess, url: string, writer: string, acked: Ack[]) {
  for (let n = 0; ; n++) {
    const text = `${writer} 第${n}条：临时党支部把问题解决在一线`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'takeaway', text }),
      });
      if (res.status !== 201) return;
      const note = (await res.json()) as { id: string; text: string };
      acked.push({ id: note.id, text: note.text });
    } catch {
      return; // the connection died with the server: this entry was never acknowledged
    }
  }
}

describe('SIGKILL while two note-takers type', () => {
  it(`loses no acknowledged note over ${KILLS} kills, and the database stays sound`, async () => {
    let serve = await startServe(dataDir);
    const sample = (await (
      await fetch(`${serve.origin}/api/meetings/sample`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${serve.token}` },
      })
    ).json()) as { meeting: { id: string }; items: { id: string }[] };
    const meetingId = sample.meeting.id;
    const itemId = sample.items[1]?.id as string;
    const acked: Ack[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const url = `${serve.origin}/api/meetings/${meetingId}/items/${itemId}/notes`;
      const writers = [
        typeUntilKilled(serve, url, '甲', acked),
        typeUntilKilled(serve, url, '乙', acked),
      ];
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
      await serve.stop('SIGKILL');
      await Promise.all(writers);

      serve = await startServe(dataDir); // opening runs integrity_check; a damaged file would refuse
      const res = await fetch(`${serve.origin}/api/meetings/${meetingId}/notes`, {
        headers: { Authorization: `Bearer ${serve.token}` },
      });
      const stored = new Map(
        ((await res.json()) as { notes: Ack[] }).notes.map((n) => [n.id, n.text]),
      );
      const lost = acked.filter((a) => stored.get(a.id) !== a.text);
      expect(lost, `after kill ${kill + 1}`).toEqual([]);
    }
    await serve.stop('SIGKILL');
    const db = new Database(path.join(dataDir, 'roundtable.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(acked.length).toBeGreaterThan(KILLS);
  }, 240_000);
});
