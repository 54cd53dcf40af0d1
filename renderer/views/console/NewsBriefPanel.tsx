import { useState } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import type { NewsBriefView } from '../../../electron/api/news-brief.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { editsOf, textsOf, type BriefTexts } from './newsBriefEdits.ts';
import '../../styles/news-brief.css';

/**
 * 会议信息: the news brief drafted from the notes, to edit before it is exported (the export
 * menu prints the edited text), the minutes' optional 会议认为, and how well each speech was
 * noted. Drafted on request: it reads every note and takes a second or two in the export worker.
 */
export function NewsBriefPanel({
  meeting,
  onError,
}: {
  meeting: Meeting;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<NewsBriefView | null>(null);
  const [texts, setTexts] = useState<BriefTexts | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const id = meeting.id;

  async function draft() {
    setBusy(true);
    try {
      const answer = await call('newsBrief.get', { id });
      setView(answer);
      setTexts(textsOf(answer));
      setSaved(false);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!view || !texts) return;
    try {
      const { edits } = await call('newsBrief.update', { id, ...editsOf(view, texts) });
      const next = { ...view, edits };
      setView(next);
      setTexts(textsOf(next));
      setSaved(true);
    } catch (error) {
      onError(error);
    }
  }

  const change = (patch: Partial<BriefTexts>) => {
    setSaved(false);
    setTexts((held) => (held ? { ...held, ...patch } : held));
  };

  return (
    <section className="news-brief-panel" aria-labelledby="news-brief-heading">
      <header className="section-header">
        <h2 id="news-brief-heading">{t('newsBrief.heading')}</h2>
        <span className="header-buttons">
          <button type="button" disabled={busy} onClick={() => void draft()}>
            {busy ? t('newsBrief.drafting') : view ? t('newsBrief.redraft') : t('newsBrief.draft')}
          </button>
        </span>
      </header>
      <p className="muted small">{t('newsBrief.intro')}</p>
      {view && texts && (
        <>
          <form
            className="news-brief-form"
            aria-label={t('newsBrief.heading')}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label>
              {t('newsBrief.headline')}
              <input
                name="headline"
                value={texts.headline}
                onChange={(e) => change({ headline: e.target.value })}
              />
            </label>
            {view.generated.subheading && (
              <p className="muted small">{view.generated.subheading}</p>
            )}
            {view.generated.paragraphs.map((p, i) => {
              const edited = (texts.paragraphs[i] ?? '').trim() !== p.text;
              return (
                <label key={i}>
                  <span>
                    {t('newsBrief.paragraph', {
                      n: String(i + 1),
                      kind: t(`newsBrief.kind.${p.kind}`),
                    })}
                    {edited && <span className="edited-mark"> {t('newsBrief.edited')}</span>}
                  </span>
                  <textarea
                    name={`paragraph-${i + 1}`}
                    rows={4}
                    value={texts.paragraphs[i] ?? ''}
                    onChange={(e) =>
                      change({
                        paragraphs: texts.paragraphs.map((x, j) => (j === i ? e.target.value : x)),
                      })
                    }
                  />
                  {edited && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        change({
                          paragraphs: texts.paragraphs.map((x, j) => (j === i ? p.text : x)),
                        })
                      }
                    >
                      {t('newsBrief.restore')}
                    </button>
                  )}
                </label>
              );
            })}
            <label className="inline">
              <input
                type="checkbox"
                name="withSources"
                checked={texts.withSources}
                onChange={(e) => change({ withSources: e.target.checked })}
              />
              {t('newsBrief.withSources')}
            </label>
            <fieldset>
              <legend>{t('newsBrief.finding')}</legend>
              <label className="inline">
                <input
                  type="checkbox"
                  name="findingOn"
                  checked={texts.findingOn}
                  disabled={!texts.findingOn && !texts.finding}
                  onChange={(e) => change({ findingOn: e.target.checked })}
                />
                {t('newsBrief.findingOn')}
              </label>
              {texts.findingOn && (
                <textarea
                  name="finding"
                  aria-label={t('newsBrief.finding')}
                  rows={2}
                  value={texts.finding}
                  onChange={(e) => change({ finding: e.target.value })}
                />
              )}
              {!texts.finding && <p className="muted small">{t('newsBrief.findingNone')}</p>}
            </fieldset>
            <div className="form-actions">
              <button type="submit" className="primary">
                {t('newsBrief.save')}
              </button>
              {saved && (
                <span className="muted small" role="status">
                  {t('newsBrief.saved')}
                </span>
              )}
            </div>
          </form>
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
                {view.coverage.map((c) => (
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
      )}
    </section>
  );
}
