import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { energyDistance } from './energy-distance.js';

interface DistanceCase {
  label: string;
  x: SampleSpec | number[];
  y: SampleSpec | number[];
  energy: number;
}
const fx = loadFixture<{ distances: DistanceCase[] }>('stattests-numeric.json');

describe('energyDistance', () => {
  it('matches scipy.stats.energy_distance', () => {
    for (const c of fx.distances) {
      const x = sample(c.x);
      const y = sample(c.y);
      expectClose(energyDistance(x, y), c.energy, c.label);
      expectClose(energyDistance(y, x), c.energy, `${c.label} swapped`);
    }
  });

  it('runs the doc example', () => {
    expect(energyDistance([0, 1], [2, 3])).toBe(1.7320508075688772);
  });

  it('refuses empty and non-finite input', () => {
    expect(() => energyDistance([1], [])).toThrow(/energyDistance: v must hold/);
    expect(() => energyDistance([Number.NaN], [1])).toThrow(/energyDistance: u \[0\] is NaN/);
  });
});
