/**
 * Categorical columns: counting the values of a sample and aligning two samples' counts over
 * the union of their categories, the input of every categorical test and distance.
 */
import { TendInputError } from '../errors.js';

/** A value of a categorical column. `1` and `'1'` are different categories. */
export type Category = string | number | boolean;

/** A categorical sample: its raw values, or counts by category. */
export type CategoricalInput = ArrayLike<Category> | Map<Category, number>;

function checkCategory(fn: string, name: string, where: string, v: unknown): void {
  const t = typeof v;
  if (t === 'string' || t === 'boolean' || (t === 'number' && !Number.isNaN(v))) return;
  if (v === null || v === undefined || Number.isNaN(v)) {
    throw new TendInputError(
      fn,
      name,
      'not_finite',
      `${where} is ${String(v)}; missing values must be counted separately, not as a category`,
    );
  }
  throw new TendInputError(
    fn,
    name,
    'invalid_type',
    `${where} is ${t}; a category must be a string, number or boolean`,
  );
}

function countValues(fn: string, name: string, values: ArrayLike<Category>): Map<Category, number> {
  if (values == null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TendInputError(fn, name, 'invalid_type', 'must be an array of categories or a Map');
  }
  const counts = new Map<Category, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const c = counts.get(v);
    if (c !== undefined) {
      counts.set(v, c + 1);
    } else {
      checkCategory(fn, name, `[${i}]`, v);
      counts.set(v, 1);
    }
  }
  return counts;
}

/**
 * Count how often each category occurs, in first-seen order. null, undefined and NaN are
 * refused (naming the index): missing values are counted separately, never silently.
 *
 * @example
 * countCategories(['a', 'b', 'a']); // Map { 'a' => 2, 'b' => 1 }
 */
export function countCategories(values: ArrayLike<Category>): Map<Category, number> {
  return countValues('countCategories', 'values', values);
}

function toCounts(fn: string, name: string, x: CategoricalInput): Map<Category, number> {
  let counts: Map<Category, number>;
  let total = 0;
  if (x instanceof Map) {
    for (const [k, v] of x) {
      checkCategory(fn, name, `key ${String(k)}`, k);
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) {
        throw new TendInputError(
          fn,
          name,
          'out_of_range',
          `count of ${JSON.stringify(k)} is ${String(v)}; counts must be finite numbers ≥ 0`,
        );
      }
      total += v;
    }
    counts = x;
  } else {
    counts = countValues(fn, name, x);
    total = x.length;
  }
  if (total === 0) {
    throw new TendInputError(fn, name, 'empty', 'must hold at least one value');
  }
  return counts;
}

/** Counts of two categorical samples over the union of their categories. */
export interface AlignedCounts {
  /** The reference's categories in first-seen order, then the current's new ones. */
  categories: Category[];
  /** The reference's count of each category (0 where absent). */
  reference: Float64Array;
  /** The current's count of each category (0 where absent). */
  current: Float64Array;
}

/**
 * Count two categorical samples (raw values or counts by category) over the union of their
 * categories, in a stable order: the reference's categories first-seen first, then the
 * categories new in the current sample. Each sample must hold at least one value.
 *
 * @example
 * alignCounts(['a', 'b', 'a'], ['b', 'c']);
 * // { categories: ['a', 'b', 'c'], reference: [2, 1, 0], current: [0, 1, 1] }
 */
export function alignCounts(
  reference: CategoricalInput,
  current: CategoricalInput,
  fn = 'alignCounts',
): AlignedCounts {
  const ref = toCounts(fn, 'reference', reference);
  const cur = toCounts(fn, 'current', current);
  const categories = [...ref.keys()];
  for (const k of cur.keys()) if (!ref.has(k)) categories.push(k);
  const r = new Float64Array(categories.length);
  const c = new Float64Array(categories.length);
  for (let i = 0; i < categories.length; i++) {
    r[i] = ref.get(categories[i]) ?? 0;
    c[i] = cur.get(categories[i]) ?? 0;
  }
  return { categories, reference: r, current: c };
}
