import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import {
  cdfIntegral,
  wassersteinDistance,
  wassersteinDistanceNormed,
} from './wasserstein-distance.js';

interface DistanceCase {
  label: string;
  x: SampleSpec | number[];
  y: SampleSpec | number[];
  wasserstein: number;
  wassersteinNormed: number;
}
const fx = loadFixture<{ distances: DistanceCase[] }>('stattests-numeric.json');

describe('wassersteinDistance', () => {
  it('matches scipy.stats.wasserstein_distance', () => {
    for (const c of fx.distances) {
      const x = sample(c.x);
      const y = sample(c.y);
      expectClose(wassersteinDistance(x, y), c.wasserstein, c.label);
      expectClose(wassersteinDistance(y, x), c.wasserstein, `${c.label} swapped`);
    }
  });

  it('matches Evidently’s normed distance', () => {
    for (const c of fx.distances) {
      expectClose(
        wassersteinDistanceNormed(sample(c.x), sample(c.y)),
        c.wassersteinNormed,
        c.label,
      );
    }
  });

  it('runs the doc examples', () => {
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBe(5);
    expect(wassersteinDistanceNormed([0, 2], [1, 3])).toBe(1);
    expect(cdfIntegral(Float64Array.of(0, 1), Float64Array.of(2, 3), 1)).toBe(2);
  });

  it('floors the reference std at 0.001', () => {
    expect(wassersteinDistanceNormed([1, 1, 1], [1, 1])).toBe(0);
    expectClose(wassersteinDistanceNormed([1, 1, 1], [1.5]), 500, 'constant reference');
  });

  it('refuses empty and non-finite input', () => {
    expect(() => wassersteinDistance([], [1])).toThrow(/wassersteinDistance: u must hold/);
    expect(() => wassersteinDistance([1], [Number.POSITIVE_INFINITY])).toThrow(
      /wassersteinDistance: v \[0\] is Infinity/,
    );
    expect(() => wassersteinDistanceNormed([1], [Number.NaN])).toThrow(
      /wassersteinDistanceNormed: current \[0\] is NaN/,
    );
  });
});
