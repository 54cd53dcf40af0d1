import { itemHeadline, type AgendaItem } from '../core/agenda.ts';
import { limitMsOf } from '../core/run.ts';
import { computeSchedule } from '../core/schedule.ts';
import { toCsv } from './csv.ts';
import type { MeetingData } from './meeting-data.ts';

/** How Chinese documents name each kind of agenda item (the timing report, the slides). */
export const ITEM_KIND_LABEL: Record<AgendaItem['kind'], string> = {
  opening: '开场',
  exchange: '交流发言',
  leader: '领导讲话',
  break: '休息',
  other: '其他',
};
const STATUS_LABEL = { pending: '未进行', running: '进行中', done: '已完成', skipped: '已跳过' };

export const TIMING_HEADER = [
  '序号',
  '类型',
  '发言单位及发言人',
  '题目',
  '计划开始',
  '计划时长（分钟）',
  // 按时结束 (issue 17): the limit a finish-on-time plan set; empty where none did.
  '调整后时长（分钟）',
  '实际开始',
  '实际结束',
  // An item run again keeps one record: first start, last end, and the time of every turn.
  '实际用时（多次发言为合计）',
  '增减时间（秒）',
  '超时（秒）',
  '状态',
];

/**
 * A speaking time in words, "4分30秒" (or "2分钟", "45秒", "0秒"): "04:30" in a CSV opens in Excel
 * and Calc as the clock time 04:30:00, four and a half hours; words are read as text.
 */
export function durationText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (!minutes) return `${seconds}秒`;
  return seconds ? `${minutes}分${seconds}秒` : `${minutes}分钟`;
}

/** A speaker cut short is 已完成 (their time says how short); a second turn is counted. */
function statusLabel(status: keyof typeof STATUS_LABEL, turns: number): string {
  return turns > 1 ? `${STATUS_LABEL[status]}（发言 ${turns} 次）` : STATUS_LABEL[status];
}

/**
 * Planned, adjusted and actual for every item; overtime counts from the limit the speaker's
 * countdown showed (the adjusted one where a plan set it). `plannedStartAt` is the meeting's start as an instant
 * and `clockTime` formats an instant in the venue's time zone; both come from the caller.
 */
export function timingRows(
  data: MeetingData,
  plannedStartAt: number,
  clockTime: (epochMs: number) => string,
): (string | number)[][] {
  const schedule = computeSchedule(data.items, plannedStartAt, data.run, plannedStartAt);
  return data.items.map((item, index) => {
    const row = schedule.rows[index];
    const record = data.run.itemRuns[item.id];
    const spoke = record && record.status !== 'skipped' ? record : undefined;
    const overMs = spoke
      ? Math.max(0, spoke.elapsedMs - limitMsOf(item, data.run.adjustedLimits) - spoke.addedMs)
      : 0;
    return [
      index + 1,
      ITEM_KIND_LABEL[item.kind],
      itemHeadline(item),
      item.topic,
      row ? clockTime(row.plannedStartAt) : '',
      item.plannedMinutes,
      data.run.adjustedLimits[item.id] ?? '',
      row?.actualStartAt != null ? clockTime(row.actualStartAt) : '',
      row?.actualEndAt != null ? clockTime(row.actualEndAt) : '',
      spoke && spoke.actualEndAt !== null ? durationText(spoke.elapsedMs) : '',
      spoke ? Math.round(spoke.addedMs / 1000) : '',
      spoke && spoke.actualEndAt !== null ? Math.round(overMs / 1000) : '',
      statusLabel(row?.status ?? 'pending', record?.turns ?? 0),
    ];
  });
}

export function timingCsv(
  data: MeetingData,
  plannedStartAt: number,
  clockTime: (epochMs: number) => string,
): Buffer {
  return toCsv([TIMING_HEADER, ...timingRows(data, plannedStartAt, clockTime)]);
}
