import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SAMPLE_DATE, startServe, type ServeProcess } from '../e2e/serve-process.ts';
import { backupFileName, backupFolder } from '../electron/store/backup.ts';
import { openStore } from '../electron/store/index.ts';
import { syncToDisk } from '../electron/store/sync-to-disk.ts';
import { openCaller } from '../electron/server/test-support/ws-caller.ts';
import { percentile, type BenchRow } from './stats.ts';

/** The answer's body and the server's own time for it (its Server-Timing header). */
function request(
  serve: ServeProcess,
  agent: http.Agent,
  method: string,
  url: string,
  body?: string,
) {
  return new Promise<{ body: string; serverMs: number }>((resolve, reject) => {
    const req = http.request(
      `${serve.origin}${url}`,
      {
        method,
        agent,
        headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        const timing = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
        res.on('end', () => resolve({ body: data, serverMs: Number(timing?.[1] ?? Number.NaN) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const PHRASES = [
  '临时党支部把党政资源汇聚到一线',
  '我当网格员主题党日走访出租屋',
  '以实干论英雄以实绩定进退',
  '土地整备和征拆实践锻炼',
  '消防通道被杂物堵塞已整改',
  '治水提质攻坚完成节点移交',
  '选拔狮子型和黄牛型干部',
  '隐患处置率达到百分之九十五',
];

/** A corpus written straight into a database file: `meetings` × 13 items, `notes` in all. */
export function generateCorpus(dataDir: string, meetings: number, notes: number): void {
  const store = openStore(path.join(dataDir, 'roundtable.sqlite'));
  const perMeeting = Math.ceil(notes / meetings);
  store.transaction(() => {
    let written = 0;
    for (let m = 0; m < meetings; m++) {
      const meetingId = randomUUID();
      store.db
        .prepare(
          'INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (?, ?, ?, 1, 1)',
        )
        .run(meetingId, `第${m + 1}次基层工作经验交流座谈会`, '2026-11-25');
      const items = Array.from({ length: 13 }, (_, position) => ({
        id: randomUUID(),
        meetingId,
        position,
        kind: 'exchange' as const,
        title: '',
        speaker: `发言人${position}`,
        speakerPosition: '党工委书记',
        organization: `第${position}街道`,
        topic: '',
        plannedMinutes: 8,
        warningSeconds: null,
        dangerSeconds: null,
      }));
      store.agenda.replaceAll(meetingId, items);
      for (let n = 0; n < perMeeting && written < notes; n++, written++) {
        const item = items[n % items.length] as (typeof items)[number];
        store.notes.save({
          id: randomUUID(),
          meetingId,
          itemId: item.id,
          kind: 'takeaway',
          text: `${PHRASES[(m + n) % PHRASES.length]}，第${m}会第${n}条记录，编号${written}`,
          starred: false,
          position: n,
          speechOffsetMs: null,
          owner: '',
          dueDate: null,
          author: '',
          version: 1,
          createdAt: written,
          updatedAt: written,
        });
      }
    }
  });
  store.close();
}

/**
 * Puts the corpus on the disk as a database that has been in use is: synced, with the day's
 * backup beside it. Written a moment ago and not, its 50 MB would be written back by the kernel
 * during the saves, and the server's start-of-day backup would copy all of it then too: the
 * figures would be the benchmark's own setup, not a note save (p50 2.2 against 1.1–1.4 ms here).
 */
function settleCorpus(dir: string, at: number): void {
  const file = path.join(dir, 'roundtable.sqlite');
  const backups = backupFolder(dir);
  fs.mkdirSync(backups, { recursive: true });
  const backup = path.join(backups, backupFileName(at));
  fs.copyFileSync(file, backup);
  for (const synced of [file, backup, backups, dir]) syncToDisk(synced);
}

/**
 * Note save: from sending the note (a call on the note screen's WebSocket, and a POST over HTTP
 * as a second row) to its answer, which comes only after the commit and the WAL's flush. Search: `GET /api/search` over 100,000 notes in 500 meetings.
 */
export async function benchNotes(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-notes-'));
  generateCorpus(dir, 500, 100_000);
  settleCorpus(dir, Date.now());
  const serve = await startServe(dir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const sample = JSON.parse(
      (
        await request(
          serve,
          agent,
          'POST',
          '/api/meetings/sample',
          JSON.stringify({ date: SAMPLE_DATE }),
        )
      ).body,
    ) as {
      meeting: { id: string };
      items: { id: string }[];
    };
    const itemId = sample.items[1]?.id as string;
    // As the note screen saves: a call on its open WebSocket, answered after the commit.
    const noteScreen = await openCaller(serve.origin, serve.token);
    const saves: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const text = `临时党支部在一线解决问题，第${i}条`;
      const start = performance.now();
      const answer = await noteScreen.call('notes.create', {
        id: sample.meeting.id,
        itemId,
        kind: 'takeaway',
        text,
      });
      if (!answer.ok) throw new Error(`the note was refused: ${answer.error.message}`);
      if (i >= 20) saves.push(performance.now() - start);
    }
    noteScreen.ws.close();
    // As a script saves: a POST over HTTP, with the server's own time (Server-Timing).
    const url = `/api/meetings/${sample.meeting.id}/items/${itemId}/notes`;
    const httpSaves: number[] = [];
    const savesOnServer: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const body = JSON.stringify({ kind: 'takeaway', text: `临时党支部在一线解决问题，第${i}条` });
      const start = performance.now();
      const { serverMs } = await request(serve, agent, 'POST', url, body);
      if (i >= 20) {
        httpSaves.push(performance.now() - start);
        savesOnServer.push(serverMs);
      }
    }
    const queries = [
      '网格员',
      '临时党支部',
      '以实干论英雄',
      '征拆 锻炼',
      '隐患处置',
      '狮子型',
      '干部',
      '编号4242',
    ];
    const searches: number[] = [];
    for (let round = 0; round < 25; round++) {
      for (const q of queries) {
        const start = performance.now();
        await request(serve, agent, 'GET', `/api/search?q=${encodeURIComponent(q)}`);
        if (round > 0) searches.push(performance.now() - start);
      }
    }
    return [
      { name: 'note_save_p50_ms', unit: 'ms', value: percentile(saves, 50) },
      { name: 'note_save_p99_ms', unit: 'ms', value: percentile(saves, 99) },
      { name: 'note_save_http_p50_ms', unit: 'ms', value: percentile(httpSaves, 50) },
      { name: 'note_save_http_p99_ms', unit: 'ms', value: percentile(httpSaves, 99) },
      { name: 'note_save_server_p50_ms', unit: 'ms', value: percentile(savesOnServer, 50) },
      { name: 'note_save_server_p99_ms', unit: 'ms', value: percentile(savesOnServer, 99) },
      { name: 'search_p50_ms', unit: 'ms', value: percentile(searches, 50) },
      { name: 'search_p95_ms', unit: 'ms', value: percentile(searches, 95) },
    ];
  } finally {
    agent.destroy();
    await serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
