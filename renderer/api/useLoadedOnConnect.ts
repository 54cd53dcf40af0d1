import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useLiveStatus } from './live.ts';

/**
 * Loads a value for `key` when it changes and again after every reconnect: events missed while
 * away are not replayed, so the screen reads the state afresh. `load` must be a stable function.
 */
export function useLoadedOnConnect<T>(
  key: string | null,
  load: (key: string) => Promise<T>,
): [T | null, Dispatch<SetStateAction<T | null>>] {
  const [value, setValue] = useState<T | null>(null);
  const { generation } = useLiveStatus();
  useEffect(() => {
    if (!key) return;
    let current = true;
    load(key)
      .then((loaded) => current && setValue(loaded))
      .catch(() => current && setValue(null));
    return () => {
      current = false;
    };
  }, [key, load, generation]);
  return [value, setValue];
}
