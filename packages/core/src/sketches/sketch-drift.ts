/**
 * Drift statistics from two KLL sketches instead of two raw samples, each with the bound its
 * answer carries. A sketch's rank error ε is its `normalizedRankError()` (DataSketches' a-priori
 * bound, 99 % confidence), or 0 while the sketch still holds every value it was given; with
 * both sketches' bounds holding (probability ≥ 98 %) every stated bound holds.
 */
import { hellingerDistance, jensenShannonDistance, psi } from '../distances/index.js';
import { kstwobign } from '../distributions/kolmogorov.js';
import { kstwo } from '../distributions/kstwo.js';
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import { weightAtOrBelow } from './kll-levels.js';
import { KllSketch } from './kll-sketch.js';

function checkSketch(fn: string, name: string, s: KllSketch): void {
  if (!(s instanceof KllSketch)) {
    throw new TendInputError(fn, name, 'invalid_type', 'must be a KllSketch');
  }
  if (s.n === 0) throw new TendInputError(fn, name, 'empty', 'has seen no (non-NaN) values');
}

/** Rank error of one sketch: 0 while it is exact (no compaction yet). */
function rankError(s: KllSketch, pmf = false): number {
  return s.numRetained === s.n ? 0 : s.normalizedRankError(pmf);
}

/** Result of {@link ksFromSketches}. */
export interface SketchKsResult {
  /** D̂ = sup |F̂a − F̂b| over the union of both sketches' retained items. */
  statistic: number;
  /** Asymptotic p-value of D̂ (approximate: see ksFromSketches). */
  pValue: number;
  /** p-values at D̂ + errorBound and D̂ − errorBound: the range the exact D's p-value is in. */
  pValueInterval: [number, number];
  /** εa + εb: |D̂ − D| ≤ errorBound whenever both sketches' rank bounds hold (≥ 98 %). */
  errorBound: number;
  /** Value at which D̂ is reached. */
  statisticLocation: number;
  /** +1 if F̂a > F̂b there (b tends to larger values), −1 otherwise. */
  statisticSign: number;
}

/**
 * Two-sample Kolmogorov–Smirnov statistic from two KLL sketches. Both estimated CDFs are step
 * functions that change only at retained items, so evaluating them on the union of those items
 * gives D̂ = sup_x |F̂a(x) − F̂b(x)| exactly; since sup|F̂ − F| ≤ ε for each sketch,
 * |D̂ − D| ≤ εa + εb. The p-value, evaluated at D̂ rather than D, is approximate and as uncertain
 * as D̂ (see `pValueInterval`): with en = n₁n₂/(n₁ + n₂), `scipy.stats.ks_2samp`'s asymptotic
 * kstwo.sf(D̂, round(en)) while en ≤ 1000, beyond that Kolmogorov's limit kstwobign.sf(√en·D̂)
 * (kstwo costs up to 0.5 s there, and differs by a few per cent in the far tail).
 *
 * @example
 * const a = new KllSketch(); const b = new KllSketch(); [1, 2, 3].forEach((v) => { a.update(v); b.update(v + 10); }); ksFromSketches(a, b).statistic; // 1
 */
export function ksFromSketches(a: KllSketch, b: KllSketch): SketchKsResult {
  const fn = 'ksFromSketches';
  checkSketch(fn, 'a', a);
  checkSketch(fn, 'b', b);
  const va = a.sortedView();
  const vb = b.sortedView();
  let i = 0;
  let j = 0;
  let best = -1;
  let location = Number.NaN;
  let sign = 1;
  while (i < va.items.length || j < vb.items.length) {
    // Step to the next distinct value of the union, past every copy of it on both sides.
    const x = Math.min(
      i < va.items.length ? va.items[i] : Number.POSITIVE_INFINITY,
      j < vb.items.length ? vb.items[j] : Number.POSITIVE_INFINITY,
    );
    while (i < va.items.length && va.items[i] <= x) i++;
    while (j < vb.items.length && vb.items[j] <= x) j++;
    const fa = i === 0 ? 0 : va.cum[i - 1] / a.n;
    const fb = j === 0 ? 0 : vb.cum[j - 1] / b.n;
    const d = Math.abs(fa - fb);
    if (d > best) {
      best = d;
      location = x;
      sign = fa > fb ? 1 : -1;
    }
  }
  const en = (a.n * b.n) / (a.n + b.n);
  const pValueOf = (d: number) =>
    en <= 1000 ? kstwo.sf(d, Math.max(1, Math.round(en))) : kstwobign.sf(Math.sqrt(en) * d);
  const errorBound = rankError(a) + rankError(b);
  return {
    statistic: best,
    pValue: pValueOf(best),
    pValueInterval: [
      pValueOf(Math.min(1, best + errorBound)),
      pValueOf(Math.max(0, best - errorBound)),
    ],
    errorBound,
    statisticLocation: location,
    statisticSign: sign,
  };
}

/** Options of {@link binnedFromSketches} and the distances from sketches. */
export interface SketchBinsOptions {
  /** Number of reference quantile bins before duplicate edges are merged (default 10). */
  bins?: number;
}

/** Two sketches' estimated counts in the same bins. */
export interface SketchBins {
  /** Inner edges e₁ < … < e_m; bins (−∞, e₁], (e₁, e₂], …, (e_m, +∞). */
  edges: Float64Array;
  /** Estimated reference count in each bin. */
  referenceCounts: Float64Array;
  /** Estimated current count in each bin. */
  currentCounts: Float64Array;
  /**
   * Bound on |p̂ᵢ − pᵢ| for every bin's reference proportion, from the sketch's PMF bound (0 if
   * exact).
   */
  referenceError: number;
  /** The same for the current proportions. */
  currentError: number;
  /**
   * Bounds on the total variation between estimated and exact proportions, reference and
   * current: (number of bins − 1)·ε, each bin proportion being a difference of two CDF values
   * each within ε.
   */
  totalVariationError: [number, number];
}

/**
 * Bin two sketches at the reference sketch's quantiles k/bins (k = 1 … bins − 1, inclusive
 * quantile rule, duplicates merged) with the right-closed bins of `binNumeric`; counts are
 * the total weight of retained items in each bin, i.e. n·(F̂(eᵢ) − F̂(eᵢ₋₁)).
 *
 * @example
 * const r = new KllSketch(); for (let i = 1; i <= 100; i++) r.update(i); binnedFromSketches(r, r, { bins: 4 }).referenceCounts; // Float64Array [25, 25, 25, 25]
 */
export function binnedFromSketches(
  reference: KllSketch,
  current: KllSketch,
  { bins = 10 }: SketchBinsOptions = {},
): SketchBins {
  return binned('binnedFromSketches', reference, current, bins);
}

function binned(fn: string, reference: KllSketch, current: KllSketch, bins: number): SketchBins {
  checkSketch(fn, 'reference', reference);
  checkSketch(fn, 'current', current);
  checkNumberOption(fn, 'bins', bins, { min: 1, max: 100000, integer: true });
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = reference.quantile(k / bins);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  const counts = (s: KllSketch) => {
    // Cumulative weights at the edges are exact integers (n·rank would round).
    const view = s.sortedView();
    const cum = [...edges.map((e) => weightAtOrBelow(view, e)), s.n];
    return Float64Array.from(cum, (w, i) => w - (i === 0 ? 0 : cum[i - 1]));
  };
  const er = rankError(reference);
  const ec = rankError(current);
  return {
    edges: Float64Array.from(edges),
    referenceCounts: counts(reference),
    currentCounts: counts(current),
    referenceError: rankError(reference, true),
    currentError: rankError(current, true),
    totalVariationError: [edges.length * er, edges.length * ec],
  };
}

/** A distance between two sketches' binned distributions, with its bound. */
export interface SketchDistanceResult {
  /** The distance between the estimated bin proportions. */
  statistic: number;
  /**
   * Bound on |statistic − the same distance on exact bin counts at the same edges| (holding
   * with the sketches' bounds), or null where none is known (PSI).
   */
  errorBound: number | null;
  /** The bins used. */
  bins: SketchBins;
}

/**
 * PSI (see `psi`, Evidently's smoothing, `epsilon` default 0.0001) between two sketches'
 * binned distributions. No a-priori bound: ln(cᵢ/rᵢ) is unbounded as a bin empties, so only the
 * per-bin proportion bounds of `bins` are stated; `errorBound` is null.
 *
 * @example
 * const r = new KllSketch(); for (let i = 1; i <= 100; i++) r.update(i); psiFromSketches(r, r).statistic; // 0
 */
export function psiFromSketches(
  reference: KllSketch,
  current: KllSketch,
  { bins = 10, epsilon = 0.0001 }: SketchBinsOptions & { epsilon?: number } = {},
): SketchDistanceResult {
  const b = binned('psiFromSketches', reference, current, bins);
  return {
    statistic: psi(b.referenceCounts, b.currentCounts, { epsilon }),
    errorBound: null,
    bins: b,
  };
}

/**
 * Jensen–Shannon distance (see `jensenShannonDistance`) between two sketches' binned
 * distributions. Bound: JS distance is a metric and JSD ≤ ln 2·TV (in nats), so
 * |ĴS − JS| ≤ √(ln 2·TVr/ln base) + √(ln 2·TVc/ln base), TV the `totalVariationError` bounds.
 *
 * @example
 * const r = new KllSketch(); for (let i = 1; i <= 100; i++) r.update(i); jensenShannonFromSketches(r, r).statistic; // 0
 */
export function jensenShannonFromSketches(
  reference: KllSketch,
  current: KllSketch,
  { bins = 10, base = Math.E }: SketchBinsOptions & { base?: number } = {},
): SketchDistanceResult {
  const b = binned('jensenShannonFromSketches', reference, current, bins);
  const statistic = jensenShannonDistance(b.referenceCounts, b.currentCounts, { base });
  const side = (tv: number) => Math.sqrt((Math.LN2 * tv) / Math.log(base));
  const [tr, tc] = b.totalVariationError;
  return { statistic, errorBound: side(tr) + side(tc), bins: b };
}

/**
 * Hellinger distance (see `hellingerDistance`) between two sketches' binned distributions.
 * Bound: H is a metric and H² ≤ TV, so |Ĥ − H| ≤ √TVr + √TVc (`totalVariationError`).
 *
 * @example
 * const r = new KllSketch(); for (let i = 1; i <= 100; i++) r.update(i); hellingerFromSketches(r, r).statistic; // 0
 */
export function hellingerFromSketches(
  reference: KllSketch,
  current: KllSketch,
  { bins = 10 }: SketchBinsOptions = {},
): SketchDistanceResult {
  const b = binned('hellingerFromSketches', reference, current, bins);
  const [tr, tc] = b.totalVariationError;
  return {
    statistic: hellingerDistance(b.referenceCounts, b.currentCounts),
    errorBound: Math.sqrt(tr) + Math.sqrt(tc),
    bins: b,
  };
}
