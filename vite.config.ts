import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one React app, every screen a route, served by Roundtable's own server. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  publicDir: '../resources/public',
  build: {
    outDir: '../.vite/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
  server: { port: 5173, strictPort: false },
});
