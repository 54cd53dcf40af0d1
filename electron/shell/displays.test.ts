import { describe, expect, it } from 'vitest';
import { pickProjectorDisplay } from './displays.ts';

const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

describe('the projector display', () => {
  it('is the external display when one is connected', () => {
    expect(pickProjectorDisplay([display(1, 0), display(2, 1920)], 1)?.id).toBe(2);
    expect(pickProjectorDisplay([display(2, -1920), display(1, 0)], 1)?.id).toBe(2);
  });

  it('is none when the laptop screen is the only one', () => {
    expect(pickProjectorDisplay([display(1, 0)], 1)).toBeUndefined();
  });
});
