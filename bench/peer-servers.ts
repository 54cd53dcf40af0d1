/**
 * The servers `npm run bench:peer` compares, each behind the same small interface: start it
 * on a temp data folder and a free loopback port, connect clients, send the toggling command
 * the way its own console does, and know which message is that command's result. Every
 * process started here is owned (`owned-processes.ts`) and ended if its start fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type WebSocket from 'ws';
import { sampleRequest, startServe, type ServeProcess } from '../e2e/serve-process.ts';
import { openCaller, type Json, type WsCaller } from '../electron/server/test-support/ws-caller.ts';
import { buildIfStale } from '../scripts/build-if-stale.ts';
import { SERVE_NODE_FLAGS } from '../scripts/serve-flags.ts';
import { endProcess, own, ownTempDir } from './owned-processes.ts';
import { closeAll, connectScreens, connectSockets, postCommand, request } from './ws-clients.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the measurements need from a server: clients, a toggling command, its process. */
export interface Peer {
  name: 'roundtable' | 'floor' | 'ontime';
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

/**
 * How Roundtable's console sends a run command, and so how the floor is sent its command: as a
 * call on its open WebSocket (electron/api/ws-rpc.ts), answered after the commit.
 */
const CONSOLE_TRANSPORT: 'http' | 'ws' = 'ws';

/** The i-th command of the pause/resume alternation, by its method name. */
const toggleMethod = (i: number) => (i % 2 === 0 ? 'run.pause' : 'run.resume');

/** Sends a call on a console's live socket and resolves when it is answered, throws if refused. */
async function callOn(caller: WsCaller, method: string, input?: Json): Promise<void> {
  const answer = await caller.call(method, input);
  if (!answer.ok) throw new Error(`${method} refused: ${answer.status} ${answer.error.message}`);
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const exitOf = (child: ChildProcess) =>
  child.signalCode !== null ? `signal ${child.signalCode}` : `code ${child.exitCode}`;

/** The last 2,000 characters a child wrote to stderr, for the message when it fails. */
function stderrTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000)));
  return () => (tail.trim() ? `\n${tail.trim()}` : '');
}

const VITE_DIR = path.resolve(import.meta.dirname, '..', '.vite');
let bundle: string | undefined;

/**
 * The bundled server Roundtable runs from through the whole run: built if stale, then copied
 * beside the build (so that it still finds the project's node_modules). A rebuild of
 * .vite/serve meanwhile, by a test or an editor's build, removed files under a starting server
 * (aborting the run) and would change the code between rounds.
 */
function bundleOfThisRun(): string {
  if (bundle) return bundle;
  buildIfStale();
  const copy = ownTempDir(path.join(VITE_DIR, `bench-serve-${process.pid}`));
  fs.cpSync(path.join(VITE_DIR, 'serve'), copy, { recursive: true });
  bundle = path.join(copy, 'serve.js');
  return bundle;
}

export async function startRoundtable(): Promise<Peer> {
  const dir = ownTempDir(fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-peer-')));
  const serve: ServeProcess = await startServe(dir, [], { bundle: bundleOfThisRun() });
  own(serve.child, 'roundtable');
  let run: string;
  let meetingId: string;
  try {
    const headers = { Authorization: `Bearer ${serve.token}` };
    const sample = (await (
      await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(headers))
    ).json()) as { meeting: { id: string } };
    meetingId = sample.meeting.id;
    run = `/api/meetings/${meetingId}/run`;
    const next = await fetch(`${serve.origin}${run}/next`, { method: 'POST', headers });
    if (!next.ok)
      throw new Error(`Roundtable did not start the sample's first item: ${next.status}`);
  } catch (error) {
    await serve.stop();
    throw error;
  }
  const toggle = (i: number) => `${run}/${i % 2 === 0 ? 'pause' : 'resume'}`;
  const httpCommand = (i: number, agent: http.Agent) => postCommand(serve, agent, toggle(i));
  // The console's own socket, which it sends its run commands on.
  let caller: WsCaller | undefined;
  const wsCommand = async (i: number) => {
    caller ??= await openCaller(serve.origin, serve.token);
    await callOn(caller, toggleMethod(i), { id: meetingId });
  };
  return {
    name: 'roundtable',
    pid: serve.child.pid as number,
    clients: (count) => connectScreens(serve, count),
    command: CONSOLE_TRANSPORT === 'ws' ? wsCommand : httpCommand,
    isResult: (message) => message.includes('"run.changed"'),
    httpCommand,
    async stop() {
      caller?.ws.close();
      await serve.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first match of `pattern` in the child's stdout; rejects if it exits first. */
function untilLine(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpMatchArray> {
  const stderr = stderrTail(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not get ready in 15 s`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${exitOf(child)} before it was ready${stderr()}`));
    });
  });
}

const FLOOR_SERVER = path.join(import.meta.dirname, 'floor-server.ts');

/**
 * The bare `ws` broadcast server (`floor-server.ts`), sent commands as Roundtable's console sends
 * them; with `durableFolder`, each command is flushed to a file in that folder before its answer.
 */
export async function startFloor(durableFolder?: string): Promise<Peer> {
  const durable = durableFolder ? ['--durable', durableFolder] : [];
  const child = own(
    spawn(process.execPath, [...SERVE_NODE_FLAGS, FLOOR_SERVER, ...durable], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    'floor',
  );
  let port: string;
  try {
    [, port = ''] = await untilLine(child, /floor ready: (\d+)/, 'The floor server');
  } catch (error) {
    await endProcess(child);
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}/ws`;
  const httpCommand = (i: number, agent: http.Agent) =>
    request(`${origin}/call/${toggleMethod(i)}`, 'POST', agent);
  let caller: WsCaller | undefined;
  const wsCommand = async (i: number) => {
    caller ??= await openCaller(origin, 'none');
    await callOn(caller, toggleMethod(i));
  };
  return {
    name: 'floor',
    pid: child.pid as number,
    clients: (count) =>
      connectSockets(wsUrl, count, (ws, resolve) => ws.once('message', () => resolve(ws))),
    command: CONSOLE_TRANSPORT === 'ws' ? wsCommand : httpCommand,
    isResult: (message, i) => message.includes(`"method":"${toggleMethod(i)}"`),
    httpCommand,
    async stop() {
      caller?.ws.close();
      await endProcess(child);
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

/** How long Ontime gets to answer with its demo rundown loaded. */
const ONTIME_READY_TIMEOUT_MS = 30_000;

/** `count` clients of Ontime's WebSocket, each ready once it has had its first runtime data. */
function ontimeClients(wsUrl: string, count: number): Promise<WebSocket[]> {
  return connectSockets(wsUrl, count, (ws, resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      if (String(data).includes('"runtime-data"')) {
        ws.off('message', onMessage);
        resolve(ws);
      }
    };
    ws.on('message', onMessage);
  });
}

/**
 * Waits until Ontime's current rundown holds at least two events and its WebSocket gives a
 * client its runtime data. Its `/api/version` answers before the demo project has loaded, and
 * its HTTP server listens a moment before its WebSocket is attached (an upgrade then gets a
 * 400), so the rundown and the socket are polled, not the version.
 */
async function untilOntimeReady(origin: string, child: ChildProcess, stderr: () => string) {
  const url = `${origin}/data/rundowns/current`;
  const wsUrl = `${origin.replace('http', 'ws')}/ws`;
  const deadline = Date.now() + ONTIME_READY_TIMEOUT_MS;
  let last: string;
  for (;;) {
    if (hasExited(child)) {
      throw new Error(`Ontime exited with ${exitOf(child)} before it was ready${stderr()}`);
    }
    let step = `GET ${url}`;
    try {
      const response = await fetch(url);
      const rundown = (await response.json()) as { entries?: Record<string, { type?: string }> };
      const events = Object.values(rundown.entries ?? {}).filter((e) => e.type === 'event');
      last = `${step} answered ${response.status} with ${events.length} events`;
      if (events.length >= 2) {
        step = `its WebSocket ${wsUrl}`;
        await closeAll(await ontimeClients(wsUrl, 1));
        return;
      }
    } catch (error) {
      last = `${step}: ${(error as Error).message}`;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Ontime was not ready within ${ONTIME_READY_TIMEOUT_MS / 1000} s: ${last}${stderr()}`,
      );
    }
    await sleep(100);
  }
}

/**
 * Ontime's server on loopback only (a preload rewrites its 0.0.0.0 listen), with a data folder
 * of its own: its demo project, the second entry playing, as an operator would have it.
 */
export async function startOntime(server: string): Promise<Peer> {
  const dir = ownTempDir(fs.mkdtempSync(path.join(os.tmpdir(), 'ontime-bench-')));
  const port = await freePort();
  const child = own(
    spawn(
      process.execPath,
      ['--require', path.join(import.meta.dirname, 'loopback-preload.cjs'), server],
      {
        env: { ...process.env, ONTIME_DATA: dir, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    ),
    'ontime',
  );
  const stderr = stderrTail(child);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await untilOntimeReady(origin, child, stderr);
    const started = await fetch(`${origin}/api/start/index/2`);
    if (!started.ok) {
      throw new Error(`Ontime did not play its second entry: /api/start/index/2 ${started.status}`);
    }
  } catch (error) {
    await endProcess(child);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const wsUrl = `ws://127.0.0.1:${port}/ws`;
  const expected = (i: number) => `"playback":"${i % 2 === 0 ? 'pause' : 'play'}"`;
  let controller: WebSocket | null = null;
  return {
    name: 'ontime',
    pid: child.pid as number,
    clients: (count) => ontimeClients(wsUrl, count),
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
      await endProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
