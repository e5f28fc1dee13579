/**
 * Counts rows that repeat an earlier row exactly, from the finished columns.
 *
 * Two rows are equal when every column holds the same stored value: the same number (0 and
 * −0 equal; missing and invalid cells, both NaN, equal each other), the same datetime, or the
 * same category (missing equals missing). So `1.0` and `1` in a numerical column are equal.
 *
 * Each row gets a 53-bit hash (two independent 32-bit murmur3-style hashes over its cells,
 * column by column, which keeps the pass cache-friendly); duplicates are rows minus distinct
 * hashes, found by sorting the hashes. Rows are not compared cell by cell, so two different
 * rows may share a hash: the expected number of such false duplicates is about n²/2⁵⁴ —
 * 5.6·10⁻⁵ for a million rows, 0.006 for ten million.
 */
import type { Column } from './frame.js';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

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

/**
 * How many rows repeat an earlier row exactly (see the file's comment for equality and the
 * collision probability).
 *
 * @example
 * countDuplicateRows([{ name: 'a', kind: 'numerical', values: Float64Array.of(1, 1, 2), missing: 0, invalid: 0 }], 3); // 1
 */
export function countDuplicateRows(columns: readonly Column[], rowCount: number): number {
  if (rowCount < 2 || columns.length === 0) return 0;
  const h1 = new Int32Array(rowCount).fill(0x9747b28c);
  const h2 = new Int32Array(rowCount).fill(0x1b873593);
  for (const column of columns) {
    if (column.kind === 'categorical') {
      const codes = column.codes;
      for (let i = 0; i < rowCount; i++) {
        h1[i] = mix(h1[i], codes[i], 0xcc9e2d51, 0x1b873593);
        h2[i] = mix(h2[i], codes[i], 0x239b961b, 0xab0e9789);
      }
    } else {
      const values = column.values;
      for (let i = 0; i < rowCount; i++) {
        const v = values[i];
        // One bit pattern for all NaNs and for ±0, so equal stored values hash alike.
        bits[0] = Number.isNaN(v) ? Number.NaN : v + 0;
        h1[i] = mix(mix(h1[i], words[0], 0xcc9e2d51, 0x1b873593), words[1], 0xcc9e2d51, 0x1b873593);
        h2[i] = mix(mix(h2[i], words[0], 0x239b961b, 0xab0e9789), words[1], 0x239b961b, 0xab0e9789);
      }
    }
  }
  // 32 bits of one hash and 21 of the other make an exact integer key below 2^53.
  const keys = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) keys[i] = fmix(h1[i]) * 2097152 + (fmix(h2[i]) >>> 11);
  keys.sort();
  let duplicates = 0;
  for (let i = 1; i < rowCount; i++) if (keys[i] === keys[i - 1]) duplicates++;
  return duplicates;
}
