/**
 * Shared input checks. Each names the calling function and the argument in its error, the
 * way scikit-learn's `check_array` does, so every public function validates once at the top.
 */
import { ascending } from './arrays.js';
import { TendInputError } from './errors.js';

/**
 * Numbers as users hold them: a plain array or any typed array; or, for a sample read into
 * compact form, a {@link ScaledSortedSample}.
 */
export type NumericInput = ArrayLike<number> | ScaledSortedSample;

/** Options of {@link toSample}. */
export interface SampleCheck {
  /** Fewest values accepted (default 1). */
  minLength?: number;
  /** Accept NaN (default false): missing values must be explicit, never passed silently. */
  allowNaN?: boolean;
  /** Accept ±Infinity (default false). */
  allowInfinite?: boolean;
}

function checkLength(fn: string, name: string, length: number, minLength: number): void {
  if (length < minLength) {
    throw new TendInputError(
      fn,
      name,
      'empty',
      minLength === 1
        ? 'must hold at least one value'
        : `must hold at least ${minLength} values, got ${length}`,
    );
  }
}

/**
 * Copy `x` into a fresh Float64Array after checking its length and values.
 *
 * @example
 * toSample('ks2samp', 'reference', [1, 2, 3]); // Float64Array [1, 2, 3]
 */
export function toSample(
  fn: string,
  name: string,
  x: NumericInput,
  check: SampleCheck = {},
): Float64Array {
  if (x instanceof ScaledSortedSample) {
    checkLength(fn, name, x.length, check.minLength ?? 1);
    return x.values().slice();
  }
  if (x == null || typeof (x as ArrayLike<number>).length !== 'number' || typeof x === 'string') {
    throw new TendInputError(fn, name, 'invalid_type', 'must be an array of numbers');
  }
  checkLength(fn, name, x.length, check.minLength ?? 1);
  // A Float64Array copies as one block; anything else goes value by value.
  const out = x instanceof Float64Array ? x.slice() : Float64Array.from(x);
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (Number.isFinite(v)) continue;
    if (Number.isNaN(v)) {
      if (check.allowNaN) continue;
      if (typeof x[i] !== 'number' && x[i] !== undefined) {
        throw new TendInputError(
          fn,
          name,
          'invalid_type',
          `[${i}] is ${typeof x[i]}, not a number`,
        );
      }
      throw new TendInputError(
        fn,
        name,
        'not_finite',
        `[${i}] is NaN; missing values are not allowed here`,
      );
    }
    if (!check.allowInfinite) {
      throw new TendInputError(fn, name, 'not_finite', `[${i}] is ${v}; values must be finite`);
    }
  }
  return out;
}

/**
 * Throw unless two inputs have the same length.
 *
 * @example
 * checkSameLength('accuracyScore', 'yTrue', [1, 0], 'yPred', [1, 1]); // passes
 */
export function checkSameLength(
  fn: string,
  nameA: string,
  a: ArrayLike<unknown>,
  nameB: string,
  b: ArrayLike<unknown>,
): void {
  if (a.length !== b.length) {
    throw new TendInputError(
      fn,
      nameB,
      'length_mismatch',
      `has ${b.length} values but ${nameA} has ${a.length}; they must be the same length`,
    );
  }
}

/**
 * Throw unless every value of `x` lies in [0, 1].
 *
 * @example
 * checkProbabilities('logLoss', 'yProba', Float64Array.of(0.2, 0.9)); // passes
 */
export function checkProbabilities(fn: string, name: string, x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= 0 && v <= 1)) {
      throw new TendInputError(
        fn,
        name,
        'out_of_range',
        `[${i}] is ${v}; probabilities must lie in [0, 1]`,
      );
    }
  }
}

/**
 * Throw unless an option is a finite number within [min, max] (bounds inclusive unless
 * stated), naming the option.
 *
 * @example
 * checkNumberOption('psi', 'bins', 10, { min: 1, integer: true }); // passes
 */
export function checkNumberOption(
  fn: string,
  name: string,
  value: number,
  range: {
    min?: number;
    max?: number;
    exclusiveMin?: boolean;
    exclusiveMax?: boolean;
    integer?: boolean;
  } = {},
): void {
  const { min, max, exclusiveMin, exclusiveMax, integer } = range;
  const bad =
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    (min !== undefined && (exclusiveMin ? value <= min : value < min)) ||
    (max !== undefined && (exclusiveMax ? value >= max : value > max));
  if (!bad) return;
  const lo = min === undefined ? '(-∞' : `${exclusiveMin ? '(' : '['}${min}`;
  const hi = max === undefined ? '∞)' : `${max}${exclusiveMax ? ')' : ']'}`;
  throw new TendInputError(
    fn,
    name,
    'invalid_option',
    `is ${String(value)}; expected ${integer ? 'an integer' : 'a number'} in ${lo}, ${hi}`,
  );
}

/**
 * Throw unless an option is one of the allowed strings.
 *
 * @example
 * checkChoice('ks2samp', 'alternative', 'less', ['two-sided', 'less', 'greater']); // passes
 */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  value: string,
  allowed: readonly T[],
): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new TendInputError(
      fn,
      name,
      'invalid_option',
      `is ${JSON.stringify(value)}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
    );
  }
}

/** Arrays `checkedSorted` has checked: ascending, finite, and not to be changed since. */
const checkedSortedArrays = new WeakSet<Float64Array>();

/**
 * Check once that `values` are finite and ascending, and mark them so that every test taking
 * them reads them as they are, without its own copy, check and sort: a report that runs
 * several tests on a million sorted values saves a pass and a copy per test. The array must
 * not be changed afterwards. Throws as `toSample` does, or when the values are not ascending.
 *
 * @example
 * ks2samp(checkedSorted(refSorted), checkedSorted(curSorted)).pValue;
 */
export function checkedSorted(values: Float64Array): Float64Array {
  if (checkedSortedArrays.has(values)) return values;
  const fn = 'checkedSorted';
  const i = firstNotAscendingFinite(values);
  if (i >= 0) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      throw new TendInputError(fn, 'values', 'not_finite', `[${i}] is ${v}; values must be finite`);
    }
    throw new TendInputError(
      fn,
      'values',
      'invalid_state',
      `[${i}] is below [${i - 1}]; values must be ascending`,
    );
  }
  checkedSortedArrays.add(values);
  return values;
}

/**
 * The first index whose value is not finite or is below the one before, or −1. A loop of its
 * own: with the error paths beside it, V8 once optimised the loop ten times slower.
 */
function firstNotAscendingFinite(values: Float64Array): number {
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= previous) || !Number.isFinite(v)) return i;
    previous = v;
  }
  return -1;
}

/**
 * The doubles that ascending scaled integers stand for, `ints[i] / 10^places` from `start` on,
 * written into `out` (or a new array) and marked as {@link checkedSorted} marks: the integers
 * are checked ascending as they are divided, and a quotient of ascending integers by one power
 * of ten is ascending and finite, so no second pass is needed. Throws when an integer is below
 * the one before it.
 *
 * @example
 * ks2samp(sortedFromScaled(Int32Array.of(125, 250), 0, 2), other); // reads [1.25, 2.5] as they are
 */
export function sortedFromScaled(
  ints: Int32Array,
  start: number,
  places: number,
  out?: Float64Array,
): Float64Array {
  const n = ints.length - start;
  const values = out && out.length >= n ? out.subarray(0, n) : new Float64Array(n);
  const power = 10 ** places;
  let previous = n > 0 ? ints[start] : 0;
  let descending = false;
  for (let i = start; i < ints.length; i++) {
    const k = ints[i];
    descending ||= k < previous;
    previous = k;
    values[i - start] = k / power;
  }
  if (descending) {
    throw new TendInputError(
      'sortedFromScaled',
      'ints',
      'invalid_state',
      'are not ascending; sort them first',
    );
  }
  checkedSortedArrays.add(values);
  return values;
}

/**
 * `x` as an ascending sample for a test that only reads it: the array itself when
 * {@link checkedSorted} has checked it, else a checked, sorted copy (`toSample`).
 *
 * @example
 * toSortedSample('ks2samp', 'reference', [3, 1, 2]); // Float64Array [1, 2, 3]
 */
export function toSortedSample(
  fn: string,
  name: string,
  x: NumericInput,
  check: SampleCheck = {},
): Float64Array {
  if (
    x instanceof Float64Array &&
    checkedSortedArrays.has(x) &&
    x.length >= (check.minLength ?? 1)
  ) {
    return x;
  }
  if (x instanceof ScaledSortedSample) {
    checkLength(fn, name, x.length, check.minLength ?? 1);
    return x.values();
  }
  return ascending(toSample(fn, name, x, check));
}

/**
 * An ascending sample of decimals kept as scaled integers, the compact form a reader keeps a
 * column in: value i is `ints[start + i] / 10^places`. Every test takes it where it takes
 * numbers. `ks2samp` merges the integers themselves when both samples have the same
 * `places`, since distinct 32-bit integers divided by one power of ten are distinct doubles
 * in the same order. The other tests read the doubles it stands for (`values()`), written
 * into `scratch` when one is given. The integers must be ascending: whatever reads them all
 * checks that as it goes (the merge, `values()`), so a sample costs no pass of its own; `at`
 * reads one value unchecked.
 *
 * @example
 * ks2samp(new ScaledSortedSample(Int32Array.of(125, 250), 0, 2), [1, 2]).statistic; // 0.5
 */
export class ScaledSortedSample {
  readonly length: number;
  readonly power: number;

  constructor(
    readonly ints: Int32Array,
    readonly start: number,
    readonly places: number,
    private readonly scratch?: Float64Array,
  ) {
    checkNumberOption('ScaledSortedSample', 'start', start, {
      min: 0,
      max: ints.length,
      integer: true,
    });
    checkNumberOption('ScaledSortedSample', 'places', places, { min: 0, max: 9, integer: true });
    this.length = ints.length - start;
    this.power = 10 ** places;
  }

  /** The i-th smallest value. */
  at(i: number): number {
    return this.ints[this.start + i] / this.power;
  }

  /** The values as doubles, marked as `checkedSorted` marks (in `scratch` when given). */
  values(): Float64Array {
    return sortedFromScaled(this.ints, this.start, this.places, this.scratch);
  }
}
