/**
 * Typed arrays that grow as rows arrive, so a column of a million numbers is one block of
 * 8 MB rather than a million JavaScript values. Capacity doubles when full (amortised O(1) per
 * push); `toArray()` copies to the exact length so the spare capacity is freed.
 */

const INITIAL_CAPACITY = 1024;

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
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The value at `index` (no bounds check beyond the typed array's). */
  get(index: number): number {
    return this.data[index];
  }

  /** A copy holding exactly the pushed values. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
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
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** A copy holding exactly the pushed values. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
