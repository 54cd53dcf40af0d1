/**
 * A stand-in for Ontime's server that fails the way a real one can, for the test that
 * `bench:peer` leaves no process behind. It writes its PID to FAKE_ONTIME_PID_FILE, listens on
 * PORT, and by FAKE_ONTIME_FAILURE:
 * - `exits`: exits with code 3 at once, before it answers anything;
 * - `start-refused`: it gets ready, but playing an entry is refused (500);
 * - `never-loads`: answers with an empty rundown for as long as it runs;
 * - `dies-in-round`: gets ready and plays, then exits when the benchmark's first client connects.
 */
import fs from 'node:fs';
import http from 'node:http';
import { WebSocketServer } from 'ws';

const failure = process.env.FAKE_ONTIME_FAILURE;
fs.writeFileSync(process.env.FAKE_ONTIME_PID_FILE as string, String(process.pid));
if (failure === 'exits') process.exit(3);

const demoRundown = { entries: { a: { type: 'event' }, b: { type: 'event' } } };

const server = http.createServer((req, res) => {
  if (req.url === '/data/rundowns/current') {
    const rundown = failure === 'never-loads' ? { entries: {} } : demoRundown;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(rundown));
  } else if (req.url?.startsWith('/api/start/index/')) {
    res.writeHead(failure === 'start-refused' ? 500 : 200).end();
  } else {
    res.writeHead(404).end();
  }
});
let connections = 0;
new WebSocketServer({ server, path: '/ws' }).on('connection', (ws) => {
  connections += 1;
  // The first connection is the benchmark asking whether the socket is up.
  if (failure === 'dies-in-round' && connections > 1) process.exit(4);
  ws.send('{"tag":"runtime-data","payload":{}}');
});
server.listen(Number(process.env.PORT), '127.0.0.1');
