import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../../styles/news-brief.css';

/**
 * The 会议信息 Markdown's appendix 来源, chosen where the file is exported: the meeting's one
 * stored setting (the same the export reads), read each time the menu opens.
 */
export function NewsBriefSourcesOption({
  meetingId,
  open,
  disabled,
  onError,
}: {
  meetingId: string;
  open: boolean;
  disabled: boolean;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [withSources, setWithSources] = useState<boolean | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    call('newsBrief.edits', { id: meetingId }).then(
      ({ edits }) => current && setWithSources(edits.withSources),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [meetingId, open, onError]);

  async function choose(next: boolean) {
    setWithSources(next);
    try {
      const { edits } = await call('newsBrief.update', { id: meetingId, withSources: next });
      setWithSources(edits.withSources);
    } catch (error) {
      setWithSources(!next);
      onError(error);
    }
  }

  return (
    <label className="export-option">
      <input
        type="checkbox"
        checked={withSources ?? false}
        disabled={disabled || withSources === null}
        onChange={(e) => void choose(e.target.checked)}
      />
      {t('newsBrief.withSources')}
    </label>
  );
}
