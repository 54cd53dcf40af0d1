import { useRef, type CSSProperties } from 'react';
import type { DrawRecord } from '../../../electron/api/draw.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFittedDrawFont } from './useFittedDrawFont.ts';

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
  const room = useRef<HTMLDivElement>(null);
  const sizer = useRef<HTMLOListElement>(null);
  const fontPx = useFittedDrawFont(
    room,
    sizer,
    `${t('stage.ordinal', { n: draw.order.length })}\n${draw.order.map(label).join('\n')}`,
  );
  const sized = (fontPx === null ? {} : { '--draw-font': `${fontPx}px` }) as CSSProperties;
  /**
   * As wide as the list's last ordinal, so that every name of a column starts in one line:
   * 第 10 位 is wider than 第 9 位.
   */
  const ordinal = (n: number) => (
    <span className="draw-ordinal">
      <span className="draw-ordinal-room" aria-hidden="true">
        {t('stage.ordinal', { n: draw.order.length })}
      </span>
      <span>{t('stage.ordinal', { n })}</span>
    </span>
  );
  return (
    <div className="stage draw-reveal" data-testid="draw-reveal">
      <header className="stage-meeting">{meeting.title}</header>
      <h1 className="draw-reveal-title">{t('draw.revealTitle')}</h1>
      <div className="draw-reveal-room" ref={room}>
        <ol className={columns} style={sized}>
          {draw.order.map((id, index) => (
            <li
              key={id}
              className={index < revealed ? 'shown' : 'hidden'}
              aria-hidden={index >= revealed}
            >
              {ordinal(index + 1)}
              <span className="draw-name">{index < revealed ? label(id) : '？'}</span>
            </li>
          ))}
        </ol>
        {/* The list as it will be once every name is in, unseen: what the names' size is
            fitted to, so that it stays the same as they come. */}
        <ol className={`${columns} draw-sizer`} ref={sizer} aria-hidden="true">
          {draw.order.map((id) => (
            <li key={id}>
              {ordinal(draw.order.length)}
              <span className="draw-name">{label(id)}</span>
            </li>
          ))}
        </ol>
      </div>
      <footer className="stage-next draw-seed">{t('draw.revealSeed', { seed: draw.seed })}</footer>
    </div>
  );
}
