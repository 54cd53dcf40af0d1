import { useEffect, useRef } from 'react';
import { itemHeadline, type AgendaItem } from '../../../electron/api/agenda.ts';
import type { RunView } from '../../../electron/api/run.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { elapsedText } from './runText.ts';

interface Props {
  item: AgendaItem | undefined;
  run: RunView | null;
  answer: (yes: boolean) => void;
}

/**
 * Asks before a finished speaker is run again. In the page, not window.confirm: a native
 * dialog would stop every countdown on this console while it is open.
 */
export function RunAgainDialog({ item, run, answer }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const record = run?.itemRuns.find((r) => r.itemId === item?.id);
  const name = (item && itemHeadline(item)) || t('agenda.untitled');
  return (
    <dialog
      ref={dialog}
      className="run-again"
      aria-labelledby="run-again-title"
      data-testid="run-again"
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
    >
      <h3 id="run-again-title">{t('run.againTitle')}</h3>
      <p>{t('run.againQuestion', { name, time: elapsedText(record?.elapsedMs ?? 0) })}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => answer(false)}>
          {t('run.againCancel')}
        </button>
        <button type="button" className="primary" autoFocus onClick={() => answer(true)}>
          {t('run.againConfirm')}
        </button>
      </div>
    </dialog>
  );
}
