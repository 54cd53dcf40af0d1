import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleRequest, startServe, type ServeProcess } from '../e2e/serve-process.ts';
import { cpuTimeMs, rssMiB } from './proc.ts';
import { openCaller } from '../electron/server/test-support/ws-caller.ts';
import { closeAll, connectScreens, postCommand } from './ws-clients.ts';
import { percentile, type BenchRow } from './stats.ts';

/** How a command is sent: as the console does, or as a script does. */
type Transport = 'ws' | 'http';

/**
 * From sending a run command to the moment the last of `clients` screens has the resulting
 * event, for `rounds` commands (pause and resume in turn, each a real transaction). Sent as the
 * console does (`ws`: a call on its open WebSocket, answered after the commit), or as a script
 * does (`http`: a POST on a kept-alive connection).
 */
async function commandToClients(
  serve: ServeProcess,
  meetingId: string,
  clients: number,
  rounds: number,
  transport: Transport = 'ws',
) {
  const screens = await connectScreens(serve, clients);
  const samples: number[] = [];
  const consoleSocket = await openCaller(serve.origin, serve.token);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = async (command: 'pause' | 'resume') => {
    if (transport === 'http') {
      return postCommand(serve, agent, `/api/meetings/${meetingId}/run/${command}`);
    }
    const answer = await consoleSocket.call(`run.${command}`, { id: meetingId });
    if (!answer.ok) throw new Error(`the run command was refused: ${answer.error.message}`);
  };
  for (let i = 0; i < rounds + 10; i++) {
    let pending = clients;
    const allReceived = new Promise<number>((resolve) => {
      for (const ws of screens) {
        ws.once('message', () => {
          pending -= 1;
          if (pending === 0) resolve(performance.now());
        });
      }
    });
    const sentAt = performance.now();
    await send(i % 2 === 0 ? 'pause' : 'resume');
    const doneAt = await allReceived;
    if (i >= 10) samples.push(doneAt - sentAt); // the first ten warm up
  }
  await closeAll([...screens, consoleSocket.ws]);
  agent.destroy();
  return samples;
}

export async function benchRunLatency(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-run-'));
  const serve = await startServe(dir);
  try {
    const headers = { Authorization: `Bearer ${serve.token}` };
    const sample = (await (
      await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(headers))
    ).json()) as { meeting: { id: string } };
    const meetingId = sample.meeting.id;
    await fetch(`${serve.origin}/api/meetings/${meetingId}/run/next`, { method: 'POST', headers });

    const five = await commandToClients(serve, meetingId, 5, 300);
    const fifty = await commandToClients(serve, meetingId, 50, 300);
    const fiveOverHttp = await commandToClients(serve, meetingId, 5, 300, 'http');

    // Idle: five screens connected, a countdown running, nobody touching anything.
    const screens = await connectScreens(serve, 5);
    await new Promise((r) => setTimeout(r, 2000));
    const pid = serve.child.pid as number;
    const cpuBefore = cpuTimeMs(pid);
    const wallBefore = performance.now();
    let messages = 0;
    for (const ws of screens) ws.on('message', () => (messages += 1));
    await new Promise((r) => setTimeout(r, 10_000));
    const idleCpu = ((cpuTimeMs(pid) - cpuBefore) / (performance.now() - wallBefore)) * 100;
    const rss = rssMiB(pid);
    await closeAll(screens);

    return [
      { name: 'cmd_to_5_clients_p50_ms', unit: 'ms', value: percentile(five, 50) },
      { name: 'cmd_to_5_clients_p99_ms', unit: 'ms', value: percentile(five, 99) },
      { name: 'cmd_to_50_clients_p50_ms', unit: 'ms', value: percentile(fifty, 50) },
      { name: 'cmd_to_50_clients_p99_ms', unit: 'ms', value: percentile(fifty, 99) },
      { name: 'cmd_http_to_5_clients_p50_ms', unit: 'ms', value: percentile(fiveOverHttp, 50) },
      { name: 'cmd_http_to_5_clients_p99_ms', unit: 'ms', value: percentile(fiveOverHttp, 99) },
      { name: 'idle_cpu_percent', unit: '%', value: idleCpu },
      { name: 'server_rss_mib', unit: 'MiB', value: rss },
      { name: 'idle_messages_per_client_per_s', unit: 'msg/s', value: messages / 5 / 10 },
    ];
  } finally {
    await serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
