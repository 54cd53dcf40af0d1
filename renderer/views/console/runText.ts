import type { Translate } from '../../i18n/i18n.tsx';

/** "落后 6 分钟" / "提前 3 分钟" / "准时": within half a minute counts as on time. */
export function offsetText(t: Translate, offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  if (minutes === 0) return t('run.onTime');
  return offsetMs > 0 ? t('run.behind', { minutes }) : t('run.ahead', { minutes });
}

/** HH:MM of an instant, in this device's time zone (the venue's). */
export function clockTimeOf(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The planned start of a meeting as an instant: its date and start time, local. */
export function plannedStartOf(meeting: { date: string; startTime: string }): number {
  return new Date(`${meeting.date}T${meeting.startTime}:00`).getTime();
}

/** An instant's date, YYYY-MM-DD, in this device's time zone (the venue's, as plannedStartOf). */
export function dayOf(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Elapsed speaking time as M:SS (or H:MM:SS). */
export function elapsedText(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
