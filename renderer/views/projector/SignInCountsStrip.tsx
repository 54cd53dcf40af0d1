import { Fragment } from 'react';
import type { SignInCounts } from '../../../electron/api/sign-in.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const FIGURES = ['expected', 'signedIn', 'onLeave', 'notYet'] as const;

/**
 * 应到 N · 已签到 M · 请假 K · 未到 L under the agenda before the start, in figures large enough
 * to read from the back of the hall; the organizer switches it on in the console's 座次.
 */
export function SignInCountsStrip({ counts }: { counts: SignInCounts['counts'] }) {
  const { t } = useI18n();
  return (
    <section
      className="projector-counts"
      aria-label={t('projector.counts')}
      data-testid="projector-counts"
    >
      {FIGURES.map((figure, index) => (
        <Fragment key={figure}>
          {index > 0 && (
            <span className="projector-counts-dot" aria-hidden="true">
              ·
            </span>
          )}
          <span className={`projector-count count-${figure}`} data-testid={`count-${figure}`}>
            <span className="projector-count-label">{t(`projector.counts.${figure}`)}</span>{' '}
            <span className="projector-count-figure">{counts[figure]}</span>
          </span>
        </Fragment>
      ))}
    </section>
  );
}
