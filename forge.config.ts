import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { buildIfStale } from './scripts/build-if-stale.ts';

/**
 * Packaged, only .vite/ (main, preload, the renderer our server serves) and better-sqlite3 go
 * in. The Vite plugin would drop node_modules entirely (Forge issues #3738, #3934), and the
 * native module must sit outside the asar to load.
 */
const KEEP = [
  /^\/\.vite(\/|$)/,
  /^\/package\.json$/,
  /^\/node_modules(\/better-sqlite3(\/(lib|prebuilds)(\/.*)?|\/package\.json)?)?$/,
  // jieba (the 会议信息 draft's keywords): its loader, dictionaries and this platform's binary.
  /^\/node_modules(\/@node-rs(\/jieba[^/]*(\/.*)?)?)?$/,
  // resvg (the timing chart's picture in the .xlsx): its loader and this platform's binary.
  /^\/node_modules(\/@resvg(\/resvg-js[^/]*(\/.*)?)?)?$/,
];

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Roundtable',
    executableName: 'roundtable',
    asar: { unpack: '**/*.node' },
    ignore: (file: string) => !!file && !KEEP.some((pattern) => pattern.test(file)),
  },
  makers: [
    {
      name: '@electron-forge/maker-squirrel',
      platforms: ['win32'],
      config: { name: 'Roundtable' },
    },
    { name: '@electron-forge/maker-zip', platforms: ['darwin', 'linux'], config: {} },
    {
      name: '@electron-forge/maker-deb',
      platforms: ['linux'],
      config: { options: { name: 'roundtable' } },
    },
  ],
  hooks: {
    // Our own server serves the renderer, so it is built like `npm run build` does.
    generateAssets: async () => buildIfStale(),
  },
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        // The table import's worker thread, loaded from beside main.cjs.
        {
          entry: 'electron/import/import-worker.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
        // The exports' and meeting files' worker thread, loaded from beside main.cjs too.
        {
          entry: 'electron/services/heavy-worker.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
      ],
      renderer: [],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
