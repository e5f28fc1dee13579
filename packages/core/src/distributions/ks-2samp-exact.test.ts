import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { ks2sampExact } from './ks-2samp-exact.js';

type Alt = 'two-sided' | 'less' | 'greater';
interface ExactCase {
  n1: number;
  n2: number;
  dIn: number;
  alternative: Alt;
  ok: boolean;
  d: number;
  p: number | string;
}
interface SampleCase {
  a: SampleSpec;
  b: SampleSpec;
  alternative: Alt;
  statistic: number;
  pvalue: number;
  ok: boolean;
  pExact: number | string;
}
const fx = loadFixture<{ ks2sampExact: ExactCase[]; ks2sampSamples: SampleCase[] }>(
  'kolmogorov.json',
);

/** Two-sample KS statistic of sorted samples, as ks_2samp defines it per alternative. */
function ksStatistic(x: Float64Array, y: Float64Array, alt: Alt): number {
  x.sort();
  y.sort();
  let i = 0;
  let j = 0;
  let dPlus = 0;
  let dMinus = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    const diff = i / x.length - j / y.length;
    if (diff > dPlus) dPlus = diff;
    if (-diff > dMinus) dMinus = -diff;
  }
  if (alt === 'greater') return dPlus;
  if (alt === 'less') return dMinus;
  return Math.max(dPlus, dMinus);
}

describe('ks2sampExact', () => {
  it(`matches SciPy's _attempt_exact_2kssamp (${fx.ks2sampExact.length} cases)`, () => {
    let worst = 0;
    let worstLabel = '';
    for (const c of fx.ks2sampExact) {
      const label = `n1=${c.n1} n2=${c.n2} d=${c.dIn} ${c.alternative}`;
      const r = ks2sampExact(c.n1, c.n2, c.dIn, c.alternative);
      expect(r.ok, label).toBe(c.ok);
      expect(r.d, label).toBe(c.d);
      if (c.ok) {
        const p = num(c.p);
        expectClose(r.pValue, p, label);
        if (p > 0 && Math.abs(r.pValue - p) / p > worst) {
          worst = Math.abs(r.pValue - p) / p;
          worstLabel = label;
        }
      }
    }
    console.log(`ks2sampExact worst relative error ${worst.toExponential(2)} at ${worstLabel}`);
  });

  it('reproduces ks_2samp(method="exact") on seeded samples', () => {
    for (const c of fx.ks2sampSamples) {
      const x = sample(c.a);
      const y = sample(c.b);
      const stat = ksStatistic(x, y, c.alternative);
      const label = `${c.a.kind} ${x.length} vs ${y.length} ${c.alternative}`;
      expectClose(stat, c.statistic, label, { rel: 1e-14 });
      const r = ks2sampExact(x.length, y.length, stat, c.alternative);
      expect(r.ok, label).toBe(c.ok);
      expect(r.d, label).toBe(c.statistic);
      if (c.ok) expectClose(r.pValue, c.pvalue, label);
    }
  });

  it('gives p = 1 at d = 0 and refuses bad input', () => {
    expect(ks2sampExact(3, 4, 0, 'two-sided')).toEqual({ ok: true, d: 0, pValue: 1 });
    expect(() => ks2sampExact(0, 4, 0.5, 'two-sided')).toThrow(/ks2sampExact: n1 is 0/);
    expect(() => ks2sampExact(3, 2.5, 0.5, 'two-sided')).toThrow(/ks2sampExact: n2/);
    expect(() => ks2sampExact(3, 4, 1.5, 'less')).toThrow(/ks2sampExact: d is 1.5/);
    expect(() => ks2sampExact(3, 4, 0.5, 'both' as Alt)).toThrow(/ks2sampExact: alternative/);
  });
});
