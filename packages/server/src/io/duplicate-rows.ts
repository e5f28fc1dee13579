/**
 * Counts rows that repeat an earlier row exactly, from the finished columns.
 *
 * Two rows are equal when every column holds the same stored value: the same number (0 and
 * −0 equal; missing and invalid cells, both NaN, equal each other), the same datetime, or the
 * same category (missing equals missing). So `1.0` and `1` in a numerical column are equal.
 *
 * Each row gets a 32-bit hash (murmur3-style, over its cells column by column, which keeps the
 * pass cache-friendly) and goes into an open-addressing table of row numbers; a row whose hash
 * meets an earlier row's is compared with it cell by cell. The count is exact: a hash only
 * decides which rows are compared.
 */
import type { Column } from './frame.js';
import type { ScaledNumbers } from './number-store.js';

/** One murmur3 mixing round of word `w` into hash `h`. */
function mix(h: number, w: number, c1: number, c2: number): number {
  let k = Math.imul(w, c1);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, c2);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser: spreads every input bit over the 32 output bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Whether rows `a` and `b` hold the same stored value in every column. */
function sameRow(columns: readonly Column[], a: number, b: number): boolean {
  for (const column of columns) {
    if (column.kind === 'categorical') {
      if (column.codes[a] !== column.codes[b]) return false;
    } else if (column.values === undefined) {
      // Scaled integers: equal integers, equal values (MISSING_INT for every missing one).
      const ints = (column.scaled as ScaledNumbers).ints;
      if (ints[a] !== ints[b]) return false;
    } else {
      const x = column.values[a];
      const y = column.values[b];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
  }
  return true;
}

/** Each row's hash over every column, equal for rows {@link sameRow} calls equal. */
function rowHashes(columns: readonly Column[], rowCount: number): Int32Array {
  const h = new Int32Array(rowCount).fill(0x9747b28c);
  for (const column of columns) {
    if (column.kind === 'categorical' || column.values === undefined) {
      // Category codes, or scaled integers (`NumberStore`): one word per cell.
      const words =
        column.kind === 'categorical' ? column.codes : (column.scaled as ScaledNumbers).ints;
      for (let i = 0; i < rowCount; i++) h[i] = mix(h[i], words[i], 0xcc9e2d51, 0x1b873593);
    } else {
      const values = column.values;
      // The two 32-bit halves of each double, read in place.
      const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
      for (let i = 0; i < rowCount; i++) {
        const v = values[i];
        // One pattern for all NaNs and for ±0, so equal stored values hash alike.
        let lo = words[2 * i];
        let hi = words[2 * i + 1];
        if (Number.isNaN(v)) {
          lo = 0;
          hi = 0x7ff80000;
        } else if (v === 0) {
          lo = 0;
          hi = 0;
        }
        h[i] = mix(mix(h[i], lo, 0xcc9e2d51, 0x1b873593), hi, 0xcc9e2d51, 0x1b873593);
      }
    }
  }
  return h;
}

/**
 * How many rows repeat an earlier row exactly (see the file's comment for equality).
 *
 * @example
 * countDuplicateRows([{ name: 'a', kind: 'numerical', values: Float64Array.of(1, 1, 2), missing: 0, invalid: 0 }], 3); // 1
 */
export function countDuplicateRows(columns: readonly Column[], rowCount: number): number {
  if (rowCount < 2 || columns.length === 0) return 0;
  const h = rowHashes(columns, rowCount);
  // A table of at least twice as many slots as rows keeps the probe sequences short.
  let size = 1;
  while (size < 2 * rowCount) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  let duplicates = 0;
  for (let i = 0; i < rowCount; i++) {
    const hash = h[i];
    let slot = fmix(hash) & mask;
    for (;;) {
      const j = table[slot];
      if (j === -1) {
        table[slot] = i;
        break;
      }
      if (h[j] === hash && sameRow(columns, i, j)) {
        duplicates++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicates;
}
