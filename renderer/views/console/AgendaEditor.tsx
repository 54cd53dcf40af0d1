import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  itemHeadline,
  type AgendaItem,
  type AgendaItemFieldsInput,
} from '../../../electron/api/agenda.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import { computeSchedule, type RunView } from '../../../electron/api/run.ts';
import { call } from '../../api/client.ts';
import type { RevisedAgenda } from '../../api/heldMeeting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgendaItemForm, emptyItemDraft } from './AgendaItemForm.tsx';
import { OrderTools } from './OrderTools.tsx';
import { clockAfter, orderAfterStep } from './agendaTimes.ts';
import { clockTimeOf } from './runText.ts';
import { useFromActualStart } from './useFromActualStart.ts';

interface Props {
  meeting: Meeting;
  items: AgendaItem[];
  run: RunView | null;
  onGoto: (itemId: string) => void;
  /** The agenda a command answered with, shown at once; the server's event confirms it. */
  onAgenda: (agenda: RevisedAgenda) => void;
  /** An order shown at once, before the server answers. */
  onItemsShown: (items: AgendaItem[]) => void;
  onError: (error: unknown) => void;
}

export function AgendaEditor({
  meeting,
  items,
  run,
  onGoto,
  onAgenda,
  onItemsShown,
  onError,
}: Props) {
  const { t } = useI18n();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [addOpen, setAddOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const dragged = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const total = items.reduce((sum, i) => sum + i.plannedMinutes, 0);
  // Planned and actual times change only with a command, so computing them per render is enough.
  // They are planned from where the run panel measures: a rehearsal's from its actual start.
  const { baseline } = useFromActualStart(meeting, run);
  const schedule = computeSchedule(
    items,
    baseline,
    {
      clock: run?.clock ?? null,
      itemRuns: Object.fromEntries((run?.itemRuns ?? []).map((r) => [r.itemId, r])),
    },
    baseline,
  );

  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    focusAfter.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`)?.focus();
  });

  async function move(item: AgendaItem, step: -1 | 1) {
    const order = orderAfterStep(
      items.map((i) => i.id),
      item.id,
      step,
    );
    if (order) await reorder(item, order);
  }

  /** Drag and drop: the dragged row takes the place of the row it is dropped on. */
  async function drop(targetId: string) {
    const draggedId = dragged.current;
    dragged.current = null;
    setDropTarget(null);
    if (!draggedId || draggedId === targetId) return;
    const order = items.map((i) => i.id).filter((id) => id !== draggedId);
    order.splice(
      items.findIndex((i) => i.id === targetId),
      0,
      draggedId,
    );
    const item = items.find((i) => i.id === draggedId);
    if (item) await reorder(item, order);
  }

  async function reorder(item: AgendaItem, order: string[]) {
    const byId = new Map(items.map((i) => [i.id, i]));
    onItemsShown(order.map((id, position) => ({ ...(byId.get(id) as AgendaItem), position })));
    focusAfter.current = item.id;
    setAnnouncement(
      t('agenda.moved', {
        name: itemHeadline(item) || t('agenda.untitled'),
        position: order.indexOf(item.id) + 1,
      }),
    );
    try {
      const result = await call('agenda.reorder', { id: meeting.id, itemIds: order });
      onAgenda(result);
    } catch (error) {
      onError(error);
    }
  }

  async function remove(item: AgendaItem) {
    if (
      !window.confirm(
        t('agenda.deleteConfirm', { name: itemHeadline(item) || t('agenda.untitled') }),
      )
    )
      return;
    const index = items.findIndex((i) => i.id === item.id);
    focusAfter.current = (items[index + 1] ?? items[index - 1])?.id ?? null;
    try {
      const result = await call('agenda.remove', { id: meeting.id, itemId: item.id });
      onAgenda(result);
    } catch (error) {
      onError(error);
    }
  }

  async function save(item: AgendaItem, fields: AgendaItemFieldsInput) {
    try {
      const result = await call('agenda.update', { id: meeting.id, itemId: item.id, ...fields });
      onAgenda(result);
      setEditingId(null);
      focusAfter.current = item.id;
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  }

  async function add(fields: AgendaItemFieldsInput) {
    try {
      const result = await call('agenda.add', { id: meeting.id, ...fields });
      onAgenda(result);
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  }

  function onRowKey(event: KeyboardEvent<HTMLLIElement>, item: AgendaItem) {
    if (event.target !== event.currentTarget) return;
    const index = items.indexOf(item);
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void move(item, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const next = items[index + (event.key === 'ArrowUp' ? -1 : 1)];
      if (next)
        listRef.current
          ?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(next.id)}"]`)
          ?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setEditingId(item.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void remove(item);
    }
  }

  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <header className="section-header">
        <h2 id="agenda-heading">{t('agenda.heading')}</h2>
        <p className="muted" data-testid="agenda-totals">
          {t('agenda.totals', {
            count: items.length,
            minutes: total,
            end: clockAfter(clockTimeOf(baseline), total),
          })}
        </p>
      </header>
      <OrderTools meeting={meeting} items={items} run={run} onAgenda={onAgenda} onError={onError} />
      <p className="muted small">{t('agenda.keyboardHint')}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {items.length === 0 && <p className="empty">{t('agenda.empty')}</p>}
      <ol className="agenda-list" ref={listRef} aria-label={t('agenda.heading')}>
        {items.map((item, index) =>
          editingId === item.id ? (
            <li key={item.id} className="agenda-row editing">
              <AgendaItemForm
                initial={item}
                submitLabel="agenda.save"
                formLabel={t('agenda.edit')}
                onSubmit={(fields) => save(item, fields)}
                onCancel={() => {
                  setEditingId(null);
                  focusAfter.current = item.id;
                }}
              />
            </li>
          ) : (
            <li
              key={item.id}
              className={`agenda-row kind-${item.kind} status-${schedule.rows[index]?.status ?? 'pending'}${item.id === run?.currentItemId ? ' on-stage' : ''}${dropTarget === item.id ? ' drop-target' : ''}`}
              data-status={schedule.rows[index]?.status}
              tabIndex={0}
              data-item-id={item.id}
              draggable
              onDragStart={(e) => {
                dragged.current = item.id;
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', itemHeadline(item));
              }}
              onDragOver={(e) => {
                if (!dragged.current) return;
                e.preventDefault();
                setDropTarget(item.id);
              }}
              onDragLeave={() => setDropTarget((over) => (over === item.id ? null : over))}
              onDrop={(e) => {
                e.preventDefault();
                void drop(item.id);
              }}
              onDragEnd={() => {
                dragged.current = null;
                setDropTarget(null);
              }}
              onKeyDown={(e) => onRowKey(e, item)}
              onDoubleClick={() => setEditingId(item.id)}
            >
              <span className="order">{index + 1}</span>
              <span className="kind-badge">{t(`kind.${item.kind}`)}</span>
              <span className="who">
                <strong>{itemHeadline(item) || t('agenda.untitled')}</strong>
                {(item.title ? [item.speaker, item.speakerPosition] : [item.speakerPosition])
                  .filter(Boolean)
                  .map((part) => (
                    <span key={part} className="muted">
                      {' · '}
                      {part}
                    </span>
                  ))}
                {item.topic && <span className="topic">{item.topic}</span>}
              </span>
              <span className="times small">
                <span>
                  {t('run.planned', {
                    time: clockTimeOf(schedule.rows[index]?.plannedStartAt ?? 0),
                  })}
                </span>
                {schedule.rows[index]?.actualStartAt != null && (
                  <span className="actual" data-testid="actual-start">
                    {t('run.actual', {
                      time: clockTimeOf(schedule.rows[index]?.actualStartAt ?? 0),
                    })}
                  </span>
                )}
                {schedule.rows[index]?.status === 'skipped' && <span>{t('run.itemSkipped')}</span>}
              </span>
              <span className="minutes">
                {t('agenda.minutesShort', { minutes: item.plannedMinutes })}
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  onClick={() => onGoto(item.id)}
                  title={t('run.goto')}
                  aria-label={t('run.goto')}
                >
                  ▶
                </button>
                <button
                  type="button"
                  onClick={() => void move(item, -1)}
                  disabled={index === 0}
                  aria-label={t('agenda.moveUp')}
                  title={t('agenda.moveUp')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  onClick={() => void move(item, 1)}
                  disabled={index === items.length - 1}
                  aria-label={t('agenda.moveDown')}
                  title={t('agenda.moveDown')}
                >
                  ↓
                </button>
                <button type="button" onClick={() => setEditingId(item.id)}>
                  {t('agenda.edit')}
                </button>
                <button type="button" className="danger" onClick={() => void remove(item)}>
                  {t('agenda.delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ol>
      {/* Open for an empty agenda, and kept open once opened: adding items is done in a row. */}
      <details
        className="add-item"
        open={addOpen || items.length === 0}
        onToggle={(e) => setAddOpen(e.currentTarget.open)}
      >
        <summary>{t('agenda.addHeading')}</summary>
        <AgendaItemForm
          initial={emptyItemDraft}
          submitLabel="agenda.add"
          formLabel={t('agenda.addHeading')}
          onSubmit={add}
        />
      </details>
    </section>
  );
}
