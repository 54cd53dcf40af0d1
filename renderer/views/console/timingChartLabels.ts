import type { TimingChartLabels } from '../../../electron/api/timing-chart.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { clockTimeOf, elapsedText } from './runText.ts';

const minutesText = (minutes: number) => elapsedText(Math.round(minutes * 60) * 1000);

/** The chart's words in the console's language; times in this device's zone (the venue's). */
export function timingChartLabels(t: Translate): TimingChartLabels {
  return {
    planned: t('timingChart.planned'),
    actual: t('timingChart.actual'),
    overtime: t('timingChart.overtime'),
    adjusted: t('timingChart.adjusted'),
    breakTime: t('timingChart.breakTime'),
    skipped: t('timingChart.skipped'),
    notStarted: t('timingChart.notStarted'),
    minutes: t('timingChart.minutes'),
    value: (bar) =>
      t('timingChart.value', {
        actual: minutesText(bar.actualMinutes ?? 0),
        limit: minutesText(bar.limitMinutes),
      }),
    leaderStart: (start) => {
      const planned = clockTimeOf(start.plannedStartAt);
      if (start.startAt === null || start.lateMinutes === null) {
        return t('timingChart.leaderSkipped', { name: start.name, planned });
      }
      const minutes = Math.round(Math.abs(start.lateMinutes));
      const offset =
        minutes === 0
          ? t('timingChart.onTime')
          : start.lateMinutes > 0
            ? t('timingChart.late', { minutes })
            : t('timingChart.early', { minutes });
      const key = start.projected ? 'timingChart.leaderProjected' : 'timingChart.leaderStarted';
      return t(key, { name: start.name, planned, actual: clockTimeOf(start.startAt), offset });
    },
  };
}
