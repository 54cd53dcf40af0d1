import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SAMPLE_DATE, startServe, type ServeProcess } from '../e2e/serve-process.ts';
import { openCaller } from '../electron/server/test-support/ws-caller.ts';
import { startFloor, type Peer } from './peer-servers.ts';
import { percentile, type BenchRow } from './stats.ts';

const CORPUS_SCRIPT = path.join(import.meta.dirname, 'notes-corpus.ts');

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

const ROUNDS = 10;
const PER_ROUND = 100;
const WARM_UP = 20;

/**
 * Note save: from sending the note (a call on the note screen's WebSocket, and a POST over HTTP
 * as a second row) to its answer, which comes only after the commit and the WAL's flush. Its
 * floor, in alternating rounds with the same client: a bare server that flushes one page to a
 * file on the same disk before answering (floor-server.ts `--durable`), the least any
 * acknowledged durable write costs here. Search: `GET /api/search` over 100,000 notes in 500
 * meetings.
 */
export async function benchNotes(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-notes-'));
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-notes-floor-'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let serve: ServeProcess | undefined;
  let floor: Peer | undefined;
  try {
    execFileSync(process.execPath, [CORPUS_SCRIPT, dir, String(Date.now())], { stdio: 'inherit' });
    serve = await startServe(dir);
    floor = await startFloor(floorDir);
    const floorServer = floor;
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
    let written = 0;
    const save = async () => {
      const start = performance.now();
      const answer = await noteScreen.call('notes.create', {
        id: sample.meeting.id,
        itemId,
        kind: 'takeaway',
        text: `临时党支部在一线解决问题，第${written++}条`,
      });
      if (!answer.ok) throw new Error(`the note was refused: ${answer.error.message}`);
      return performance.now() - start;
    };
    let commands = 0;
    const floorWrite = async () => {
      const start = performance.now();
      await floorServer.command(commands++, agent);
      return performance.now() - start;
    };
    const saves: number[] = [];
    const floorWrites: number[] = [];
    for (let i = 0; i < WARM_UP; i++) await save();
    for (let i = 0; i < WARM_UP; i++) await floorWrite();
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < PER_ROUND; i++) saves.push(await save());
      for (let i = 0; i < PER_ROUND; i++) floorWrites.push(await floorWrite());
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
      { name: 'note_save_floor_p50_ms', unit: 'ms', value: percentile(floorWrites, 50) },
      { name: 'note_save_floor_p99_ms', unit: 'ms', value: percentile(floorWrites, 99) },
      { name: 'note_save_http_p50_ms', unit: 'ms', value: percentile(httpSaves, 50) },
      { name: 'note_save_http_p99_ms', unit: 'ms', value: percentile(httpSaves, 99) },
      { name: 'note_save_server_p50_ms', unit: 'ms', value: percentile(savesOnServer, 50) },
      { name: 'note_save_server_p99_ms', unit: 'ms', value: percentile(savesOnServer, 99) },
      { name: 'search_p50_ms', unit: 'ms', value: percentile(searches, 50) },
      { name: 'search_p95_ms', unit: 'ms', value: percentile(searches, 95) },
    ];
  } finally {
    agent.destroy();
    await floor?.stop();
    await serve?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}
