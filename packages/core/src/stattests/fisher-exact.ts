/**
 * Fisher's exact test on a 2×2 contingency table, as `scipy.stats.fisher_exact` (SciPy 1.10)
 * computes it.
 */
import { hypergeom } from '../distributions/hypergeom.js';
import { TendInputError } from '../errors.js';
import { checkChoice } from '../validate.js';

/** A 2×2 table of counts [[a, b], [c, d]]. */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

/** Options of {@link fisherExact}. */
export interface FisherExactOptions {
  /**
   * 'two-sided' (default); 'less' or 'greater': the odds ratio of the population is below or
   * above 1 (small or large top-left count).
   */
  alternative?: 'two-sided' | 'less' | 'greater';
}

/** Result of {@link fisherExact}. */
export interface FisherExactResult {
  /**
   * Sample odds ratio a·d/(b·c) (the unconditional estimate, as SciPy): ∞ when b or c is 0,
   * NaN when a row or a column is empty.
   */
  statistic: number;
  /** Exact p-value from the hypergeometric distribution of a given the margins. */
  pValue: number;
}

const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const;
/** SciPy 1.10's relative tolerance for "as likely as the observed table". */
const EPSILON = 1e-14;
const GAMMA = 1 + EPSILON;

function readTable(fn: string, table: Table2x2): [number, number, number, number] {
  const ok = Array.isArray(table) && table.length === 2;
  const rows = ok ? table : [];
  if (!ok || !rows.every((r) => r != null && typeof r === 'object' && r.length === 2)) {
    throw new TendInputError(fn, 'table', 'invalid_type', 'must be a 2×2 array [[a, b], [c, d]]');
  }
  const cells: number[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const v = rows[i][j];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        throw new TendInputError(
          fn,
          'table',
          'out_of_range',
          `[${i}][${j}] is ${String(v)}; counts must be integers ≥ 0`,
        );
      }
      cells.push(v);
    }
  }
  return cells as [number, number, number, number];
}

/**
 * Largest i in [lo − 1, hi] with f(i) ≤ d, f increasing on [lo, hi]: SciPy's
 * `_binary_search_for_binom_tst`, step for step.
 */
function binarySearch(f: (x: number) => number, d: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const v = f(mid);
    if (v < d) lo = mid + 1;
    else if (v > d) hi = mid - 1;
    else return mid;
  }
  return f(lo) <= d ? lo : lo - 1;
}

/**
 * Fisher's exact test of independence in a 2×2 table [[a, b], [c, d]]: given the margins,
 * a follows the hypergeometric distribution H(M = a+b+c+d, n = a+b, N = a+c) (Fisher, 1922).
 * 'less' is P(X ≤ a), 'greater' P(X ≥ a); 'two-sided' sums the probabilities of all tables no
 * more likely than the observed one, with SciPy 1.10's relative tolerance 1 + 1e-14 and its
 * binary search for the cut-off on the far side of the mode (`scipy.stats.fisher_exact`).
 * The statistic is the sample odds ratio ad/(bc).
 *
 * @example
 * fisherExact([[8, 2], [1, 5]]).pValue; // 0.03496503496503488
 */
export function fisherExact(
  table: Table2x2,
  { alternative = 'two-sided' }: FisherExactOptions = {},
): FisherExactResult {
  const fn = 'fisherExact';
  checkChoice(fn, 'alternative', alternative, ALTERNATIVES);
  const [a, b, c, d] = readTable(fn, table);
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) {
    return { statistic: Number.NaN, pValue: 1 };
  }
  const statistic = c > 0 && b > 0 ? (a * d) / (c * b) : Number.POSITIVE_INFINITY;
  const n1 = a + b;
  const total = n1 + c + d;
  const n = a + c;
  let pValue: number;
  if (alternative === 'less') {
    pValue = hypergeom.cdf(a, total, n1, n);
  } else if (alternative === 'greater') {
    pValue = hypergeom.cdf(b, total, n1, b + d);
  } else {
    const pmf = (x: number): number => hypergeom.pmf(x, total, n1, n);
    const mode = Math.trunc(((n + 1) * (n1 + 1)) / (total + 2));
    const pExact = pmf(a);
    const pMode = pmf(mode);
    if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= EPSILON) {
      return { statistic, pValue: 1 };
    }
    const cut = pExact * GAMMA;
    if (a < mode) {
      const pLower = hypergeom.cdf(a, total, n1, n);
      if (pmf(n) > cut) return { statistic, pValue: pLower };
      const guess = binarySearch((x) => -pmf(x), -cut, mode, n);
      pValue = pLower + hypergeom.sf(guess, total, n1, n);
    } else {
      const pUpper = hypergeom.sf(a - 1, total, n1, n);
      if (pmf(0) > cut) return { statistic, pValue: pUpper };
      const guess = binarySearch(pmf, cut, 0, mode);
      pValue = pUpper + hypergeom.cdf(guess, total, n1, n);
    }
  }
  return { statistic, pValue: Math.min(pValue, 1) };
}
