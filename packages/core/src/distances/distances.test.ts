import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import {
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  lInfinityDistance,
  psi,
  totalVariationDistance,
} from './index.js';

type Expected = Record<
  | 'kl'
  | 'klBase2'
  | 'klEps'
  | 'klEps01'
  | 'js'
  | 'jsBase2'
  | 'hellinger'
  | 'tvd'
  | 'lInf'
  | 'psi'
  | 'psiEps0'
  | 'psiEps01',
  number | string
>;
interface DistancesFixture {
  vectors: { name: string; p: number[]; q: number[]; expected: Expected }[];
  binned: {
    name: string;
    reference: SampleSpec;
    current: SampleSpec;
    bins: number;
    edges: number[];
    referenceCounts: number[];
    currentCounts: number[];
    expected: Expected;
  }[];
}
const fx = loadFixture<DistancesFixture>('distances.json');

const measures: [keyof Expected, (p: number[], q: number[]) => number][] = [
  ['kl', (p, q) => klDivergence(p, q)],
  ['klBase2', (p, q) => klDivergence(p, q, { base: 2 })],
  ['klEps', (p, q) => klDivergence(p, q, { epsilon: 0.0001 })],
  ['klEps01', (p, q) => klDivergence(p, q, { epsilon: 0.01 })],
  ['js', (p, q) => jensenShannonDistance(p, q)],
  ['jsBase2', (p, q) => jensenShannonDistance(p, q, { base: 2 })],
  ['hellinger', hellingerDistance],
  ['tvd', totalVariationDistance],
  ['lInf', lInfinityDistance],
  ['psi', (p, q) => psi(p, q)],
  ['psiEps0', (p, q) => psi(p, q, { epsilon: 0 })],
  ['psiEps01', (p, q) => psi(p, q, { epsilon: 0.01 })],
];

function checkAll(label: string, p: number[], q: number[], expected: Expected): void {
  for (const [key, f] of measures) expectClose(f(p, q), num(expected[key]), `${label} ${key}`);
}

describe('distances against SciPy / Evidently', () => {
  it('agree on explicit weight vectors (random and degenerate)', () => {
    for (const v of fx.vectors) checkAll(v.name, v.p, v.q, v.expected);
  });

  it('agree on reference-quantile bins of seeded samples', () => {
    for (const b of fx.binned) checkAll(b.name, b.referenceCounts, b.currentCounts, b.expected);
  });

  it('accept typed arrays and do not modify the input', () => {
    const p = Float64Array.of(1, 0, 3);
    const q = Float64Array.of(0, 2, 2);
    psi(p, q);
    klDivergence(p, q, { epsilon: 0.0001 });
    expect(Array.from(p)).toEqual([1, 0, 3]);
    expect(Array.from(q)).toEqual([0, 2, 2]);
  });

  it('match their doc examples', () => {
    expect(klDivergence([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(0.5108256237659907, 15);
    expect(jensenShannonDistance([1, 0], [0, 1], { base: 2 })).toBe(1);
    expect(hellingerDistance([1, 0], [0, 1])).toBe(1);
    expect(totalVariationDistance([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(0.4, 15);
    expect(lInfinityDistance([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBeCloseTo(0.3, 15);
    expect(psi([0.25, 0.25, 0.5], [0.2, 0.3, 0.5])).toBeCloseTo(0.02027325540540821, 15);
  });

  it('are symmetric where the measure is, and 0 on identical inputs', () => {
    const p = [3, 1, 4, 1, 5];
    const q = [2, 7, 1, 8, 2];
    for (const f of [jensenShannonDistance, hellingerDistance, totalVariationDistance, psi]) {
      expectClose(f(p, q), f(q, p), f.name);
      expect(f(p, p)).toBe(0);
    }
  });

  it('refuse bad weights with the function and argument named', () => {
    const all = [
      klDivergence,
      jensenShannonDistance,
      hellingerDistance,
      totalVariationDistance,
      lInfinityDistance,
    ];
    for (const f of all) {
      expect(() => f([1, 2], [1, 2, 3])).toThrow(`${f.name}: q has 3 values but p has 2`);
      expect(() => f([1, -1], [1, 2])).toThrow(`${f.name}: p [1] is -1; weights must be ≥ 0`);
      expect(() => f([1, 1], [0, 0])).toThrow(`${f.name}: q sums to 0`);
      expect(() => f([1, Number.NaN], [1, 1])).toThrow(`${f.name}: p [1] is NaN`);
      expect(() => f([], [])).toThrow(`${f.name}: p must hold at least one value`);
    }
    expect(() => psi([1, 2], [1])).toThrow('psi: current has 1 values but reference has 2');
    expect(() => psi([0, 0], [1, 1])).toThrow('psi: reference sums to 0');
    expect(() => psi([1, 1], [1, 1], { epsilon: -1 })).toThrow('psi: epsilon is -1');
    expect(() => klDivergence([1], [1], { base: 1 })).toThrow('klDivergence: base is 1');
    expect(() => jensenShannonDistance([1], [1], { base: 0 })).toThrow(
      'jensenShannonDistance: base is 0',
    );
  });
});

describe('sample recipes used by the binned fixtures', () => {
  it('are regenerated (spot check of lengths)', () => {
    for (const b of fx.binned) {
      const total = b.referenceCounts.reduce((a, x) => a + x, 0);
      expect(total, b.name).toBe(sample(b.reference).length);
    }
  });
});
