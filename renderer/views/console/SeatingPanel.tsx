import { useState } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import {
  SEATING_LAYOUTS,
  SEATING_PAPERS,
  type SeatedPerson,
  type SeatingSettings,
  type SeatingView,
} from '../../../electron/api/seating.ts';
import { call } from '../../api/client.ts';
import { SeatingChartGrid } from '../../components/SeatingChartGrid.tsx';
import { useSeating } from '../../components/useSeating.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const seatCount = (view: SeatingView) =>
  [
    view.chart.head,
    view.chart.leftSide,
    view.chart.rightSide,
    view.chart.foot,
    ...view.chart.rows,
  ].flat().length;

/**
 * 座次: the layout and its numbers, the chart as the hall sees it, and the organizer's swaps
 * (drag one person onto another, or click one and then the other). The chart follows the
 * participants' ranks and replies by itself; 恢复按排序排座 drops the swaps.
 */
export function SeatingPanel({
  meeting,
  onError,
}: {
  meeting: Meeting;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [seating, setSeating] = useSeating(meeting.id);
  const [selected, setSelected] = useState<SeatedPerson | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const id = meeting.id;

  async function act(work: () => Promise<SeatingView>) {
    try {
      setSeating(await work());
    } catch (error) {
      onError(error);
    }
  }
  const set = (change: Partial<SeatingSettings>) =>
    act(() => call('seating.update', { id, ...change }));
  const whole = (value: string, min: number) => Math.max(min, Math.floor(Number(value) || 0));

  async function swap(a: SeatedPerson, b: SeatedPerson) {
    setSelected(null);
    await act(() =>
      call('seating.swap', { id, participantIds: [a.participantId, b.participantId] }),
    );
    setSaid(t('seating.swapDone', { a: a.name, b: b.name }));
  }

  if (!seating) return null;
  const { settings } = seating;
  const people = [
    seating.chart.head,
    seating.chart.leftSide,
    seating.chart.rightSide,
    seating.chart.foot,
    ...seating.chart.rows,
  ].flat();
  return (
    <section className="seating-panel" aria-labelledby="seating-heading">
      <header className="section-header">
        <h2 id="seating-heading">{t('seating.heading')}</h2>
        <span className="header-buttons">
          <label className="seating-projector">
            <input
              type="checkbox"
              checked={settings.onProjector}
              onChange={(e) => void set({ onProjector: e.target.checked })}
            />
            {t('seating.onProjector')}
          </label>
          <button
            type="button"
            disabled={!seating.swapped}
            onClick={() => void act(() => call('seating.reset', { id }))}
          >
            {t('seating.reset')}
          </button>
        </span>
      </header>
      <div className="seating-settings">
        <label>
          {t('seating.layout')}
          <select
            value={settings.layout}
            onChange={(e) => void set({ layout: e.target.value as SeatingSettings['layout'] })}
          >
            {SEATING_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {t(`seating.layout.${layout}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('seating.headCount')}
          <input
            type="number"
            min={0}
            max={30}
            value={settings.headCount}
            onChange={(e) => void set({ headCount: Math.min(30, whole(e.target.value, 0)) })}
          />
        </label>
        {settings.layout === 'hollow-square' && (
          <label>
            {t('seating.seatsPerSide')}
            <input
              type="number"
              min={0}
              max={100}
              value={settings.seatsPerSide}
              onChange={(e) => void set({ seatsPerSide: Math.min(100, whole(e.target.value, 0)) })}
            />
          </label>
        )}
        <label>
          {t('seating.seatsPerRow')}
          <input
            type="number"
            min={1}
            max={100}
            value={settings.seatsPerRow}
            onChange={(e) => void set({ seatsPerRow: Math.min(100, whole(e.target.value, 1)) })}
          />
        </label>
        <label>
          {t('seating.paper')}
          <select
            value={settings.paper}
            onChange={(e) => void set({ paper: e.target.value as SeatingSettings['paper'] })}
          >
            {SEATING_PAPERS.map((paper) => (
              <option key={paper} value={paper}>
                {t(`seating.paper.${paper}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="seating-check">
          <input
            type="checkbox"
            checked={settings.cardOrganization}
            onChange={(e) => void set({ cardOrganization: e.target.checked })}
          />
          {t('seating.cardOrganization')}
        </label>
      </div>
      {seatCount(seating) === 0 ? (
        <p className="hint">{t('seating.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('seating.hint')}</p>
          <div className="seating-scroll">
            <SeatingChartGrid
              chart={seating.chart}
              actions={{
                selectedId: selected?.participantId ?? null,
                onPick: (person) => {
                  setSaid(null);
                  if (!selected) setSelected(person);
                  else if (selected.participantId === person.participantId) setSelected(null);
                  else void swap(selected, person);
                },
                onDropOn: (person, draggedId) => {
                  const dragged = people.find((p) => p.participantId === draggedId);
                  if (dragged) void swap(dragged, person);
                },
              }}
            />
          </div>
        </>
      )}
      <p className="seating-status" role="status" aria-live="polite">
        {selected
          ? t('seating.selected', { name: selected.name })
          : (said ?? (seating.swapped ? t('seating.swapped') : ''))}
      </p>
    </section>
  );
}
