/**
 * The fairness metrics against fixtures/fairness.json (gen_fairness.py: AIF360's documented
 * formulas transcribed with pandas/NumPy, AIF360 itself not being installable here): string
 * and numeric groups, several privileged values, favourable label 0 and a string label,
 * instance weights, and the undefined cases (inf and NaN). Bar: 1e-12 relative and absolute.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import {
  averageOddsDifference,
  disparateImpact,
  equalOpportunityDifference,
  type FairnessOptions,
  fairnessGaps,
  statisticalParityDifference,
} from './index.js';

type Num = number | string;
interface Rates {
  instances: Num;
  selectionRate: Num;
  truePositiveRate: Num;
  falsePositiveRate: Num;
}
interface Case {
  name: string;
  yTrue: (number | string)[];
  yPred: (number | string)[];
  group: (number | string)[];
  options: FairnessOptions;
  expected: {
    statisticalParityDifference: Num;
    disparateImpact: Num;
    equalOpportunityDifference: Num;
    averageOddsDifference: Num;
    privileged: Rates;
    unprivileged: Rates;
  };
}

const { cases } = loadFixture<{ cases: Case[] }>('fairness.json');
const TOL = { rel: 1e-12, abs: 1e-12 };

describe('fairness metrics agree with AIF360 formulas', () => {
  it('covers the undefined cases', () => {
    const names = cases.map((c) => c.name);
    expect(names).toContain('privileged rate 0');
    expect(names).toContain('both rates 0');
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(c.name, () => {
      const e = c.expected;
      const got = fairnessGaps(c.yTrue, c.yPred, c.group, c.options);
      for (const key of [
        'statisticalParityDifference',
        'disparateImpact',
        'equalOpportunityDifference',
        'averageOddsDifference',
      ] as const) {
        expectClose(got[key], num(e[key]), `${c.name} ${key}`, TOL);
      }
      for (const side of ['privileged', 'unprivileged'] as const) {
        for (const key of Object.keys(e[side]) as (keyof Rates)[]) {
          expectClose(got[side][key], num(e[side][key]), `${c.name} ${side}.${key}`, TOL);
        }
      }
      // The single-metric functions give the same numbers as the combined one.
      expect(statisticalParityDifference(c.yPred, c.group, c.options)).toBe(
        got.statisticalParityDifference,
      );
      expect(disparateImpact(c.yPred, c.group, c.options)).toBe(got.disparateImpact);
      expect(equalOpportunityDifference(c.yTrue, c.yPred, c.group, c.options)).toBe(
        got.equalOpportunityDifference,
      );
      expect(averageOddsDifference(c.yTrue, c.yPred, c.group, c.options)).toBe(
        got.averageOddsDifference,
      );
    });
  }

  it('match their doc examples', () => {
    const g = ['a', 'a', 'b', 'b'];
    expect(statisticalParityDifference([1, 0, 1, 1], g, { privileged: 'b' })).toBe(-0.5);
    expect(disparateImpact([1, 0, 1, 1], g, { privileged: 'b' })).toBe(0.5);
    expect(equalOpportunityDifference([1, 1, 1, 1], [1, 0, 1, 1], g, { privileged: 'b' })).toBe(
      -0.5,
    );
    expect(averageOddsDifference([1, 0, 1, 0], [1, 1, 1, 0], g, { privileged: 'b' })).toBe(0.5);
    expect(fairnessGaps([1, 0, 1, 0], [1, 1, 1, 0], g, { privileged: 'b' }).disparateImpact).toBe(
      2,
    );
  });

  it('treats a privileged list and its complement symmetrically', () => {
    const c = cases.find((x) => x.name === 'four groups, two privileged')!;
    const a = statisticalParityDifference(c.yPred, c.group, { privileged: ['a', 'b'] });
    const b = statisticalParityDifference(c.yPred, c.group, { privileged: ['c', 'd'] });
    expectClose(a, -b, 'swapped groups', TOL);
  });
});
