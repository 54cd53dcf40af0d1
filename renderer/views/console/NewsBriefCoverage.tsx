import type { NewsBriefView } from '../../../electron/api/news-brief.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Per speaker: how many notes, thin ones flagged, and the points two note-takers both caught. */
export function NewsBriefCoverage({ coverage }: { coverage: NewsBriefView['coverage'] }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('newsBrief.coverage')}</h3>
      <div className="table-scroll">
        <table className="coverage-table">
          <thead>
            <tr>
              <th>{t('newsBrief.speaker')}</th>
              <th>{t('newsBrief.noteCount')}</th>
              <th>{t('newsBrief.capturedTwice')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.map((c) => (
              <tr key={c.itemId} className={c.thin ? 'thin' : undefined}>
                <td>{c.speaker}</td>
                <td>
                  {c.noteCount}
                  {c.thin && <span className="thin-mark"> {t('newsBrief.thin')}</span>}
                </td>
                <td>
                  {c.capturedTwice.length === 0
                    ? '—'
                    : c.capturedTwice.map((pair) => (
                        <div key={pair.noteIds.join()}>
                          {t('newsBrief.pair', {
                            terms: pair.terms.join('、'),
                            a: pair.authors[0],
                            b: pair.authors[1],
                          })}
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
