/**
 * The two servers `npm run bench:peer` compares, each behind the same small interface: start it
 * on a temp data folder and a free loopback port, connect clients, send the toggling command
 * the way its own console does, and know which message is that command's result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type WebSocket from 'ws';
import { sampleRequest, startServe, type ServeProcess } from '../e2e/serve-process.ts';
import { connectScreens, connectSockets, postCommand, request } from './ws-clients.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the measurements need from a server: clients, a toggling command, its process. */
export interface Peer {
  name: 'roundtable' | 'ontime';
  pid: number;
  clients(count: number): Promise<WebSocket[]>;
  /** Sends the i-th command of a pause/resume alternation the way its console does. */
  command(i: number, agent: http.Agent): Promise<void>;
  /** True when a message a screen received is the result of the i-th command. */
  isResult(message: string, i: number): boolean;
  /** The same command over the HTTP control API, answered when the answer has been read. */
  httpCommand(i: number, agent: http.Agent): Promise<void>;
  stop(): Promise<void>;
}

export async function startRoundtable(): Promise<Peer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-peer-'));
  const serve: ServeProcess = await startServe(dir);
  const headers = { Authorization: `Bearer ${serve.token}` };
  const sample = (await (
    await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(headers))
  ).json()) as { meeting: { id: string } };
  const run = `/api/meetings/${sample.meeting.id}/run`;
  await fetch(`${serve.origin}${run}/next`, { method: 'POST', headers });
  const toggle = (i: number) => `${run}/${i % 2 === 0 ? 'pause' : 'resume'}`;
  return {
    name: 'roundtable',
    pid: serve.child.pid as number,
    clients: (count) => connectScreens(serve, count),
    command: (i, agent) => postCommand(serve, agent, toggle(i)),
    isResult: (message) => message.includes('"run.changed"'),
    httpCommand: (i, agent) => postCommand(serve, agent, toggle(i)),
    async stop() {
      await serve.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Ontime's server on loopback only (a preload rewrites its 0.0.0.0 listen), with a data folder
 * of its own: its demo project, the second entry playing, as an operator would have it.
 */
export async function startOntime(server: string): Promise<Peer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ontime-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--require', path.join(import.meta.dirname, 'loopback-preload.cjs'), server],
    { env: { ...process.env, ONTIME_DATA: dir, PORT: String(port) }, stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${origin}/api/version`)).ok) break;
    } catch {
      if (tries > 150) throw new Error(`Ontime did not answer on ${origin}`);
    }
    await sleep(100);
  }
  // A fresh data folder gets Ontime's demo project; the toggling needs an entry to play.
  const poll = (await (await fetch(`${origin}/api/poll`)).json()) as {
    payload: { rundown?: { numEvents?: number } };
  };
  if ((poll.payload.rundown?.numEvents ?? 0) < 2) {
    throw new Error(`Ontime's rundown in ${dir} has fewer than 2 entries`);
  }
  if (!(await fetch(`${origin}/api/start/index/2`)).ok) throw new Error('Ontime did not start');
  const wsUrl = `ws://127.0.0.1:${port}/ws`;
  const expected = (i: number) => `"playback":"${i % 2 === 0 ? 'pause' : 'play'}"`;
  let controller: WebSocket | null = null;
  return {
    name: 'ontime',
    pid: child.pid as number,
    clients: (count) =>
      // A client is ready once it has had its first runtime data.
      connectSockets(wsUrl, count, (ws, resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          if (String(data).includes('"runtime-data"')) {
            ws.off('message', onMessage);
            resolve(ws);
          }
        };
        ws.on('message', onMessage);
      }),
    async command(i) {
      // Ontime's own editor sends playback over its WebSocket.
      controller ??=
        (await connectSockets(wsUrl, 1, (ws, r) => ws.once('open', () => r(ws))))[0] ?? null;
      controller?.send(JSON.stringify(i % 2 === 0 ? { tag: 'pause' } : { tag: 'start' }));
    },
    isResult: (message, i) => message.includes('"runtime-data"') && message.includes(expected(i)),
    httpCommand: (i, agent) =>
      request(`${origin}/api/${i % 2 === 0 ? 'pause' : 'start'}`, 'GET', agent),
    async stop() {
      controller?.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
