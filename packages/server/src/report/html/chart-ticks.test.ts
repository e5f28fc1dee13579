import { describe, expect, it } from 'vitest';
import { niceTicks } from './chart-ticks.js';

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(0.37, 4)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0.06, 4)).toEqual([0, 0.02, 0.04, 0.06]);
    expect(niceTicks(730, 4)).toEqual([0, 200, 400, 600, 800]);
  });

  it('falls back to [0, 1] for an empty chart', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});
