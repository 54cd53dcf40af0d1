import { useRef, useState } from 'react';
import type { RepliesRead, ReplyPlan } from '../../../electron/api/replies.ts';
import { ApiCallError, call } from '../../api/client.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { errorPhrase } from './fieldErrors.ts';

type Problem = ReplyPlan['problems'][number];

/** "林一平.xlsx 第 4 行“是否参会”列：…", in the user's language. */
export function problemText(t: Translate, p: Problem): string {
  const where =
    p.row !== null && p.column
      ? t('replies.where.fileRowColumn', { file: p.file, row: p.row, column: p.column })
      : p.row !== null
        ? t('replies.where.fileRow', { file: p.file, row: p.row })
        : t('replies.where.file', { file: p.file });
  const message = t(`replies.problem.${p.code}`, {
    value: p.value,
    otherFile: p.other?.file ?? '',
    otherRow: p.other?.row ?? '',
  });
  return t('replies.problem', { where, message });
}

/**
 * 导入回执: several returned files at once. Each is read on the server (a file that is no table
 * is named), then all are checked together against the list; the preview shows whose reply
 * changes to what and from which file and row, or every problem by file, row and column.
 * Nothing is written until 导入.
 */
export function ReplyImport({
  meetingId,
  onError,
}: {
  meetingId: string;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<RepliesRead[] | null>(null);
  const [plan, setPlan] = useState<ReplyPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Phrase | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const asFiles = (reads: RepliesRead[]) =>
    reads.map((r) => ({ file: r.fileName, replies: r.replies }));

  async function load(chosen: File[]) {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const reads: RepliesRead[] = [];
      for (const file of chosen) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        reads.push(await call('replies.read', { id: meetingId, file: bytes, fileName: file.name }));
      }
      const checked = await call('replies.preview', { id: meetingId, files: asFiles(reads) });
      const readProblems = reads.flatMap((r) => r.problems);
      setFiles(reads);
      setPlan({ ...checked, problems: [...readProblems, ...checked.problems] });
    } catch (error) {
      setFiles(null);
      setPlan(null);
      setFailure(error instanceof ApiCallError ? errorPhrase(error) : phrase('replies.none'));
      if (!(error instanceof ApiCallError)) onError(error);
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!files) return;
    setBusy(true);
    try {
      const answer = await call('replies.import', { id: meetingId, files: asFiles(files) });
      setDone(answer.changed);
      setFiles(null);
      setPlan(null);
    } catch (error) {
      setFailure(errorPhrase(error));
    } finally {
      setBusy(false);
    }
  }

  const cancel = () => {
    setFiles(null);
    setPlan(null);
    setFailure(null);
  };

  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {t('replies.button')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('replies.button')}
        onChange={(e) => {
          const chosen = [...(e.target.files ?? [])];
          e.target.value = '';
          if (chosen.length) void load(chosen);
        }}
      />
      {busy && (
        <span className="muted small" role="status">
          {t('replies.reading')}
        </span>
      )}
      {done !== null && (
        <span className="muted small" role="status" data-testid="replies-done">
          {t('replies.done', { count: done })}
        </span>
      )}
      {failure && !plan && (
        <p className="field-error wide-row" role="alert">
          {t('replies.failed', { reason: say(t, failure) })}
        </p>
      )}
      {plan && files && (
        <ReplyPreview
          plan={plan}
          fileCount={files.length}
          busy={busy}
          failure={failure}
          onCommit={() => void commit()}
          onCancel={cancel}
        />
      )}
    </>
  );
}

function ReplyPreview({
  plan,
  fileCount,
  busy,
  failure,
  onCommit,
  onCancel,
}: {
  plan: ReplyPlan;
  fileCount: number;
  busy: boolean;
  failure: Phrase | null;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const reply = (change: ReplyPlan['changes'][number]) =>
    [
      t(`participants.reply.${change.reply}`),
      change.leaveReason,
      change.substitute && `${t('participants.substituteShort')}${change.substitute}`,
    ]
      .filter(Boolean)
      .join(' ');
  return (
    <section
      className="table-import reply-import"
      aria-label={t('replies.heading', { count: fileCount })}
    >
      <h3>{t('replies.heading', { count: fileCount })}</h3>
      {plan.problems.length > 0 ? (
        <>
          <p>{t('replies.problemsHeading')}</p>
          <ul className="table-import-problems" role="alert">
            {plan.problems.slice(0, 20).map((p, index) => (
              <li key={index}>{problemText(t, p)}</li>
            ))}
          </ul>
        </>
      ) : plan.changes.length === 0 ? (
        <p>{t('replies.none')}</p>
      ) : (
        <div className="table-import-rows">
          <table>
            <thead>
              <tr>
                <th>{t('replies.person')}</th>
                <th>{t('replies.organization')}</th>
                <th>{t('replies.change')}</th>
                <th>{t('replies.source')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((change) => (
                <tr key={change.participantId}>
                  <td>{change.name}</td>
                  <td>{change.organization}</td>
                  <td>
                    {t(`participants.reply.${change.from}`)} → {reply(change)}
                  </td>
                  <td className="muted">
                    {t('replies.at', { file: change.file, row: change.row })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {t('replies.failed', { reason: say(t, failure) })}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || plan.problems.length > 0 || plan.changes.length === 0}
          onClick={onCommit}
        >
          {t('replies.commit', { count: plan.changes.length })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('replies.cancel')}
        </button>
      </div>
    </section>
  );
}
