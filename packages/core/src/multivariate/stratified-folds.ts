/** Seeded stratified k-fold assignment. */
import type { Rng } from '../random/xoshiro128.js';

/**
 * A fold number in [0, k) for each row, so that every fold holds each class in (nearly) the
 * same proportion: the rows of each class are shuffled (Fisher–Yates with `rng`) and dealt
 * to the folds in turn. Fold sizes per class differ by at most one. Not sklearn's
 * `StratifiedKFold` assignment, which no other language reproduces; the same seed gives the
 * same folds on every platform. Each class needs at least k rows (the caller checks).
 *
 * @example
 * stratifiedFolds(Uint8Array.of(0, 0, 1, 1), 2, createRng(0)); // each fold: one 0, one 1
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, rng: Rng): Uint32Array {
  const folds = new Uint32Array(labels.length);
  const classes = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  for (const c of classes) {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === c) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    for (let r = 0; r < idx.length; r++) folds[idx[r]] = r % k;
  }
  return folds;
}

/**
 * `size` distinct indices of [0, n), drawn without replacement with `rng` (a partial
 * Fisher–Yates shuffle) and returned ascending, so rows keep their order.
 *
 * @example
 * sampleIndices(10, 3, createRng(0)); // three distinct indices, ascending
 */
export function sampleIndices(n: number, size: number, rng: Rng): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + rng.nextInt(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, size).sort();
}
