import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import type { GuestRole, SharedDevice, SharingState } from '../api/sharing.ts';
import { createAccessDoor } from './access-door.ts';
import { describeBrowser } from './browser-name.ts';
import { tokenMatches } from './guard.ts';
import type { SharingMemory } from './sharing-memory.ts';

/** The machine's IPv4 addresses on its networks (not loopback): where other devices reach it. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => (a as os.NetworkInterfaceInfo).address);
}

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
  /**
   * Called when the organizer's view changed without the organizer asking: a device joined, a
   * lockout replaced the code, a removed device tried to rejoin.
   */
  onChanged: () => void;
  /**
   * Called with sharing's state after every change while it is on, and null when it is turned
   * off, so a restart after a crash can resume it (sharing-memory.ts). Left out: nothing kept.
   */
  remember?: (memory: SharingMemory | null) => void;
}

/** A device that joined: its own token, and what it joined as. */
export interface JoinedDevice extends Omit<SharedDevice, 'connected'> {
  token: string;
}

/** What a device's code exchange comes to. */
export type CodeExchange =
  | { kind: 'joined'; token: string; deviceId: string; role: GuestRole }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfterMs: number }
  | { kind: 'removed' }
  | { kind: 'off' };

/**
 * Sharing on the local network, off until the organizer turns it on. While on, the same app
 * listens on the LAN addresses (a random port) and a six-digit code buys a guest token; turning
 * it off closes those listeners and voids both the code and every guest token. The code and who
 * may present it are the door's (access-door.ts).
 */
export function createLanSharing(options: Options) {
  let servers: http.Server[] = [];
  let port = 0;
  let devices: JoinedDevice[] = [];
  const door = createAccessDoor({
    now: options.now,
    onChanged: () => {
      remember();
      options.onChanged();
    },
  });

  function remember(): void {
    options.remember?.(servers.length > 0 ? { port, ...door.snapshot(), devices } : null);
  }

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

  /** Listens on every address at `wanted` (0: a free port), or a free one if it is taken. */
  async function openListeners(wanted: number): Promise<void> {
    const addresses = options.addresses();
    if (addresses.length === 0) throw new Error('this computer has no network address to share on');
    const firstAddress = addresses[0] as string;
    const first = await listen(firstAddress, wanted).catch((error: unknown) => {
      if (wanted === 0 || (error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
      return listen(firstAddress, 0);
    });
    port = (first.address() as AddressInfo).port;
    servers = [first];
    for (const address of addresses.slice(1)) {
      try {
        servers.push(await listen(address, port));
      } catch {
        // That address cannot take this port; the others still serve.
      }
    }
  }

  return {
    state(): SharingState {
      return {
        enabled: servers.length > 0,
        urls: urls(),
        code: door.code(),
        lockedUntil: servers.length > 0 ? door.lockedUntil() : null,
        devices: devices.map(({ token: _token, ...device }) => ({
          ...device,
          connected: options.isConnected(device.id),
        })),
        removed: door.removed(),
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
    /**
     * Cuts one device off: its token stops working, its connections are closed, the code it
     * knew is replaced, and its address may not join again until the organizer allows it.
     */
    revoke(deviceId: string): boolean {
      const device = devices.find((d) => d.id === deviceId);
      if (!device) return false;
      devices = devices.filter((d) => d !== device);
      const { token: _token, ...seen } = device;
      door.remove(seen);
      remember();
      options.onRevoked(deviceId);
      return true;
    },
    allow(deviceId: string): boolean {
      const allowed = door.allow(deviceId);
      if (allowed) remember();
      return allowed;
    },
    async enable(): Promise<SharingState> {
      if (servers.length > 0) return this.state();
      await openListeners(0);
      door.open();
      devices = [];
      remember();
      return this.state();
    },
    /**
     * Sharing as it was when the server died: the same port (a free one if another program
     * took it), code and devices, so every device's page reconnects with the token it holds.
     */
    async resume(memory: SharingMemory): Promise<SharingState> {
      if (servers.length > 0) return this.state();
      door.reopen(memory);
      devices = memory.devices;
      try {
        await openListeners(memory.port);
      } catch (error) {
        door.close();
        devices = [];
        throw error;
      }
      remember();
      return this.state();
    },
    /**
     * Turns sharing off. `forget` false: only because the machine shuts down, so the state
     * kept for the next start stays and sharing resumes after the reboot.
     */
    async disable(forget = true): Promise<SharingState> {
      const closing = servers;
      servers = [];
      door.close();
      devices = [];
      // Before any await: the desktop app's quit does not wait for this promise.
      if (forget) remember();
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
    /** Trades the access code for a token of this device's own, for the role it asks. */
    exchangeCode(
      presented: string,
      from: string,
      role: GuestRole,
      userAgent: string,
    ): CodeExchange {
      if (servers.length === 0) return { kind: 'off' };
      const address = from.replace(/^::ffff:/, '');
      const answer = door.check(presented, address);
      if (answer.kind !== 'right') return answer;
      const device: JoinedDevice = {
        id: randomBytes(6).toString('hex'),
        token: randomBytes(24).toString('base64url'),
        role,
        address,
        userAgent: describeBrowser(userAgent),
        joinedAt: options.now(),
      };
      devices.push(device);
      remember();
      options.onChanged();
      return { kind: 'joined', token: device.token, deviceId: device.id, role };
    },
  };
}
export type LanSharing = ReturnType<typeof createLanSharing>;
