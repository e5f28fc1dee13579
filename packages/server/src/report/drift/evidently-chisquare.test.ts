import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidentlyChiSquare } from './evidently-chisquare.js';

interface Case {
  name: string;
  kind: string;
  reference: (number | string)[];
  current: (number | string)[];
  method: string;
  statistic: number | string | null;
  pValue: number | string | null;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/evidently-drift.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const num = (v: number | string | null) => (v === 'inf' ? Number.POSITIVE_INFINITY : Number(v));

describe('evidentlyChiSquare', () => {
  const cases = fixture.cases.filter((c) => c.method === 'chisquare');

  it.each(cases.map((c) => [c.name, c] as const))(
    "agrees with Evidently's _chi_stat_test on SciPy: %s",
    (_, c) => {
      const res = evidentlyChiSquare(c.reference, c.current);
      const statistic = num(c.statistic);
      if (Number.isFinite(statistic)) expect(res.statistic).toBeCloseTo(statistic, 9);
      else expect(res.statistic).toBe(statistic);
      const p = num(c.pValue);
      expect(Math.abs(res.pValue - p)).toBeLessThanOrEqual(Math.max(1e-9 * p, 1e-12));
    },
  );

  it('covers the new-category case (E = 0: X² = +∞, p = 0)', () => {
    expect(cases.some((c) => c.statistic === 'inf')).toBe(true);
    expect(evidentlyChiSquare(['a', 'a'], ['a', 'b'])).toEqual({
      statistic: Number.POSITIVE_INFINITY,
      pValue: 0,
    });
  });

  it('is the doc example, SciPy chisquare([1, 3], [2, 2])', () => {
    const res = evidentlyChiSquare(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(res.statistic).toBe(1);
    // SciPy: 0.31731050786291115
    expect(Math.abs(res.pValue - 0.31731050786291115)).toBeLessThan(1e-9 * 0.3173);
    expect(res.pValue).toBe(0.3173105078629141);
  });

  it('gives p = 1 for one shared category (SciPy: NaN with 0 degrees of freedom)', () => {
    expect(evidentlyChiSquare(['x', 'x'], ['x'])).toEqual({ statistic: 0, pValue: 1 });
  });
});
