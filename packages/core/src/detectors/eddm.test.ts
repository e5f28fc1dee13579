import { describe, expect, it } from 'vitest';
import { TendInputError } from '../errors.js';
import { createRng } from '../random/xoshiro128.js';
import { Eddm, type EddmOptions } from './eddm.js';

function errors(rates: number[], lengths: number[], seed: number): number[] {
  const rng = createRng(seed);
  return rates.flatMap((p, k) =>
    Array.from({ length: lengths[k] }, () => (rng.next() < p ? 1 : 0)),
  );
}
function drifts(options: EddmOptions, xs: number[]): number[] {
  const d = new Eddm(options);
  return xs.flatMap((x, i) => (d.update(x).drift ? [i] : []));
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('Eddm', () => {
  it('has River’s defaults', () => {
    const e = new Eddm();
    expect([e.warmStart, e.alpha, e.beta]).toEqual([30, 0.95, 0.9]);
  });

  it('false alarms on a stationary stream fall as beta is lowered', () => {
    const count = (o: EddmOptions) =>
      seeds.map((s) => drifts(o, errors([0.1], [5000], s)).length).reduce((a, b) => a + b);
    const loose = count({});
    const strict = count({ alpha: 0.8, beta: 0.7 });
    // EDDM at its defaults is known to be jumpy (River's own example lowers them).
    expect(loose).toBeGreaterThan(5 * strict);
    expect(strict).toBeLessThanOrEqual(10); // ≤ 1 per 5 000 values
  });

  it('detects an error rate going from 10 % to 50 % within 150 values (River test settings)', () => {
    for (const s of seeds) {
      const found = drifts({ alpha: 0.9, beta: 0.8 }, errors([0.1, 0.5], [1000, 1000], s));
      const first = found.find((i) => i >= 1000) as number;
      expect(first - 1000, `seed ${s}`).toBeLessThan(150);
    }
  });

  it('only changes its signals when an error (1) arrives', () => {
    const e = new Eddm({ warmStart: 2, alpha: 0.99, beta: 0.5 });
    // Errors spaced 10 apart, then closer: the spacing statistic falls, a warning follows.
    const xs = [
      ...Array(10)
        .fill([1, ...Array(9).fill(0)])
        .flat(),
      1,
      0,
      1,
    ];
    const out = xs.map((x) => e.update(x));
    const last = out.at(-1);
    expect(last?.warning || last?.drift).toBe(true);
    expect(out.at(-2)).toEqual(out.at(-3)); // a 0 leaves the flags as they were
  });

  it('refuses bad options, naming them', () => {
    expect(() => new Eddm({ alpha: 0.8, beta: 0.9 })).toThrow(TendInputError);
    expect(() => new Eddm({ alpha: 0.8, beta: 0.9 })).toThrow('Eddm: beta');
    expect(() => new Eddm({ alpha: 1.5 })).toThrow('Eddm: alpha');
    expect(() => new Eddm({ warmStart: -2 })).toThrow('Eddm: warmStart');
  });
});
