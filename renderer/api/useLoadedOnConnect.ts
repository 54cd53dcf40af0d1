import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useLiveStatus } from './live.ts';

/** The default: a load always replaces what is held. Module-level, so its identity is stable. */
const takeLoaded = <T>(_held: T | null, loaded: T): T => loaded;

/**
 * Loads a value for `key` when it changes and again after every reconnect: events missed while
 * away are not replayed, so the screen reads the state afresh. `load` must be a stable function.
 * A load and a pushed event travel on different connections and may arrive in either order:
 * `keep` (stable too) decides whether a loaded value replaces the one already held.
 */
export function useLoadedOnConnect<T>(
  key: string | null,
  load: (key: string) => Promise<T>,
  keep: (held: T | null, loaded: T) => T | null = takeLoaded,
): [T | null, Dispatch<SetStateAction<T | null>>] {
  const [value, setValue] = useState<T | null>(null);
  const { generation } = useLiveStatus();
  useEffect(() => {
    if (!key) return;
    let current = true;
    load(key)
      .then((loaded) => current && setValue((held) => keep(held, loaded)))
      .catch(() => current && setValue(null));
    return () => {
      current = false;
    };
  }, [key, load, keep, generation]);
  return [value, setValue];
}
