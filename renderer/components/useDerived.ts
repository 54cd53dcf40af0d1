import { useCallback, useSyncExternalStore } from 'react';

/**
 * A value derived from the clock, checked every `intervalMs` but committed to React only when it
 * changes: a "6 min behind" label re-renders once a minute, not once a second. It is also
 * computed afresh on every render, so a command's new facts show at once.
 */
export function useDerived<T extends string | number | boolean | null>(
  compute: () => T,
  intervalMs = 1000,
): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const timer = setInterval(onChange, intervalMs);
      return () => clearInterval(timer);
    },
    [intervalMs],
  );
  return useSyncExternalStore(subscribe, compute);
}
