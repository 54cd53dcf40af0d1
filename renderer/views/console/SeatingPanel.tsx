import { useState } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import {
  nobodyToSeat,
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
import { NumberField } from './NumberField.tsx';

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
  // A number is saved when the field is left, and a refusal is shown at it (see NumberField).
  const number = (field: 'headCount' | 'seatsPerSide' | 'seatsPerRow', min: number, max: number) =>
    seating && (
      <label>
        {t(`seating.${field}`)}
        <NumberField
          field={field}
          label={t(`seating.${field}`)}
          value={seating.settings[field]}
          min={min}
          max={max}
          onCommit={async (value) =>
            setSeating(await call('seating.update', { id, [field]: value }))
          }
          onError={onError}
        />
      </label>
    );

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
          <label className="seating-projector">
            <input
              type="checkbox"
              checked={settings.countsOnProjector}
              onChange={(e) => void set({ countsOnProjector: e.target.checked })}
            />
            {t('seating.countsOnProjector')}
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
        {number('headCount', 0, 30)}
        {settings.layout === 'hollow-square' && number('seatsPerSide', 0, 100)}
        {number('seatsPerRow', 1, 100)}
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
      {nobodyToSeat(seating.chart) ? (
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
