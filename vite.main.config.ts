import { defineConfig } from 'vite';

/** The Electron main process (bundled by Forge). The native SQLite binding stays outside. */
export default defineConfig({
  build: {
    rollupOptions: { external: ['better-sqlite3', /^@node-rs\/jieba/, /^@resvg\/resvg-js/] },
  },
});
