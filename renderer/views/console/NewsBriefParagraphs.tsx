import type { NewsBriefView } from '../../../electron/api/news-brief.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Kind = NewsBriefView['generated']['paragraphs'][number]['kind'];
type ParagraphEdit = NewsBriefView['orphans'][number];

/**
 * One paragraph of the draft to edit. When the draft under a stored edit has changed since (a
 * note added or changed), the new draft text is shown beside the edit, to keep the edit or take
 * the new draft.
 */
export function ParagraphBox({
  n,
  kind,
  drafted,
  text,
  draftChanged,
  onText,
  onAccept,
}: {
  n: number;
  kind: Kind;
  drafted: string;
  text: string;
  draftChanged: boolean;
  onText: (text: string) => void;
  onAccept: () => void;
}) {
  const { t } = useI18n();
  const edited = text.trim() !== drafted;
  const label = t('newsBrief.paragraph', { n: String(n), kind: t(`newsBrief.kind.${kind}`) });
  return (
    <div className="news-brief-paragraph">
      <label>
        <span>
          {label}
          {edited && <span className="edited-mark"> {t('newsBrief.edited')}</span>}
        </span>
        <textarea
          name={`paragraph-${n}`}
          rows={4}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      </label>
      {draftChanged && (
        <div className="draft-changed" role="note" aria-label={t('newsBrief.draftChanged')}>
          <p>{t('newsBrief.draftChanged')}</p>
          <blockquote>{drafted}</blockquote>
          <button type="button" className="link-button" onClick={onAccept}>
            {t('newsBrief.keepMine')}
          </button>
        </div>
      )}
      {edited && (
        <button type="button" className="link-button" onClick={() => onText(drafted)}>
          {draftChanged ? t('newsBrief.takeNewDraft') : t('newsBrief.restore')}
        </button>
      )}
    </div>
  );
}

/**
 * Edits whose paragraph is no longer in the draft (its theme gone, its leader's notes deleted):
 * nothing typed is lost. Each can be printed at the end of the brief or discarded.
 */
export function OrphanEdits({
  orphans,
  onChange,
}: {
  orphans: ParagraphEdit[];
  onChange: (orphans: ParagraphEdit[]) => void;
}) {
  const { t } = useI18n();
  if (!orphans.length) return null;
  return (
    <fieldset className="orphan-edits">
      <legend>{t('newsBrief.orphans')}</legend>
      {orphans.map((edit, i) => (
        <div
          key={edit.key}
          className="orphan-edit"
          role="group"
          aria-label={t('newsBrief.orphan', { n: String(i + 1) })}
        >
          <p className="muted small">{t('newsBrief.orphanGone')}</p>
          <blockquote>{edit.text}</blockquote>
          <label className="inline">
            <input
              type="checkbox"
              checked={edit.keepAtEnd}
              onChange={(e) =>
                onChange(
                  orphans.map((o) => (o === edit ? { ...o, keepAtEnd: e.target.checked } : o)),
                )
              }
            />
            {t('newsBrief.keepAtEnd')}
          </label>
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(orphans.filter((o) => o !== edit))}
          >
            {t('newsBrief.discard')}
          </button>
        </div>
      ))}
    </fieldset>
  );
}
