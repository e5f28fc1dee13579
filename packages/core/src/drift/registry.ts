/**
 * Every batch drift test by name, each wrapped into the one contract of `drift-test.ts`.
 * Adding a test is one entry here. Default thresholds are Evidently's: 0.05 for the
 * hypothesis tests' p-values, 0.1 for distances.
 */

import { binCategorical, binNumeric } from '../distances/binning.js';
import {
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  psi,
  totalVariationDistance,
} from '../distances/index.js';
import { TendInputError } from '../errors.js';
import { andersonKsamp } from '../stattests/anderson-ksamp.js';
import { alignCounts } from '../stattests/categories.js';
import { chiSquareHomogeneity } from '../stattests/chi-square-homogeneity.js';
import { cramerVonMises2samp } from '../stattests/cramer-von-mises-2samp.js';
import { energyDistance } from '../stattests/energy-distance.js';
import { fisherExact } from '../stattests/fisher-exact.js';
import { ks2samp } from '../stattests/ks-2samp.js';
import { mannWhitneyU } from '../stattests/mann-whitney-u.js';
import { twoProportionZTest } from '../stattests/two-proportion-z-test.js';
import { wassersteinDistanceNormed } from '../stattests/wasserstein-distance.js';
import { welchTTest } from '../stattests/welch-t-test.js';
import { checkChoice, checkNumberOption, type NumericInput, toSample } from '../validate.js';
import type {
  CategoricalInput,
  ColumnKind,
  DriftTest,
  DriftTestOptions,
  DriftTestResult,
  Measured,
} from './drift-test.js';

function meanAndVariance(x: Float64Array): [number, number] {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += (x[i] - mean) / (i + 1);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2;
  return [mean, x.length > 1 ? ss / (x.length - 1) : 0];
}

/** Cramér's V of the 2×k table, from the uncorrected chi-square statistic: √(χ²/N). */
function cramersV(reference: Float64Array, current: Float64Array): number {
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < reference.length; i++) {
    nRef += reference[i];
    nCur += current[i];
  }
  const n = nRef + nCur;
  let chi2 = 0;
  for (let i = 0; i < reference.length; i++) {
    const total = reference[i] + current[i];
    const eRef = (total * nRef) / n;
    const eCur = (total * nCur) / n;
    chi2 += (reference[i] - eRef) ** 2 / eRef + (current[i] - eCur) ** 2 / eCur;
  }
  return Math.sqrt(chi2 / n);
}

/** The two categories of a binary column and their counts, for the tests defined on 2×2 tables. */
function binaryCounts(fn: string, reference: CategoricalInput, current: CategoricalInput) {
  const aligned = alignCounts(reference, current);
  if (aligned.categories.length > 2) {
    throw new TendInputError(
      fn,
      'reference',
      'invalid_type',
      `has ${aligned.categories.length} categories with current; this test needs at most 2`,
    );
  }
  const a = aligned.reference[0] ?? 0;
  const c = aligned.current[0] ?? 0;
  const nRef = a + (aligned.reference[1] ?? 0);
  const nCur = c + (aligned.current[1] ?? 0);
  return { a, c, nRef, nCur };
}

function distanceOnBins(
  distance: (p: Float64Array, q: Float64Array) => number,
): Pick<DriftTest, 'numerical' | 'categorical'> {
  return {
    numerical: (reference, current, options) => {
      const bins = binNumeric(reference, current, { bins: options.bins ?? 10 });
      const d = distance(bins.reference, bins.current);
      return { statistic: d, effectSize: d };
    },
    categorical: (reference, current) => {
      const bins = binCategorical(reference, current);
      const d = distance(bins.reference, bins.current);
      return { statistic: d, effectSize: d };
    },
  };
}

const tests: DriftTest[] = [
  {
    name: 'ks',
    displayName: 'Kolmogorov–Smirnov',
    kinds: ['numerical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    numerical: (r, c) => {
      const res = ks2samp(r, c);
      return { statistic: res.statistic, pValue: res.pValue, effectSize: res.statistic };
    },
  },
  {
    name: 'cramer_von_mises',
    displayName: 'Cramér–von Mises',
    kinds: ['numerical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    numerical: (r, c) => cramerVonMises2samp(r, c),
  },
  {
    name: 'anderson',
    displayName: 'Anderson–Darling k-sample',
    kinds: ['numerical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    numerical: (r, c) => {
      const res = andersonKsamp([r, c]);
      return { statistic: res.statistic, pValue: res.pValue };
    },
  },
  {
    name: 'mannw',
    displayName: 'Mann–Whitney U',
    kinds: ['numerical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    numerical: (r, c) => {
      const res = mannWhitneyU(r, c);
      // Rank-biserial correlation |1 − 2U/(n₁n₂)|: 0 when the samples interleave evenly.
      const effectSize = Math.abs(1 - (2 * res.statistic) / (r.length * c.length));
      return { statistic: res.statistic, pValue: res.pValue, effectSize };
    },
  },
  {
    name: 't_test',
    displayName: "Welch's t-test",
    kinds: ['numerical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    numerical: (r, c) => {
      const res = welchTTest(r, c);
      const [m1, v1] = meanAndVariance(toSample('t_test', 'reference', r));
      const [m2, v2] = meanAndVariance(toSample('t_test', 'current', c));
      // Cohen's d with the average of the two variances as the pooled one.
      const sd = Math.sqrt((v1 + v2) / 2);
      const effectSize = sd > 0 ? Math.abs(m2 - m1) / sd : m1 === m2 ? 0 : Number.POSITIVE_INFINITY;
      return { statistic: res.statistic, pValue: res.pValue, effectSize };
    },
  },
  {
    name: 'wasserstein',
    displayName: 'Wasserstein distance (normed by the reference std)',
    kinds: ['numerical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    numerical: (r, c) => {
      const d = wassersteinDistanceNormed(r, c);
      return { statistic: d, effectSize: d };
    },
  },
  {
    name: 'ed',
    displayName: 'Energy distance',
    kinds: ['numerical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    numerical: (r, c) => ({ statistic: energyDistance(r, c) }),
  },
  {
    name: 'chisquare',
    displayName: 'Chi-square homogeneity',
    kinds: ['categorical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    categorical: (r, c) => {
      const res = chiSquareHomogeneity(r, c);
      const aligned = alignCounts(r, c);
      return {
        statistic: res.statistic,
        pValue: res.pValue,
        effectSize: cramersV(aligned.reference, aligned.current),
      };
    },
  },
  {
    name: 'z',
    displayName: 'Two-proportion Z-test',
    kinds: ['categorical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    categorical: (r, c) => {
      const { a, c: cc, nRef, nCur } = binaryCounts('z', r, c);
      const res = twoProportionZTest(a, nRef, cc, nCur);
      // Cohen's h between the two proportions of the first category.
      const h = Math.abs(2 * Math.asin(Math.sqrt(a / nRef)) - 2 * Math.asin(Math.sqrt(cc / nCur)));
      return { statistic: res.statistic, pValue: res.pValue, effectSize: h };
    },
  },
  {
    name: 'fisher_exact',
    displayName: "Fisher's exact test",
    kinds: ['categorical'],
    decision: 'pValue',
    defaultThreshold: 0.05,
    categorical: (r, c) => {
      const { a, c: cc, nRef, nCur } = binaryCounts('fisher_exact', r, c);
      const res = fisherExact([
        [a, nRef - a],
        [cc, nCur - cc],
      ]);
      return { statistic: res.statistic, pValue: res.pValue };
    },
  },
  {
    name: 'psi',
    displayName: 'Population Stability Index',
    kinds: ['numerical', 'categorical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    ...distanceOnBins((p, q) => psi(p, q)),
  },
  {
    name: 'kl_div',
    displayName: 'Kullback–Leibler divergence',
    kinds: ['numerical', 'categorical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    ...distanceOnBins((p, q) => klDivergence(p, q, { epsilon: 0.0001 })),
  },
  {
    name: 'jensenshannon',
    displayName: 'Jensen–Shannon distance',
    kinds: ['numerical', 'categorical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    ...distanceOnBins((p, q) => jensenShannonDistance(p, q)),
  },
  {
    name: 'hellinger',
    displayName: 'Hellinger distance',
    kinds: ['numerical', 'categorical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    ...distanceOnBins(hellingerDistance),
  },
  {
    name: 'tvd',
    displayName: 'Total variation distance',
    kinds: ['numerical', 'categorical'],
    decision: 'distance',
    defaultThreshold: 0.1,
    ...distanceOnBins(totalVariationDistance),
  },
];

/**
 * Every registered drift test, by name (Evidently's stattest names).
 *
 * @example
 * [...driftTests.keys()].slice(0, 3); // ['ks', 'cramer_von_mises', 'anderson']
 */
export const driftTests: ReadonlyMap<string, DriftTest> = new Map(tests.map((t) => [t.name, t]));

/**
 * Run a drift test by name on two samples of a column of the given kind.
 *
 * @example
 * runDriftTest('ks', [1, 2, 3, 4], [5, 6, 7, 8]).drifted; // true (p = 0.0286 < 0.05)
 */
export function runDriftTest(
  name: string,
  reference: NumericInput | CategoricalInput,
  current: NumericInput | CategoricalInput,
  options: DriftTestOptions & { kind?: ColumnKind } = {},
): DriftTestResult {
  checkChoice('runDriftTest', 'name', name, [...driftTests.keys()]);
  const test = driftTests.get(name)!;
  const kind = options.kind ?? test.kinds[0];
  if (!test.kinds.includes(kind)) {
    throw new TendInputError(
      'runDriftTest',
      'kind',
      'invalid_option',
      `is ${JSON.stringify(kind)}; ${name} accepts ${test.kinds.join(' or ')} columns`,
    );
  }
  const threshold = options.threshold ?? test.defaultThreshold;
  checkNumberOption('runDriftTest', 'threshold', threshold, {
    min: 0,
    ...(test.decision === 'pValue' ? { max: 1 } : {}),
  });
  const measured: Measured =
    kind === 'numerical'
      ? test.numerical!(reference as NumericInput, current as NumericInput, options)
      : test.categorical!(reference as CategoricalInput, current as CategoricalInput, options);
  const drifted =
    test.decision === 'pValue'
      ? (measured.pValue as number) < threshold
      : measured.statistic >= threshold;
  return { method: name, ...measured, threshold, drifted };
}
