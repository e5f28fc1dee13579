/**
 * Mergeable sketches: summaries of a stream that many workers build apart and merge into one,
 * each with `update`, `merge(other)` (same parameters, else TendInputError), `toBytes()` /
 * `static fromBytes(bytes)` (little-endian; byte 0 a kind tag, byte 1 a format version; wrong
 * tag, version or length refused) and `toJSON()`, and a documented, tested error bound.
 *
 * - `KllSketch`: quantiles, ranks and CDFs within ε ≈ 2.296/k^0.9723 (99 %), Karnin–Lang–Liberty.
 * - `HyperLogLog`: distinct counts, relative standard error 1.04/√(2^p), 64-bit MurmurHash3.
 * - `FrequentItems`: heavy hitters with certain bounds, Misra–Gries, Agarwal et al.'s merge.
 * - `Moments`: count, mean, variance, skew, kurtosis, min, max, sum; exact up to rounding.
 * - `ColumnCounts`: missing values and value types of a column; exact.
 * - `ksFromSketches`, `binnedFromSketches`, `psiFromSketches`, `jensenShannonFromSketches`,
 *   `hellingerFromSketches`: drift statistics from two KLL sketches, with error bounds.
 */
export { SketchTag } from './bytes.js';
export { ColumnCounts, type ColumnCountsSummary } from './column-counts.js';
export {
  type FrequentItem,
  type FrequentItemRow,
  FrequentItems,
  type FrequentItemsOptions,
} from './frequent-items.js';
export { type HllValue, HyperLogLog, type HyperLogLogOptions, hllHash } from './hyper-log-log.js';
export { KllSketch, type KllSketchOptions } from './kll-sketch.js';
export { type KurtosisOptions, Moments, type SkewOptions } from './moments.js';
export { murmurHash3X86128 } from './murmur-hash3.js';
export {
  binnedFromSketches,
  hellingerFromSketches,
  jensenShannonFromSketches,
  ksFromSketches,
  psiFromSketches,
  type SketchBins,
  type SketchBinsOptions,
  type SketchDistanceResult,
  type SketchKsResult,
} from './sketch-drift.js';
