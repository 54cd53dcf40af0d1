import type { DrawRecord } from '../core/draw.ts';
import { chineseDateTime } from './chinese-dates.ts';

/** A draw as the minutes' annex prints it: every fact needed to check it by re-running it. */
export interface DrawAnnexEntry {
  heading: string;
  lines: { label: string; value: string }[];
}

export const DRAW_ANNEX_TITLE = '发言顺序抽签记录';
export const DRAW_ANNEX_NOTE =
  '抽签算法公开（xmur3 散列种子、mulberry32 生成随机数、Fisher–Yates 洗牌，见 Roundtable 文档 docs/draw.md），' +
  '任何人以同一种子和同一名单重算，都得到上述顺序。';

export function drawAnnex(draws: readonly DrawRecord[]): DrawAnnexEntry[] {
  return draws.map((draw, index) => {
    const label = (id: string) => draw.pool.find((p) => p.itemId === id)?.label ?? id;
    return {
      // One draw needs no heading of its own; a redraw is told apart from the first.
      heading: draws.length > 1 ? `第${index + 1}次抽签${index > 0 ? '（重新抽签）' : ''}` : '',
      lines: [
        { label: '抽签时间', value: chineseDateTime(draw.drawnAt) },
        { label: '抽签人', value: draw.drawnBy },
        { label: '种子', value: draw.seed },
        { label: '抽签名单（原议程顺序）', value: draw.pool.map((p) => p.label).join('、') },
        {
          label: '抽签结果',
          value: draw.order.map((id, place) => `第${place + 1}位 ${label(id)}`).join('；'),
        },
      ],
    };
  });
}
