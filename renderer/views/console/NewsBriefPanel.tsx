import { useState } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import type { NewsBriefView } from '../../../electron/api/news-brief.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NewsBriefCoverage } from './NewsBriefCoverage.tsx';
import { OrphanEdits, ParagraphBox } from './NewsBriefParagraphs.tsx';
import {
  draftChangedUnder,
  editsOf,
  textsOf,
  withSavedEdits,
  type BriefTexts,
} from './newsBriefEdits.ts';
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
      const next = withSavedEdits(view, edits);
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
            {view.generated.paragraphs.map((p, i) => (
              <ParagraphBox
                key={p.key}
                n={i + 1}
                kind={p.kind}
                drafted={p.text}
                text={texts.paragraphs[i] ?? ''}
                draftChanged={draftChangedUnder(view, texts, i)}
                onText={(text) =>
                  change({ paragraphs: texts.paragraphs.map((x, j) => (j === i ? text : x)) })
                }
                onAccept={() =>
                  change({ accepted: texts.accepted.map((x, j) => (j === i ? true : x)) })
                }
              />
            ))}
            <OrphanEdits orphans={texts.orphans} onChange={(orphans) => change({ orphans })} />
            <p className="muted small">{t('newsBrief.sourcesInExportMenu')}</p>
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
          <NewsBriefCoverage coverage={view.coverage} />
        </>
      )}
    </section>
  );
}
