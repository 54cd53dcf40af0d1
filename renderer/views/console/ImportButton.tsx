import { useRef } from 'react';
import type { MeetingWithAgenda } from '../../../electron/api/contract.ts';
import { ApiCallError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  onImported: (meeting: MeetingWithAgenda) => void;
  onError: (message: string) => void;
}

/** Brings in a `.roundtable` file from another computer; offers a copy when it is already here. */
export function ImportButton({ onImported, onError }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  async function read(file: File) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      onImported(await call('meetings.importBundle', { file: bytes }));
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') {
        if (window.confirm(t('import.alreadyHere'))) {
          try {
            onImported(await call('meetings.importBundle', { file: bytes, asCopy: true }));
          } catch (again) {
            onError(
              t('import.failed', { file: file.name, reason: String((again as Error).message) }),
            );
          }
        }
        return;
      }
      onError(t('import.failed', { file: file.name, reason: (error as Error).message }));
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
