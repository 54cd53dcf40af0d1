/**
 * Half of a UTF-16 surrogate pair, without its other half. JSON can carry one ("\ud800"), a
 * JavaScript string can hold one, but UTF-8 cannot: SQLite would store U+FFFD instead, and what
 * was saved would differ from what the answer showed. Such text is refused where it comes in.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const ILL_FORMED_TEXT_MESSAGE =
  'the text has an invalid character (half of a UTF-16 surrogate pair)';

export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

interface Visit {
  value: unknown;
  key: string | undefined;
  parent: Visit | undefined;
}

/** The keys down to `visit`; a bad half in a key is shown as U+FFFD, so the error is well-formed. */
const pathOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) {
    keys.push(at.key.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd'));
  }
  return keys.reverse().join('.');
};

/**
 * The dotted path (`attendees.3`, as validation errors name fields) of the first text in a parsed
 * JSON value, string or key, that is not well-formed; undefined when all of it is. Every field is
 * looked at, so a field added to the contract tomorrow is covered too. Walked without recursion,
 * since a body may nest deeper than the stack.
 */
export function illFormedTextAt(value: unknown): string | undefined {
  const pending: Visit[] = [{ value, key: undefined, parent: undefined }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const current = visit.value;
    if (visit.key !== undefined && !isWellFormedText(visit.key)) return pathOf(visit);
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return pathOf(visit);
    } else if (ArrayBuffer.isView(current)) {
      // A file's bytes (a meeting file, a spreadsheet) hold no text: their reader checks them.
      // Walked as an object, a 51 MiB file was 51 million entries: 36 s of a frozen server.
      continue;
    } else if (typeof current === 'object' && current !== null) {
      const entries = Array.isArray(current)
        ? current.map((item: unknown, i) => [String(i), item] as const)
        : Object.entries(current);
      // Pushed last to first, so that the first field in the body is looked at first.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as readonly [string, unknown];
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return undefined;
}
