import type PptxGenJS from 'pptxgenjs';
import type { ChartLayout, ChartShape } from '../core/timing-chart-layout.ts';

/**
 * The timing chart drawn on a slide as PowerPoint's own shapes, from the same layout the console
 * and the report's picture draw: crisp on any projector, editable, and quick to write. (As a
 * picture it had to be rasterized with every label outlined: over a second for a long agenda.)
 */

const color = (css: string) => css.replace(/^#/, '').toUpperCase();

/** A text's box, inches, around its baseline point: wide enough never to wrap, anchored as drawn. */
function textBox(shape: Extract<ChartShape, { type: 'text' }>, layoutWidth: number, k: number) {
  const height = shape.size * 1.4;
  const top = shape.y - shape.size * 0.35 - height / 2;
  const [left, width] =
    shape.anchor === 'start'
      ? [shape.x, layoutWidth - shape.x]
      : shape.anchor === 'end'
        ? [0, shape.x]
        : [
            shape.x - Math.min(shape.x, layoutWidth - shape.x),
            2 * Math.min(shape.x, layoutWidth - shape.x),
          ];
  return { x: left * k, y: top * k, w: Math.max(width, shape.size) * k, h: height * k };
}

/** Every shape of `layout` placed in `box` (inches), scaled to its width. */
export function drawChart(
  slide: PptxGenJS.Slide,
  layout: ChartLayout,
  box: { x: number; y: number; w: number; h: number },
  fontFace: string,
): void {
  const k = box.w / layout.width;
  const at = <T extends { x: number; y: number }>(r: T) => ({
    ...r,
    x: box.x + r.x,
    y: box.y + r.y,
  });
  for (const shape of layout.shapes) {
    switch (shape.type) {
      case 'rect': {
        const line = shape.stroke
          ? {
              color: color(shape.stroke),
              width: 1,
              dashType: shape.dashed ? ('dash' as const) : ('solid' as const),
            }
          : { type: 'none' as const };
        slide.addShape('rect', {
          ...at({ x: shape.x * k, y: shape.y * k, w: shape.width * k, h: shape.height * k }),
          fill: shape.fill === 'none' ? { type: 'none' } : { color: color(shape.fill) },
          line,
        });
        break;
      }
      case 'line':
        slide.addShape('line', {
          ...at({
            x: Math.min(shape.x1, shape.x2) * k,
            y: Math.min(shape.y1, shape.y2) * k,
            w: Math.abs(shape.x2 - shape.x1) * k,
            h: Math.abs(shape.y2 - shape.y1) * k,
          }),
          flipV: (shape.x2 - shape.x1) * (shape.y2 - shape.y1) < 0,
          line: {
            color: color(shape.stroke),
            width: Math.max(0.25, shape.strokeWidth * k * 72),
            dashType: shape.dashed ? 'dash' : 'solid',
          },
        });
        break;
      case 'text':
        slide.addText(shape.text, {
          ...at(textBox(shape, layout.width, k)),
          fontFace,
          // Points: the layout's pixels scaled to the slide, never below PowerPoint's 1 pt.
          fontSize: Math.max(1, Math.round(shape.size * k * 72 * 10) / 10),
          color: color(shape.fill),
          bold: shape.bold ?? false,
          align: shape.anchor === 'start' ? 'left' : shape.anchor === 'end' ? 'right' : 'center',
          valign: 'middle',
          margin: 0,
          wrap: false,
        });
        break;
    }
  }
}
