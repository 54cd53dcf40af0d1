import { useCallback, useState } from 'react';

/**
 * A draft kept in this browser as it is typed: a reload, a crash of the page or of the server
 * loses nothing. It is cleared only once the server has acknowledged the saved note.
 */
export function useDraft(key: string) {
  const storageKey = `roundtable.draft.${key}`;
  const [draft, setDraftState] = useState(() => ({
    key,
    text: localStorage.getItem(storageKey) ?? '',
  }));
  // A new speaker (a new key) starts from that speaker's own draft.
  const text = draft.key === key ? draft.text : (localStorage.getItem(storageKey) ?? '');
  const setDraft = useCallback(
    (next: string) => {
      if (next) localStorage.setItem(storageKey, next);
      else localStorage.removeItem(storageKey);
      setDraftState({ key, text: next });
    },
    [key, storageKey],
  );
  return [text, setDraft] as const;
}
