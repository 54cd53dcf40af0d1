import { useEffect, useRef, useState } from 'react';
import { screenUrl } from '../../api/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { openScreen } from '../../platform.ts';

const SHOWN_KEY = 'roundtable.stagePreviews';
/** The screens are laid out for a 1920×1080 display; the thumbnail is that frame, scaled. */
const FRAME_WIDTH = 1920;
const FRAME_HEIGHT = 1080;

const SCREENS = [
  { path: '/projector', label: 'preview.projector', testId: 'preview-projector' },
  { path: '/confidence', label: 'preview.lectern', testId: 'preview-lectern' },
] as const;

function readShown(): boolean {
  try {
    return localStorage.getItem(SHOWN_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

/**
 * What the hall sees, in the console: the projector and the lectern screen themselves, each in a
 * frame scaled down from 1920×1080 (not a re-drawing), so a message, a blackout or the wrong
 * speaker is seen here first. The frames say they are previews (?preview=1): they do not count as
 * a lectern screen and make no sound. They load only when shown and first scrolled into view,
 * and the organizer can hide them (remembered in this browser) to spare the console's frames.
 */
export function StagePreviews({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(readShown);
  const rowRef = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);

  useEffect(() => {
    const row = rowRef.current;
    if (!shown || seen || !row) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(row);
    return () => observer.disconnect();
  }, [shown, seen]);

  function toggle() {
    const next = !shown;
    setShown(next);
    try {
      localStorage.setItem(SHOWN_KEY, next ? 'shown' : 'hidden');
    } catch {
      // Not remembered; the choice holds until the page reloads.
    }
  }

  const query = `?meeting=${encodeURIComponent(meetingId)}`;
  return (
    <section className="stage-previews" aria-labelledby="previews-heading">
      <header className="section-header">
        <h3 id="previews-heading">{t('preview.heading')}</h3>
        <button type="button" aria-expanded={shown} onClick={toggle}>
          {shown ? t('preview.hide') : t('preview.show')}
        </button>
      </header>
      {shown && (
        <div className="preview-row" ref={rowRef}>
          {SCREENS.map((screen) => (
            <figure key={screen.path} className="preview">
              <ScaledFrame
                src={seen ? screenUrl(`${screen.path}${query}&preview=1`) : null}
                title={t(screen.label)}
                testId={screen.testId}
              />
              <figcaption>
                {t(screen.label)}
                <button
                  type="button"
                  className="small"
                  onClick={() => openScreen(`${screen.path}${query}`)}
                >
                  {t('preview.open')}
                </button>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}

/** A 1920×1080 page shown at the width of its box, inert: no focus, no clicks. */
function ScaledFrame({
  src,
  title,
  testId,
}: {
  src: string | null;
  title: string;
  testId: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setScale(box.clientWidth / FRAME_WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="preview-box" ref={boxRef}>
      {src && scale > 0 && (
        <iframe
          src={src}
          title={title}
          data-testid={testId}
          width={FRAME_WIDTH}
          height={FRAME_HEIGHT}
          tabIndex={-1}
          loading="lazy"
          sandbox="allow-scripts allow-same-origin"
          style={{ transform: `scale(${scale})` }}
        />
      )}
    </div>
  );
}
