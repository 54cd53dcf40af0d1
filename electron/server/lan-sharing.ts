import { randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import type { GuestRole, SharedDevice, SharingState } from '../api/sharing.ts';
import { describeBrowser } from './browser-name.ts';
import { tokenMatches } from './guard.ts';

/** The machine's IPv4 addresses on its networks (not loopback): where other devices reach it. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => (a as os.NetworkInterfaceInfo).address);
}

const MAX_WRONG_CODES = 5;
const LOCK_MS = 60_000;

interface Options {
  handle: http.RequestListener;
  upgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
  addresses: () => string[];
  now: () => number;
  /** Called when sharing stops, so the guests' open sockets are closed too. */
  onDisabled: () => void;
  /** Called when the organizer revokes one device: its connections are closed. */
  onRevoked: (deviceId: string) => void;
  /** Whether a device has a live connection now. */
  isConnected: (deviceId: string) => boolean;
}

/** A device that joined: its own token, and what it joined as. */
export interface JoinedDevice extends Omit<SharedDevice, 'connected'> {
  token: string;
}

/**
 * Sharing on the local network, off until the organizer turns it on. While on, the same app
 * listens on the LAN addresses (a random port) and a six-digit code buys a guest token; turning
 * it off closes those listeners and voids both the code and every guest token.
 */
export function createLanSharing(options: Options) {
  let servers: http.Server[] = [];
  let port = 0;
  let code = '';
  let devices: JoinedDevice[] = [];
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  const urls = () => servers.map((s) => `http://${(s.address() as AddressInfo).address}:${port}/`);

  async function listen(address: string, onPort: number): Promise<http.Server> {
    const server = http.createServer(options.handle);
    server.on('upgrade', options.upgrade);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, address, () => resolve());
    });
    return server;
  }

  return {
    state(): SharingState {
      return {
        enabled: servers.length > 0,
        urls: urls(),
        code,
        devices: devices.map(({ token: _token, ...device }) => ({
          ...device,
          connected: options.isConnected(device.id),
        })),
      };
    },
    /** Host header values the LAN listeners answer to. */
    hosts(): Set<string> {
      return new Set(servers.map((s) => `${(s.address() as AddressInfo).address}:${port}`));
    },
    /** The device a token belongs to, while sharing is on and the device is not revoked. */
    deviceFor(presented: string): JoinedDevice | null {
      if (servers.length === 0 || !presented) return null;
      return devices.find((d) => tokenMatches(presented, d.token)) ?? null;
    },
    /** Cuts one device off: its token stops working and its connections are closed. */
    revoke(deviceId: string): boolean {
      const before = devices.length;
      devices = devices.filter((d) => d.id !== deviceId);
      if (devices.length === before) return false;
      options.onRevoked(deviceId);
      return true;
    },
    async enable(): Promise<SharingState> {
      if (servers.length > 0) return this.state();
      const addresses = options.addresses();
      if (addresses.length === 0)
        throw new Error('this computer has no network address to share on');
      const first = await listen(addresses[0] as string, 0);
      port = (first.address() as AddressInfo).port;
      servers = [first];
      for (const address of addresses.slice(1)) {
        try {
          servers.push(await listen(address, port));
        } catch {
          // That address cannot take this port; the others still serve.
        }
      }
      code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      devices = [];
      failures.clear();
      return this.state();
    },
    async disable(): Promise<SharingState> {
      const closing = servers;
      servers = [];
      code = '';
      devices = [];
      // The guests' WebSockets first: a listener does not finish closing while they are open.
      options.onDisabled();
      await Promise.all(
        closing.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
      return this.state();
    },
    /**
     * Trades the access code for a token of this device's own, for the role it asks; five wrong
     * tries lock that address a minute.
     */
    exchangeCode(
      presented: string,
      from: string,
      role: GuestRole,
      userAgent: string,
    ): { token: string; deviceId: string; role: GuestRole } | 'wrong' | 'locked' | 'off' {
      if (servers.length === 0) return 'off';
      const now = options.now();
      const record = failures.get(from);
      if (record && record.lockedUntil > now) return 'locked';
      if (tokenMatches(presented, code)) {
        failures.delete(from);
        const device: JoinedDevice = {
          id: randomBytes(6).toString('hex'),
          token: randomBytes(24).toString('base64url'),
          role,
          address: from.replace(/^::ffff:/, ''),
          userAgent: describeBrowser(userAgent),
          joinedAt: now,
        };
        devices.push(device);
        return { token: device.token, deviceId: device.id, role };
      }
      const count = (record?.count ?? 0) + 1;
      failures.set(from, { count, lockedUntil: count >= MAX_WRONG_CODES ? now + LOCK_MS : 0 });
      return count >= MAX_WRONG_CODES ? 'locked' : 'wrong';
    },
  };
}
export type LanSharing = ReturnType<typeof createLanSharing>;
