/**
 * Typed arrays that grow as rows arrive, so a column of a million numbers is one block of
 * 8 MB rather than a million JavaScript values. Capacity doubles when full (amortised O(1) per
 * push), or is reserved up front when the reader can estimate the rows; `toArray()` hands the
 * block over as it is when at most an eighth of it is spare, and copies to the exact length
 * otherwise, so a column never costs much more than its values.
 */

const INITIAL_CAPACITY = 1024;

/** A typed array either class grows. */
type Block = Float64Array | Int32Array;

/**
 * `data` moved into a block of `capacity` values, its first `length` kept. The rare steps of
 * both classes share these helpers; each class keeps its own `push`, so that the hot loop
 * reads and writes one kind of array only.
 */
function grown<T extends Block>(data: T, length: number, capacity: number): T {
  const next = new (data.constructor as new (n: number) => T)(capacity);
  next.set(data.subarray(0, length));
  return next;
}

/** The first `length` values of `data`: the block itself when little of it is spare. */
function trimmed<T extends Block>(data: T, length: number): T {
  const spare = data.length - length;
  return (spare * 8 <= data.length ? data.subarray(0, length) : data.slice(0, length)) as T;
}

/**
 * A growable Float64Array.
 *
 * @example
 * const a = new GrowableFloat64Array(); a.push(1.5); a.toArray(); // Float64Array [1.5]
 */
export class GrowableFloat64Array {
  private data = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  /** Append one value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      this.data = grown(this.data, this.length, this.length * 2);
    }
    this.data[this.length++] = value;
  }

  /** The value at `index` (no bounds check beyond the typed array's). */
  get(index: number): number {
    return this.data[index];
  }

  /** Make room for `capacity` values in all, so pushes up to it never copy. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = grown(this.data, this.length, capacity);
  }

  /** The pushed values (see the file's comment); the array must not be pushed to afterwards. */
  toArray(): Float64Array {
    const out = trimmed(this.data, this.length);
    this.data = new Float64Array(0);
    this.length = 0;
    return out;
  }
}

/**
 * A growable Int32Array.
 *
 * @example
 * const a = new GrowableInt32Array(); a.push(-1); a.toArray(); // Int32Array [-1]
 */
export class GrowableInt32Array {
  private data = new Int32Array(INITIAL_CAPACITY);
  length = 0;

  /** Append one value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      this.data = grown(this.data, this.length, this.length * 2);
    }
    this.data[this.length++] = value;
  }

  /** The value at `index` (no bounds check beyond the typed array's). */
  get(index: number): number {
    return this.data[index];
  }

  /** Replace the value at `index` (< length). */
  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** Values it holds room for. */
  get capacity(): number {
    return this.data.length;
  }

  /** Make room for `capacity` values in all, so pushes up to it never copy. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = grown(this.data, this.length, capacity);
  }

  /** The pushed values (see the file's comment); the array must not be pushed to afterwards. */
  toArray(): Int32Array {
    const out = trimmed(this.data, this.length);
    this.data = new Int32Array(0);
    this.length = 0;
    return out;
  }
}
