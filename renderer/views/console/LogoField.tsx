import { useRef, useState, type ChangeEvent } from 'react';
import { LOGO_MAX_BYTES } from '../../../electron/api/meeting.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  value: string;
  onChange: (dataUrl: string) => void;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The meeting's logo: chosen from a file, kept as a data: URL, checked before it is taken. */
export function LogoField({ value, onChange }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState('');

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      setProblem(t('meeting.logoWrongType', { name: file.name }));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setProblem(
        t('meeting.logoTooLarge', { name: file.name, size: String(Math.ceil(file.size / 1024)) }),
      );
      return;
    }
    setProblem('');
    onChange(await readAsDataUrl(file));
  }

  return (
    <div className="logo-field wide">
      <span>{t('meeting.logo')}</span>
      <div className="logo-field-row">
        {value && <img src={value} alt={t('meeting.logoAlt')} className="logo-preview" />}
        <button type="button" onClick={() => input.current?.click()}>
          {t('meeting.logoChoose')}
        </button>
        {value && (
          <button type="button" onClick={() => onChange('')}>
            {t('meeting.logoRemove')}
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          aria-label={t('meeting.logo')}
          onChange={(e) => void choose(e)}
        />
      </div>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
