import { useEffect, useState } from 'react';

type Initials = (text: string) => string;

/** Until the dictionary is loaded, a name matches by its characters only. */
const NO_INITIALS: Initials = () => '';

/**
 * The initials of a text's pinyin ("lyp" for 林一平), from pinyin-pro's offline dictionary.
 * Loaded on its own when the door screen opens, so no other screen carries the dictionary.
 */
export function usePinyinInitials(): Initials {
  const [initials, setInitials] = useState<Initials>(() => NO_INITIALS);
  useEffect(() => {
    let current = true;
    void import('pinyin-pro').then(({ pinyin }) => {
      const of: Initials = (text) =>
        pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
          .join('')
          .replace(/\s+/g, '');
      if (current) setInitials(() => of);
    });
    return () => {
      current = false;
    };
  }, []);
  return initials;
}
