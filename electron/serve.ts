/**
 * The Roundtable server without Electron: for a projector PC, for tests, for machines where
 * the desktop shell cannot run. `node electron/serve.ts --port 0 --data-dir ./data`
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './server/app.ts';
import { describeRestored } from './server/backup-offer.ts';
import { defaultDataDir } from './server/data-dir.ts';
import { installLastResort } from './server/last-resort.ts';
import { describeStartupError } from './server/startup-error.ts';
import { restoreLatestBackup } from './store/restore-backup.ts';

const usage =
  'usage: npm run serve -- [--port <n>] [--data-dir <dir>] [--static-dir <dir>] [--lan-address <ip> …]\n' +
  '       --port left out: the port of the last start on this data folder, or a free one\n' +
  '       [--restore-latest-backup]  replace a damaged database by the newest backup, then start';
/** The folder with package.json: one level up from electron/, two from .vite/serve/. */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}
const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        // Left out: the port of the last start on this data folder (a free one if it is taken).
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
        // Where sharing listens when the organizer turns it on (default: every LAN address).
        'lan-address': { type: 'string', multiple: true },
        'restore-latest-backup': { type: 'boolean' },
        // TEST ONLY, deliberately left out of the usage: the crash tests' negative control.
        'unsafe-ack-before-commit': { type: 'boolean' },
        // TEST ONLY, left out of the usage too: the power-loss test's negative control.
        'unsafe-synchronous-normal': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
    }
    return {
      ...(port === undefined ? {} : { port }),
      keepAcrossRestarts: true,
      dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
      staticDir: path.resolve(values['static-dir'] ?? path.join(projectRoot, '.vite', 'renderer')),
      ...(values['lan-address'] ? { lanAddresses: () => values['lan-address'] as string[] } : {}),
      restoreLatestBackup: values['restore-latest-backup'] === true,
      unsafeAckBeforeCommit: values['unsafe-ack-before-commit'] === true,
      unsafeSynchronousNormal: values['unsafe-synchronous-normal'] === true,
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const { restoreLatestBackup: restoreFirst, ...options } = parse();
if (options.unsafeAckBeforeCommit) {
  console.error(
    'roundtable: --unsafe-ack-before-commit: writes are answered BEFORE they are committed and a ' +
      'crash loses them. This exists only to test the crash tests; never use it with real data.',
  );
}
if (options.unsafeSynchronousNormal) {
  console.error(
    'roundtable: --unsafe-synchronous-normal: commits are answered before they are synced to ' +
      'disk and a power cut loses them. This exists only to test the power-loss test; never use ' +
      'it with real data.',
  );
}
try {
  if (restoreFirst) {
    console.log(describeRestored(await restoreLatestBackup(options.dataDir, Date.now())));
  }
  const server = await startServer(options);
  // A port that moved is said on the ready line itself: it is the line people read.
  const moved =
    server.takenPort === null
      ? ''
      : ` (NEW PORT: ${server.takenPort}, the port of the last start, is taken by another ` +
        'program; screens opened before must be opened again at this address)';
  console.log(`Roundtable ready: ${server.openUrl}${moved}`);
  console.log(`  data: ${server.dataDir}`);
  // From here on, what escapes every request's boundary is logged and the server goes on.
  installLastResort({
    log: (message) => console.error(message),
    stillServing: server.isServing,
    stop: () => process.exit(1),
  });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const message = describeStartupError(error);
  if (!message) throw error;
  console.error(message);
  process.exit(1);
}
