import { useRef } from 'react';
import { BUNDLE_MAX_BYTES } from '../../../electron/api/bundle.ts';
import type { MeetingWithAgenda } from '../../../electron/api/contract.ts';
import { ApiCallError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, type Phrase } from '../../i18n/phrase.ts';
import { errorPhrase, isStorageFull } from './fieldErrors.ts';

interface Props {
  onImported: (meeting: MeetingWithAgenda) => void;
  /** Why a file did not come in, kept as a phrase: worded where it is shown. */
  onError: (message: Phrase) => void;
}

/** Brings in a `.roundtable` file from another computer; offers a copy when it is already here. */
export function ImportButton({ onImported, onError }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  /** Why a file did not come in, in the user's language where the cause is known. */
  function reasonFor(file: File, error: unknown): Phrase {
    if (error instanceof ApiCallError && error.status === 413) {
      return phrase('import.tooLarge', { file: file.name });
    }
    if (isStorageFull(error)) {
      return phrase('import.failed', { file: file.name, reason: phrase('error.storageFull') });
    }
    // A refusal of the file's content (field `file`, or a place in it such as notes[12].text).
    if (error instanceof ApiCallError && error.code === 'invalid_input') {
      return phrase('import.notMeetingFile', { file: file.name, reason: errorPhrase(error) });
    }
    return phrase('import.failed', { file: file.name, reason: errorPhrase(error) });
  }

  async function read(file: File) {
    if (file.size > BUNDLE_MAX_BYTES) {
      onError(phrase('import.tooLarge', { file: file.name }));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      onImported(await call('meetings.importBundle', { file: bytes }));
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') {
        if (window.confirm(t('import.alreadyHere'))) {
          try {
            onImported(await call('meetings.importBundle', { file: bytes, asCopy: true }));
          } catch (again) {
            onError(reasonFor(file, again));
          }
        }
        return;
      }
      onError(reasonFor(file, error));
    }
  }

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".roundtable,application/json"
        hidden
        aria-label={t('import.button')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
    </>
  );
}
