import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readOwnerOnlyJson, writeOwnerOnlyJson } from './owner-only-file.ts';

/**
 * Where the server keeps its port and organizer token between starts. Every open screen has
 * both in its address and its session: a server that comes back on them after a crash, a
 * restart or a reboot is picked up by every screen without anyone in the hall touching a page.
 * The token opens the organizer's controls, so the file is the owner's alone (0600).
 */
export const ADDRESS_FILE_NAME = 'launch.json';

export interface RememberedAddress {
  port: number | null;
  token: string;
  /** Why a kept token was replaced, for the log; null when it was kept or there was none. */
  tokenIssued: string | null;
}

/** As many random bytes as the per-launch token always had. */
export const newOrganizerToken = (): string => randomBytes(24).toString('base64url');

const isPort = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) > 0 && (value as number) <= 65535;
const isToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[\w-]{32,128}$/.test(value);

/**
 * The port and token of the last start. A token the file cannot vouch for is replaced: one
 * missing or malformed, or one that other users of the machine could read (its file was not
 * 0600), since anyone holding it runs the meeting.
 */
export function recallAddress(dataDir: string): RememberedAddress {
  const read = readOwnerOnlyJson(path.join(dataDir, ADDRESS_FILE_NAME));
  const data = (read?.data ?? {}) as { port?: unknown; token?: unknown };
  const port = isPort(data.port) ? data.port : null;
  if (!read) return { port, token: newOrganizerToken(), tokenIssued: null };
  if (!isToken(data.token)) {
    return { port, token: newOrganizerToken(), tokenIssued: `${ADDRESS_FILE_NAME} had none` };
  }
  if (read.exposed) {
    return {
      port,
      token: newOrganizerToken(),
      tokenIssued: `${ADDRESS_FILE_NAME} was readable by other users: the old token is void`,
    };
  }
  return { port, token: data.token, tokenIssued: null };
}

/** Keeps the port and token for the next start (written 0600, replaced whole). */
export function rememberAddress(dataDir: string, port: number, token: string): void {
  writeOwnerOnlyJson(path.join(dataDir, ADDRESS_FILE_NAME), { port, token });
}

const isAddressInUse = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'EADDRINUSE';

function listenOn(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Where the server listens, and the port it wanted but found taken (null when it got it). */
export interface Listening {
  port: number;
  takenPort: number | null;
}

/**
 * Listens on `port` (0: any free one). With `freeIfTaken`, a port another program holds gives
 * way to a free one, and the caller says so: the screens opened before have to be opened again.
 */
export async function listenPreferring(
  server: http.Server,
  port: number,
  host: string,
  freeIfTaken: boolean,
): Promise<Listening> {
  try {
    return { port: await listenOn(server, port, host), takenPort: null };
  } catch (error) {
    if (!freeIfTaken || port === 0 || !isAddressInUse(error)) throw error;
    return { port: await listenOn(server, 0, host), takenPort: port };
  }
}
