import { defineConfig } from 'vite';

/** The preload runs sandboxed: one CommonJS file, nothing external but electron. */
export default defineConfig({});
