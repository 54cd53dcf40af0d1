import type { Diagnostics } from '../api/diagnostics.ts';

/** How much memory the server holds now: the soak test watches it for growth. */
export function readDiagnostics(): Diagnostics {
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return {
    memory: { rss, heapTotal, heapUsed, external, arrayBuffers },
    uptimeMs: Math.round(process.uptime() * 1000),
  };
}

export const diagnosticsHandlers = () => ({
  'diagnostics.get': (_input: unknown): Diagnostics => readDiagnostics(),
});
