import type { TimingChartLabels } from '../core/timing-chart-layout.ts';
import { durationText } from './timing-report.ts';

const minutesText = (minutes: number) => durationText(Math.round(minutes * 60) * 1000);

/** The chart's words in the exports, which are Chinese documents. */
export function chineseChartLabels(clockTime: (epochMs: number) => string): TimingChartLabels {
  return {
    planned: '计划时长',
    actual: '实际用时',
    overtime: '超时',
    adjusted: '调整后时限',
    breakTime: '休息',
    skipped: '已跳过',
    notStarted: '未进行',
    minutes: '分钟',
    value: (bar) => `${minutesText(bar.actualMinutes ?? 0)} / ${minutesText(bar.limitMinutes)}`,
    leaderStart: (start) => {
      const hhmm = (ms: number) => clockTime(ms).slice(0, 5);
      const planned = `${start.name}讲话：计划 ${hhmm(start.plannedStartAt)} 开始`;
      if (start.startAt === null || start.lateMinutes === null) return `${planned}，未进行`;
      const actual = `${start.projected ? '预计' : '实际'} ${hhmm(start.startAt)}`;
      const late = Math.round(start.lateMinutes);
      const by = late > 0 ? `晚 ${late} 分钟` : late < 0 ? `早 ${-late} 分钟` : '准时';
      return `${planned}，${actual}（${by}）`;
    },
  };
}
