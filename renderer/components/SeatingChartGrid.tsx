import type { CSSProperties, DragEvent } from 'react';
import {
  seatingGrid,
  spacedName,
  type GridCell,
  type SeatedPerson,
  type SeatingChartView,
} from '../../electron/api/seating.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** What the console adds to a seat: pick it up, drop on it, click it. */
export interface SeatActions {
  selectedId: string | null;
  onPick: (person: SeatedPerson) => void;
  onDropOn: (person: SeatedPerson, draggedId: string) => void;
}

const DRAG_TYPE = 'application/x-roundtable-seat';

/**
 * The chart as the hall sees the room (core/seating-grid.ts): the head at the top, the table
 * between its sides, 列席 behind. Read-only on the projector; on the console a seat can be
 * dragged onto another, or clicked and then the other clicked, to swap the two.
 */
export function SeatingChartGrid({
  chart,
  actions,
}: {
  chart: SeatingChartView;
  actions?: SeatActions;
}) {
  const { t } = useI18n();
  const grid = seatingGrid(chart);
  const place = (cell: GridCell<SeatedPerson>, row: number) => ({
    gridColumn: `${cell.start + 1} / span ${cell.span}`,
    gridRow: `${row + 1}`,
  });
  return (
    <div
      className="seating-grid"
      data-testid="seating-grid"
      style={
        {
          gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
          // The projector sizes its type from these, so a hall of 40 fits the screen.
          '--seating-columns': grid.columns,
          '--seating-rows': grid.rows.length,
        } as CSSProperties
      }
    >
      {grid.rows.flatMap((row, r) =>
        row.length === 0
          ? [<div key={`gap-${r}`} className="seating-gap" style={{ gridRow: `${r + 1}` }} />]
          : row.map((cell) => {
              const { content } = cell;
              const key = `${r}-${cell.start}`;
              if (content.kind === 'caption') {
                return (
                  <div key={key} className="seating-caption" style={place(cell, r)}>
                    {t(`seating.caption.${content.caption}`)}
                  </div>
                );
              }
              if (content.kind === 'table') {
                return (
                  <div key={key} className="seating-table" style={place(cell, r)}>
                    {content.named ? t('seating.table') : ''}
                  </div>
                );
              }
              return (
                <Seat
                  key={key}
                  person={content.person}
                  style={place(cell, r)}
                  actions={actions}
                  substituteMark={t('seating.substitute')}
                />
              );
            }),
      )}
    </div>
  );
}

function Seat({
  person,
  style,
  actions,
  substituteMark,
}: {
  person: SeatedPerson;
  style: { gridColumn: string; gridRow: string };
  actions: SeatActions | undefined;
  substituteMark: string;
}) {
  const name = spacedName(person.name);
  const body = (
    <>
      <span className="seat-name">
        {name}
        {person.substitute && <small>{substituteMark}</small>}
      </span>
      {person.organization && <span className="seat-organization">{person.organization}</span>}
    </>
  );
  if (!actions) {
    return (
      <div className="seat" style={style} data-seat={person.name}>
        {body}
      </div>
    );
  }
  const drop = (event: DragEvent) => {
    event.preventDefault();
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    if (dragged && dragged !== person.participantId) actions.onDropOn(person, dragged);
  };
  return (
    <button
      type="button"
      className="seat"
      style={style}
      data-seat={person.name}
      draggable
      aria-pressed={actions.selectedId === person.participantId}
      onClick={() => actions.onPick(person)}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, person.participantId);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={drop}
    >
      {body}
    </button>
  );
}
