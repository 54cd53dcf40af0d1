import type { CSSProperties } from 'react';
import { textEms, type DrawRecord } from '../../../electron/api/draw.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The drawn order on the hall's screen, one more speaker each step. */
export function DrawRevealScreen({
  meeting,
  draw,
  revealed,
}: {
  meeting: Meeting;
  draw: DrawRecord;
  revealed: number;
}) {
  const { t } = useI18n();
  const label = (id: string) => draw.pool.find((p) => p.itemId === id)?.label ?? '';
  const columns = draw.order.length > 8 ? 'draw-reveal-list two-columns' : 'draw-reveal-list';
  // Of the whole pool, not of the names shown so far: the letters do not change size as the
  // names come, and no row's size tells the hall whose name it will be.
  const longest = Math.max(1, ...draw.pool.map((p) => textEms(p.label)));
  return (
    <div className="stage draw-reveal" data-testid="draw-reveal">
      <header className="stage-meeting">{meeting.title}</header>
      <h1 className="draw-reveal-title">{t('draw.revealTitle')}</h1>
      <ol className={columns} style={{ '--draw-longest': longest } as CSSProperties}>
        {draw.order.map((id, index) => (
          <li
            key={id}
            className={index < revealed ? 'shown' : 'hidden'}
            aria-hidden={index >= revealed}
          >
            <span className="draw-ordinal">
              {/* As wide as the list's last ordinal, so that every name of a column starts in
                  one line: 第 10 位 is wider than 第 9 位. */}
              <span className="draw-ordinal-room" aria-hidden="true">
                {t('stage.ordinal', { n: draw.order.length })}
              </span>
              <span>{t('stage.ordinal', { n: index + 1 })}</span>
            </span>
            <span className="draw-name">{index < revealed ? label(id) : '？'}</span>
          </li>
        ))}
      </ol>
      <footer className="stage-next draw-seed">{t('draw.revealSeed', { seed: draw.seed })}</footer>
    </div>
  );
}
