import { useMemo } from 'react';
import { itemHeadline, type AgendaItem } from '../../../electron/api/agenda.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import { computeSchedule, elapsedMs, type RunView } from '../../../electron/api/run.ts';
import { serverNow } from '../../api/serverClock.ts';
import { Countdown } from '../../components/Countdown.tsx';
import { useDerived } from '../../components/useDerived.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FinishOnTimePanel } from './FinishOnTimePanel.tsx';
import { MessageControls } from './MessageControls.tsx';
import { RunAgainDialog } from './RunAgainDialog.tsx';
import { clockTimeOf, elapsedText, offsetText } from './runText.ts';
import { useFromActualStart } from './useFromActualStart.ts';
import { SHORTCUTS, useRunShortcuts, type RunCommands } from './useRunCommands.ts';

interface Props {
  meeting: Meeting;
  items: AgendaItem[];
  run: RunView | null;
  commands: RunCommands;
  onChime: (on: boolean) => void;
}

/** Arrows and signs (←, +, −) are specks in a small monospace letter: they get the text's. */
function Key({ k }: { k: string }) {
  return <kbd className={/^[\p{L}\p{N}]/u.test(k) ? undefined : 'kbd-symbol'}>{k}</kbd>;
}

/** The organizer's controls for the live run, beside the agenda. */
export function RunPanel({ meeting, items, run, commands, onChime }: Props) {
  const { t } = useI18n();
  const presets = useMemo(
    () => ({ hurry: t('run.presetHurry'), wrapUp: t('run.presetWrapUp') }),
    [t],
  );
  useRunShortcuts(commands, presets);

  // With no items there is nothing to start or go back to: say so instead of "the last item".
  const empty = items.length === 0;
  const index = items.findIndex((i) => i.id === run?.currentItemId);
  const current = index >= 0 ? items[index] : undefined;
  const next = current
    ? items[index + 1]
    : items.find((i) => !run?.itemRuns.some((r) => r.itemId === i.id));
  const clock = run?.clock ?? null;
  const paused = clock?.pausedAt != null;
  const status = !current
    ? run?.itemRuns.length
      ? 'finished'
      : 'notStarted'
    : !clock
      ? 'cued'
      : paused
        ? 'paused'
        : 'speaking';

  const elapsed = useDerived(() => (clock ? elapsedText(elapsedMs(clock, serverNow())) : ''));
  // A run on another day than the meeting's date (a rehearsal) is measured from its actual start.
  const fromActual = useFromActualStart(meeting, run);
  const { baseline } = fromActual;
  const summary = useDerived(() => {
    if (!run) return '';
    const schedule = computeSchedule(
      items,
      baseline,
      { ...run, itemRuns: Object.fromEntries(run.itemRuns.map((r) => [r.itemId, r])) },
      serverNow(),
    );
    const late = schedule.offsetMs >= 60_000 ? 'behind' : '';
    return `${offsetText(t, schedule.offsetMs)}|${clockTimeOf(schedule.projectedEndAt)}|${late}`;
  });
  const [offset, projectedEnd, late] = summary.split('|');

  return (
    <section className="run-panel" aria-labelledby="run-heading">
      <header className="section-header">
        <h2 id="run-heading">{t('run.heading')}</h2>
        {run?.recovered && (
          <span className="badge badge-warn" data-testid="recovered">
            {t('run.recovered')}
          </span>
        )}
        <span className="run-summary" data-testid="run-offset">
          {offset} · {t('run.projectedEnd', { time: projectedEnd ?? '' })}
          {fromActual.chosen && <span className="from-actual-note">{t('run.fromActualNote')}</span>}
        </span>
        {fromActual.offered && (
          <label className="from-actual-toggle" title={t('run.fromActualHint')}>
            <input
              type="checkbox"
              checked={fromActual.chosen}
              onChange={(e) => fromActual.choose(e.target.checked)}
            />
            {t('run.fromActual')}
          </label>
        )}
      </header>
      <div className="run-now">
        <div>
          <p className="run-status" data-testid="run-status">
            {t(`run.status.${status}`)}
          </p>
          <p className="run-current" data-testid="run-current">
            {current ? itemHeadline(current) || t('agenda.untitled') : '—'}
          </p>
          {current?.topic && <p className="muted">{current.topic}</p>}
          <p className="muted small" data-testid="run-next">
            {empty
              ? t('run.emptyAgenda')
              : next
                ? t('stage.next', { name: itemHeadline(next) || t('agenda.untitled') })
                : t('stage.last')}
          </p>
        </div>
        <div className="run-clock">
          <Countdown
            clock={clock}
            idleMs={(current?.plannedMinutes ?? 0) * 60_000}
            thresholds={run?.thresholds ?? { warningMs: 60_000, dangerMs: 0 }}
            className="console-countdown"
          />
          <p className="muted small">{clock ? t('run.elapsed', { time: elapsed }) : ' '}</p>
        </div>
      </div>
      <div className="run-controls" role="group" aria-label={t('run.controls')}>
        <button
          type="button"
          className="primary big"
          onClick={() => commands.command('next')}
          disabled={empty}
        >
          {current && !clock ? t('run.start') : t('run.next')} <Key k={SHORTCUTS.next} />
        </button>
        <button type="button" onClick={() => commands.command('previous')} disabled={empty}>
          {t('run.previous')} <Key k={SHORTCUTS.previous} />
        </button>
        <button type="button" onClick={commands.togglePause} disabled={!clock}>
          {paused ? t('run.resume') : t('run.pause')} <Key k={SHORTCUTS.pause} />
        </button>
        <button type="button" onClick={() => commands.command('stop')} disabled={!clock}>
          {t('run.stop')} <Key k={SHORTCUTS.stop} />
        </button>
        <button type="button" onClick={() => commands.adjust(60_000)} disabled={!clock}>
          {t('run.plus')} <Key k={SHORTCUTS.plus} />
        </button>
        <button type="button" onClick={() => commands.adjust(-60_000)} disabled={!clock}>
          {t('run.minus')} <Key k={SHORTCUTS.minus} />
        </button>
        <button type="button" onClick={() => commands.command('skip')} disabled={!current}>
          {t('run.skip')} <Key k={SHORTCUTS.skip} />
        </button>
      </div>
      <MessageControls run={run} commands={commands} presets={presets} />
      {run && (
        <FinishOnTimePanel
          items={items}
          run={run}
          baseline={baseline}
          behind={late === 'behind'}
          commands={commands}
        />
      )}
      <div className="run-screen" role="group" aria-label={t('run.screen')}>
        <button
          type="button"
          aria-pressed={run?.screen === 'blackout'}
          onClick={() => commands.screen('blackout')}
        >
          {t('run.blackout')} <Key k={SHORTCUTS.blackout} />
        </button>
        <button
          type="button"
          aria-pressed={run?.screen === 'logo'}
          onClick={() => commands.screen('logo')}
        >
          {t('run.logo')} <Key k={SHORTCUTS.logo} />
        </button>
        <label className="chime-toggle">
          <input
            type="checkbox"
            checked={meeting.chime}
            onChange={(e) => onChime(e.target.checked)}
          />
          {t('meeting.chime')}
        </label>
      </div>
      {commands.runAgainQuestion && (
        <RunAgainDialog
          item={commands.runAgainQuestion.item}
          run={run}
          answer={commands.runAgainQuestion.answer}
        />
      )}
    </section>
  );
}
