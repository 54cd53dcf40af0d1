import { useState, type FormEvent } from 'react';
import type { MessageTarget, RunView } from '../../../electron/api/run.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SHORTCUTS, type RunCommands } from './useRunCommands.ts';

interface Props {
  run: RunView | null;
  commands: RunCommands;
  presets: { hurry: string; wrapUp: string };
}

const TARGETS: readonly MessageTarget[] = ['lectern', 'projector', 'both'];

/**
 * The organizer's messages. The presets go to the speaker (the lectern screen, or the projector
 * when none is connected); free text goes where the organizer chooses. The line beside them
 * says where the message on show is, and when it went to the projector for want of a lectern.
 */
export function MessageControls({ run, commands, presets }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [target, setTarget] = useState<MessageTarget>('lectern');

  function sendDraft(event: FormEvent) {
    event.preventDefault();
    if (!draft.trim()) return;
    commands.message(draft.trim(), { target, projectorIfNoLectern: false });
    setDraft('');
  }

  return (
    <div className="run-messages" role="group" aria-label={t('run.messages')}>
      <button
        type="button"
        title={t('run.presetTarget')}
        onClick={() => commands.message(presets.hurry)}
      >
        {presets.hurry} <kbd>{SHORTCUTS.hurry}</kbd>
      </button>
      <button
        type="button"
        title={t('run.presetTarget')}
        onClick={() => commands.message(presets.wrapUp)}
      >
        {presets.wrapUp} <kbd>{SHORTCUTS.wrapUp}</kbd>
      </button>
      <form onSubmit={sendDraft} className="message-form">
        <input
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('run.messagePlaceholder')}
          aria-label={t('run.messagePlaceholder')}
        />
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value as MessageTarget)}
          aria-label={t('run.messageTarget')}
        >
          {TARGETS.map((option) => (
            <option key={option} value={option}>
              {t(`run.target.${option}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('run.send')}</button>
      </form>
      <button type="button" onClick={() => commands.message('')} disabled={!run?.message}>
        {t('run.clear')} <kbd>{SHORTCUTS.clear}</kbd>
      </button>
      {run?.message && (
        <span
          className="current-message"
          data-testid="current-message"
          data-target={run.messageTarget}
        >
          {t('run.showingOn', {
            target: t(`run.target.${run.messageTarget}`),
            text: run.message,
          })}
          {run.messageRedirected && (
            <strong className="message-redirected" data-testid="message-redirected">
              {t('run.redirected')}
            </strong>
          )}
        </span>
      )}
    </div>
  );
}
