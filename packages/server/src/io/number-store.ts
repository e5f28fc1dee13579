/**
 * The numbers of one column as they are read, in half the memory when they allow it.
 *
 * Most numerical columns in files are decimals of a few places: prices, ages, measurements
 * to three places. Such a value is an integer over a power of ten, and when every value of the
 * column is one with the same power (after scaling the ones with fewer places) and the
 * integers fit in 32 bits, the column is kept as those integers: 4 bytes a value instead of 8,
 * which is what lets `tend report` hold two files of a million rows at a third of what pandas
 * needs. A value that does not fit turns the column into plain doubles, so nothing is ever
 * rounded: each integer over its power of ten gives back exactly the double that was read
 * (IEEE division rounds the exact quotient once, and the double read is that rounding).
 */
import { GrowableFloat64Array, GrowableInt32Array } from './growable-array.js';

/** The integer that stands for a missing value among scaled integers. */
export const MISSING_INT = -0x80000000;
const INT_MAX = 0x7fffffff;
/** Places tried at most: 10^9 × 2^31 stays far inside a double's exact integers. */
const MAX_PLACES = 9;
/**
 * 10^0 … 10^15, each exact: the powers of the places kept (up to MAX_PLACES), and those a
 * decimal of up to 15 digits is divided by, which the division rounds correctly.
 */
const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** A column of decimals as integers: value i is `ints[i] / 10 ** places` (MISSING_INT: missing). */
export interface ScaledNumbers {
  ints: Int32Array;
  places: number;
}

/** The integer for `x` at `power`, or NaN when `x` is not such an integer over it. */
function scaledInt(x: number, power: number): number {
  const k = Math.round(x * power);
  if (k / power !== x || k > INT_MAX || k < -INT_MAX) return Number.NaN;
  // −0 would come back as +0: keep it as a double.
  if (k === 0 && 1 / x < 0) return Number.NaN;
  return k;
}

/**
 * Numbers pushed one by one, kept as scaled integers while they allow it (`compact`), as
 * doubles otherwise.
 *
 * @example
 * const s = new NumberStore(true); s.push(1.25); s.push(3); s.finish(); // { scaled: { ints: Int32Array [125, 300], places: 2 } }
 */
export class NumberStore {
  private ints: GrowableInt32Array | null;
  private floats: GrowableFloat64Array | null;
  private places = 0;
  private power = 1;

  constructor(compact: boolean) {
    this.ints = compact ? new GrowableInt32Array() : null;
    this.floats = compact ? null : new GrowableFloat64Array();
  }

  /** Values pushed so far. */
  get length(): number {
    return this.ints !== null ? this.ints.length : (this.floats as GrowableFloat64Array).length;
  }

  /** Make room for `capacity` values in all. */
  reserve(capacity: number): void {
    this.ints?.reserve(capacity);
    this.floats?.reserve(capacity);
  }

  /** Append a value; NaN is missing. */
  push(x: number): void {
    const ints = this.ints;
    if (ints !== null) {
      if (Number.isNaN(x)) {
        ints.push(MISSING_INT);
        return;
      }
      const k = scaledInt(x, this.power);
      if (!Number.isNaN(k)) {
        ints.push(k);
        return;
      }
      if (this.widen(x)) {
        ints.push(scaledInt(x, this.power));
        return;
      }
      this.toFloats();
    }
    (this.floats as GrowableFloat64Array).push(x);
  }

  /**
   * Append the plain decimal `digits` (a signed integer, −0 for "-0") over 10^`places`
   * (at most 15), as the reader split it: kept as its integer with no multiplication back
   * and forth when the column is compact and it fits, else as its double.
   */
  pushDecimal(digits: number, places: number): void {
    const ints = this.ints;
    if (ints !== null && places <= this.places) {
      const k = digits * POWERS[this.places - places];
      // An integer inside 32 bits is exact; −0 goes the general way (kept as a double).
      if (k <= INT_MAX && k >= -INT_MAX && (k !== 0 || 1 / digits > 0)) {
        ints.push(k);
        return;
      }
    }
    // The correctly rounded quotient: the double the decimal's text stands for.
    this.push(places === 0 ? digits : digits / POWERS[places]);
  }

  /** The value at `index` (NaN when missing). */
  get(index: number): number {
    if (this.ints === null) return (this.floats as GrowableFloat64Array).get(index);
    return doubleOf(this.ints.get(index), this.power);
  }

  /** The values: scaled integers when every one allowed it, doubles otherwise. */
  finish(): { values: Float64Array } | { scaled: ScaledNumbers } {
    if (this.ints !== null) return { scaled: { ints: this.ints.toArray(), places: this.places } };
    return { values: (this.floats as GrowableFloat64Array).toArray() };
  }

  /**
   * Take more places so that `x` fits, multiplying the integers so far, when some number of
   * places up to MAX_PLACES holds `x` and keeps every integer inside 32 bits.
   */
  private widen(x: number): boolean {
    let places = this.places + 1;
    while (places <= MAX_PLACES && Number.isNaN(scaledInt(x, POWERS[places]))) places++;
    if (places > MAX_PLACES) return false;
    const ints = this.ints as GrowableInt32Array;
    const factor = POWERS[places - this.places];
    const limit = INT_MAX / factor;
    for (let i = 0; i < ints.length; i++) {
      const k = ints.get(i);
      if (k !== MISSING_INT && (k > limit || k < -limit)) return false;
    }
    for (let i = 0; i < ints.length; i++) {
      const k = ints.get(i);
      if (k !== MISSING_INT) ints.set(i, k * factor);
    }
    this.places = places;
    this.power = POWERS[places];
    return true;
  }

  /** Turn the integers so far into the doubles they stand for, and keep doubles from now on. */
  private toFloats(): void {
    const ints = this.ints as GrowableInt32Array;
    const floats = new GrowableFloat64Array();
    floats.reserve(ints.capacity);
    for (let i = 0; i < ints.length; i++) floats.push(doubleOf(ints.get(i), this.power));
    this.ints = null;
    this.floats = floats;
  }
}

/**
 * The double scaled integer `index` stands for (NaN where missing).
 *
 * @example
 * scaledValue({ ints: Int32Array.of(125, -0x80000000), places: 2 }, 0); // 1.25
 */
export function scaledValue(scaled: ScaledNumbers, index: number): number {
  return doubleOf(scaled.ints[index], POWERS[scaled.places]);
}

/** The double scaled integer `k` stands for at `power` (NaN for the missing marker). */
function doubleOf(k: number, power: number): number {
  return k === MISSING_INT ? Number.NaN : k / power;
}

/**
 * The doubles scaled integers stand for (NaN where missing).
 *
 * @example
 * scaledToFloats({ ints: Int32Array.of(125, -0x80000000), places: 2 }); // Float64Array [1.25, NaN]
 */
export function scaledToFloats(scaled: ScaledNumbers): Float64Array {
  const out = new Float64Array(scaled.ints.length);
  for (let i = 0; i < out.length; i++) out[i] = scaledValue(scaled, i);
  return out;
}
