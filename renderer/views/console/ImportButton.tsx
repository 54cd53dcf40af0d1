import { useRef } from 'react';
import { BUNDLE_MAX_BYTES } from '../../../electron/api/bundle.ts';
import type { MeetingWithAgenda } from '../../../electron/api/contract.ts';
import { ApiCallError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isStorageFull } from './fieldErrors.ts';

interface Props {
  onImported: (meeting: MeetingWithAgenda) => void;
  onError: (message: string) => void;
}

/** Brings in a `.roundtable` file from another computer; offers a copy when it is already here. */
export function ImportButton({ onImported, onError }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  /** Why a file did not come in, in the user's language where the cause is known. */
  function reasonFor(file: File, error: unknown): string {
    if (error instanceof ApiCallError && error.status === 413) {
      return t('import.tooLarge', { file: file.name });
    }
    if (isStorageFull(error)) {
      return t('import.failed', { file: file.name, reason: t('error.storageFull') });
    }
    if (error instanceof ApiCallError && error.field === 'file') {
      return t('import.notMeetingFile', { file: file.name, reason: error.message });
    }
    return t('import.failed', { file: file.name, reason: (error as Error).message });
  }

  async function read(file: File) {
    if (file.size > BUNDLE_MAX_BYTES) {
      onError(t('import.tooLarge', { file: file.name }));
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
