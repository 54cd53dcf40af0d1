import { defineConfig } from 'vite';

/**
 * The server without Electron, bundled into one file: it starts faster and uses about 40 MiB
 * less memory than running the TypeScript sources through Node's type stripping. better-sqlite3
 * stays outside: it loads its native prebuild at run time.
 */
export default defineConfig({
  build: {
    ssr: 'electron/serve.ts',
    outDir: '.vite/serve',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      external: ['better-sqlite3'],
      output: { format: 'es', entryFileNames: 'serve.js' },
    },
  },
  ssr: { noExternal: true, external: ['better-sqlite3'] },
});
