/**
 * Input handling shared by the distances: two non-negative weight vectors (counts or
 * probabilities) of equal length, each scaled to sum 1 the way SciPy's `jensenshannon` and
 * `entropy` do (`p / np.sum(p)`), and Evidently's smoothing of empty bins.
 */
import { TendInputError } from '../errors.js';
import { checkSameLength, type NumericInput, toSample } from '../validate.js';

/**
 * Check one weight vector and return it scaled to sum 1.
 *
 * @example
 * toProportions('psi', 'reference', [1, 3]); // Float64Array [0.25, 0.75]
 */
export function toProportions(fn: string, name: string, x: NumericInput): Float64Array {
  const p = toSample(fn, name, x);
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0) {
      throw new TendInputError(fn, name, 'out_of_range', `[${i}] is ${p[i]}; weights must be ≥ 0`);
    }
    total += p[i];
  }
  if (total === 0) {
    throw new TendInputError(
      fn,
      name,
      'out_of_range',
      'sums to 0; at least one weight must be > 0',
    );
  }
  if (!Number.isFinite(total)) {
    throw new TendInputError(fn, name, 'out_of_range', 'sums to infinity; weights are too large');
  }
  for (let i = 0; i < p.length; i++) p[i] /= total;
  return p;
}

/**
 * Check two weight vectors of equal length and return both scaled to sum 1.
 *
 * @example
 * toProportionPair('hellingerDistance', [1, 1], [0, 2]); // [[0.5, 0.5], [0, 1]]
 */
export function toProportionPair(
  fn: string,
  p: NumericInput,
  q: NumericInput,
  names: readonly [string, string] = ['p', 'q'],
): [Float64Array, Float64Array] {
  const a = toProportions(fn, names[0], p);
  const b = toProportions(fn, names[1], q);
  checkSameLength(fn, names[0], a, names[1], b);
  return [a, b];
}

/**
 * Replace the zero proportions of `p` in place, as Evidently's `get_binned_data` does
 * (`feel_zeroes=True`): by `epsilon`, unless the smallest non-zero proportion is itself
 * ≤ `epsilon`, in which case by that smallest proportion / 10⁶ (so that a filled bin never
 * outweighs an observed one). The result is not re-normalised. No-op when `epsilon` is 0.
 *
 * @example
 * fillZeros(Float64Array.of(0, 0.5, 0.5), 0.0001); // [0.0001, 0.5, 0.5]
 */
export function fillZeros(p: Float64Array, epsilon: number): Float64Array {
  if (epsilon === 0) return p;
  let minPositive = Number.POSITIVE_INFINITY;
  let zeros = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (v === 0) zeros++;
    else if (v < minPositive) minPositive = v;
  }
  if (zeros === 0) return p;
  const fill = minPositive <= epsilon ? minPositive / 10 ** 6 : epsilon;
  for (let i = 0; i < p.length; i++) if (p[i] === 0) p[i] = fill;
  return p;
}

/**
 * Throw unless `base` can be the base of a logarithm: finite, > 0 and ≠ 1.
 *
 * @example
 * checkLogBase('klDivergence', 2); // passes
 */
export function checkLogBase(fn: string, base: number): void {
  if (typeof base === 'number' && Number.isFinite(base) && base > 0 && base !== 1) return;
  throw new TendInputError(
    fn,
    'base',
    'invalid_option',
    `is ${String(base)}; the base of a logarithm must be a finite number > 0 and ≠ 1`,
  );
}
