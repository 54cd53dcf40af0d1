/**
 * `npm run bench:peer`: Roundtable, a bare `ws` broadcast server (the floor, `floor-server.ts`)
 * and Ontime measured the same way, alternately, in one run.
 * `ONTIME_SERVER=/path/to/docker.cjs` names an Ontime server build (made outside this project,
 * see bench/README.md); without it Roundtable and the floor are measured.
 * `npm run bench:peer -- --json <file>` also writes the rows as JSON.
 * Every server it starts is ended however it ends: done, failed, SIGINT or SIGTERM.
 */
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type WebSocket from 'ws';
import { endAllOwned, endOwnedOnExitAndSignals } from './owned-processes.ts';
import { cpuTimeMs, rssMiB } from './proc.ts';
import { percentile, type BenchRow } from './stats.ts';
import { startFloor, startOntime, startRoundtable, type Peer } from './peer-servers.ts';
import { machineAndVersions } from './versions.ts';
import { closeAll } from './ws-clients.ts';

endOwnedOnExitAndSignals();
const { values } = parseArgs({ options: { json: { type: 'string' } } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a command's result may take to reach every client before the run is called failed. */
const RESULT_TIMEOUT_MS = 10_000;

/** From a command to the moment the last of `count` clients has its result, per command. */
async function commandToClients(peer: Peer, count: number, rounds: number): Promise<number[]> {
  const clients = await peer.clients(count);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  for (let i = 0; i < rounds + 10; i++) {
    let pending = count;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<number>((resolve, reject) => {
      timer = setTimeout(() => {
        const reached = `${count - pending} of ${count} clients`;
        reject(new Error(`${peer.name}: the result of command ${i} reached ${reached} in 10 s`));
      }, RESULT_TIMEOUT_MS);
      for (const ws of clients) {
        const onMessage = (data: WebSocket.RawData) => {
          if (!peer.isResult(String(data), i)) return;
          ws.off('message', onMessage);
          pending -= 1;
          if (pending === 0) resolve(performance.now());
        };
        ws.on('message', onMessage);
      }
    });
    done.catch(() => undefined); // awaited below, unless sending the command threw first
    const sentAt = performance.now();
    const doneAt = await peer
      .command(i, agent)
      .then(() => done)
      .finally(() => clearTimeout(timer));
    if (i >= 10) samples.push(doneAt - sentAt); // the first ten warm up
    await sleep(5);
  }
  await closeAll(clients);
  agent.destroy();
  return samples;
}

async function httpRoundTrips(peer: Peer, rounds: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  for (let i = 0; i < rounds + 10; i++) {
    const sentAt = performance.now();
    await peer.httpCommand(i, agent);
    if (i >= 10) samples.push(performance.now() - sentAt);
    await sleep(5);
  }
  agent.destroy();
  // An even number of rounds plus ten ends on a resume: the countdown runs for what follows.
  return samples;
}

/** CPU and memory with `count` clients connected and a countdown running, nobody acting. */
async function idle(peer: Peer, count: number) {
  const clients = await peer.clients(count);
  await sleep(2000);
  const cpuBefore = cpuTimeMs(peer.pid);
  const wallBefore = performance.now();
  await sleep(10_000);
  const cpu = ((cpuTimeMs(peer.pid) - cpuBefore) / (performance.now() - wallBefore)) * 100;
  const rss = rssMiB(peer.pid);
  await closeAll(clients);
  return { cpu, rss };
}

/**
 * What one screen receives each second while a countdown runs: WebSocket messages and their
 * payload bytes over 10 s, counted from a second after it joined so that its greeting (the
 * whole state, once) is not part of it.
 */
async function traffic(peer: Peer) {
  const clients = await peer.clients(1);
  await sleep(1000);
  let bytes = 0;
  let messages = 0;
  for (const ws of clients) {
    ws.on('message', (data: WebSocket.RawData) => {
      messages += 1;
      bytes += (data as Buffer).length;
    });
  }
  await sleep(10_000);
  await closeAll(clients);
  return { bytesPerS: bytes / 10, messagesPerS: messages / 10 };
}

const ontimeServer = process.env.ONTIME_SERVER;
if (!ontimeServer) {
  console.log(
    'ONTIME_SERVER is not set: measuring Roundtable and the floor only. To compare, build Ontime outside this project (bench/README.md) and run ONTIME_SERVER=/path/to/apps/server/dist/docker.cjs npm run bench:peer',
  );
} else if (!fs.existsSync(ontimeServer)) {
  console.error(`ONTIME_SERVER=${ontimeServer}: no such file`);
  process.exit(1);
}

type Figures = Record<string, { unit: string; values: number[] }>;
const figures: Record<Peer['name'], Figures> = { roundtable: {}, floor: {}, ontime: {} };
const add = (peer: Peer['name'], name: string, unit: string, value: number | number[]) => {
  const entry = (figures[peer][name] ??= { unit, values: [] });
  entry.values.push(...(Array.isArray(value) ? value : [value]));
};

// Ontime before Roundtable: a build of it that does not start stops the run within seconds,
// not after Roundtable's minute.
const starters: (() => Promise<Peer>)[] = [startFloor];
if (ontimeServer) starters.push(() => startOntime(ontimeServer));
starters.push(startRoundtable);

async function measure(peer: Peer, round: number): Promise<void> {
  add(peer.name, 'cmd_to_5_clients', 'ms', await commandToClients(peer, 5, 100));
  add(peer.name, 'cmd_to_50_clients', 'ms', await commandToClients(peer, 50, 100));
  add(peer.name, 'http_control_round_trip', 'ms', await httpRoundTrips(peer, 100));
  // The floor has no countdown and no application: only its latencies mean something.
  if (round > 0 || peer.name === 'floor') return;
  for (const count of [5, 200]) {
    const { cpu, rss } = await idle(peer, count);
    add(peer.name, `idle_cpu_${count}_clients_percent`, '%', cpu);
    add(peer.name, `server_rss_${count}_clients_mib`, 'MiB', rss);
  }
  const { bytesPerS, messagesPerS } = await traffic(peer);
  add(peer.name, 'countdown_bytes_per_client_per_s', 'B/s', bytesPerS);
  add(peer.name, 'countdown_messages_per_client_per_s', 'msg/s', messagesPerS);
}

// Alternate the servers, three rounds each, so all see the same machine state.
try {
  for (let round = 0; round < 3; round++) {
    for (const start of starters) {
      const peer = await start();
      console.error(`bench:peer: round ${round + 1} of 3, ${peer.name}`);
      try {
        await measure(peer, round);
      } finally {
        await peer.stop();
      }
    }
  }
} catch (error) {
  console.error(`bench:peer stopped: ${(error as Error).message}`);
  await endAllOwned();
  process.exit(1);
}

interface Row {
  name: string;
  unit: string;
  roundtable: number;
  floor: number | null;
  ontime: number | null;
}
const rows: Row[] = [];
for (const [name, { unit, values: ours }] of Object.entries(figures.roundtable)) {
  const latency = unit === 'ms';
  const of = (peer: 'floor' | 'ontime', p: number) => {
    const theirs = figures[peer][name]?.values;
    return theirs ? percentile(theirs, p) : null;
  };
  for (const p of latency ? [50, 99] : [50]) {
    rows.push({
      name: latency ? `${name}_p${p}_${unit}` : name,
      unit,
      roundtable: percentile(ours, p),
      floor: of('floor', p),
      ontime: of('ontime', p),
    });
  }
}

for (const line of machineAndVersions()) console.log(line);
if (ontimeServer) console.log(`ontime: ${ontimeServer}`);
const width = Math.max(...rows.map((r) => r.name.length));
const cell = (value: number | null) => (value === null ? '—' : value.toFixed(2)).padStart(11);
const ratio = (ours: number, theirs: number | null) =>
  (theirs ? (ours / theirs).toFixed(3) : '—').padStart(8);
console.log(
  `${'figure'.padEnd(width)}  ${'roundtable'.padStart(11)} ${'floor'.padStart(11)} ${'ontime'.padStart(11)}  ${'÷floor'.padStart(8)} ${'÷ontime'.padStart(8)}  unit`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(width)}  ${cell(row.roundtable)} ${cell(row.floor)} ${cell(row.ontime)}  ${ratio(row.roundtable, row.floor)} ${ratio(row.roundtable, row.ontime)}  ${row.unit}`,
  );
}
if (values.json) {
  const json: BenchRow[] = rows.flatMap((row) =>
    (['roundtable', 'floor', 'ontime'] as const).flatMap((peer) => {
      const value = row[peer];
      return value === null ? [] : [{ name: `peer_${row.name}_${peer}`, unit: row.unit, value }];
    }),
  );
  fs.writeFileSync(values.json, JSON.stringify(json, null, 2));
}
