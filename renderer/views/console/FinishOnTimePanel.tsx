import { useState } from 'react';
import { itemHeadline, type AgendaItem } from '../../../electron/api/agenda.ts';
import {
  DEFAULT_FLOOR_MINUTES,
  planFinishOnTime,
  type RunView,
  type ShareMode,
} from '../../../electron/api/run.ts';
import { serverNow } from '../../api/serverClock.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RunCommands } from './useRunCommands.ts';
import '../../styles/finish-on-time.css';

interface Props {
  items: AgendaItem[];
  run: RunView;
  /** The instant the schedule is measured from: the planned start, or the actual one if chosen. */
  baseline: number;
  /** The live offset says the meeting is behind: only then is a plan offered. */
  behind: boolean;
  commands: RunCommands;
}

/** 5.5 stays 5.5, 6 reads 6: limits are whole or half minutes. */
const minutesText = (minutes: number) => String(Math.round(minutes * 2) / 2);

/**
 * 按时结束 (issue 17): the plan shown old → new before anything changes, applied in one action,
 * undoable until the next speaker starts, and the line the presider reads out.
 */
export function FinishOnTimePanel({ items, run, baseline, behind, commands }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<ShareMode>('equal');
  const [floor, setFloor] = useState(DEFAULT_FLOOR_MINUTES);

  const itemRuns = Object.fromEntries(run.itemRuns.map((r) => [r.itemId, r]));
  const pending = items.filter((i) => !itemRuns[i.id] && run.clock?.itemId !== i.id);
  const adjustedAhead = pending
    .map((i) => run.adjustedLimits[i.id])
    .filter((m): m is number => m !== undefined);
  const presiderMinutes = adjustedAhead.length > 0 ? Math.max(...adjustedAhead) : null;

  const plan = open
    ? planFinishOnTime(
        items,
        baseline,
        { clock: run.clock, itemRuns },
        serverNow(),
        run.adjustedLimits,
        { mode, floorMinutes: floor },
      )
    : null;
  const nameOf = (id: string) => {
    const item = items.find((i) => i.id === id);
    return (item && itemHeadline(item)) || t('agenda.untitled');
  };

  return (
    <div className="finish-on-time" data-testid="finish-on-time">
      <div className="finish-on-time-actions">
        {behind && !open && (
          <button type="button" onClick={() => setOpen(true)}>
            {t('run.fot.open')}
          </button>
        )}
        {run.finishOnTimeUndoable && (
          <button type="button" onClick={commands.undoFinishOnTime}>
            {t('run.fot.undo')}
          </button>
        )}
      </div>
      {presiderMinutes !== null && (
        <p className="finish-on-time-presider" data-testid="presider-line">
          <span className="muted small">{t('run.fot.presiderLabel')}</span>{' '}
          {t('run.fot.presider', { minutes: minutesText(presiderMinutes) })}
        </p>
      )}
      {plan && (
        <section className="finish-on-time-plan" aria-label={t('run.fot.heading')}>
          <h3>{t('run.fot.heading')}</h3>
          <div className="finish-on-time-options">
            <fieldset>
              <legend>{t('run.fot.mode')}</legend>
              {(['equal', 'proportional'] as const).map((m) => (
                <label key={m}>
                  <input
                    type="radio"
                    name="fot-mode"
                    checked={mode === m}
                    onChange={() => setMode(m)}
                  />
                  {t(`run.fot.mode.${m}`)}
                </label>
              ))}
            </fieldset>
            <label>
              {t('run.fot.floor')}
              <input
                type="number"
                min={1}
                max={60}
                step={0.5}
                value={floor}
                onChange={(e) => setFloor(Math.max(1, Number(e.target.value) || 1))}
              />
            </label>
          </div>
          {plan.kind === 'on_time' && <p>{t('run.fot.onTime')}</p>}
          {plan.kind === 'nothing_to_shorten' && <p>{t('run.fot.nothing')}</p>}
          {plan.kind === 'plan' && (
            <>
              <ul className="finish-on-time-rows">
                {plan.changes.map((c) => (
                  <li key={c.itemId}>
                    {t('run.fot.row', {
                      name: nameOf(c.itemId),
                      from: minutesText(c.fromMinutes),
                      to: minutesText(c.toMinutes),
                    })}
                  </li>
                ))}
              </ul>
              {plan.stillLateMs > 0 && (
                <p className="finish-on-time-still-late" role="status">
                  {t('run.fot.stillLate', { minutes: Math.ceil(plan.stillLateMs / 60_000) })}
                </p>
              )}
              <p>{t('run.fot.presider', { minutes: minutesText(plan.presiderMinutes) })}</p>
            </>
          )}
          <div className="finish-on-time-actions">
            {plan.kind === 'plan' && plan.changes.some((c) => c.toMinutes !== c.fromMinutes) && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  commands.finishOnTime(
                    plan.changes
                      .filter((c) => c.toMinutes !== c.fromMinutes)
                      .map(({ itemId, toMinutes }) => ({ itemId, toMinutes })),
                  );
                  setOpen(false);
                }}
              >
                {t('run.fot.apply')}
              </button>
            )}
            <button type="button" onClick={() => setOpen(false)}>
              {t('run.fot.close')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
