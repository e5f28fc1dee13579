/** Helpers for the readers' tests: a column's values as plain arrays, and the error a read throws. */
import type { CategoricalColumn, Frame, NumericColumn } from '../../src/io/frame.js';
import { columnOf, numbersOf } from '../../src/io/frame.js';
import { ReadError } from '../../src/io/read-error.js';

/** A numerical column's values as a plain array (NaN where missing). */
export function values(frame: Frame, name: string): number[] {
  return Array.from(numbersOf(columnOf(frame, name) as NumericColumn));
}

/** A categorical column's values as text, null where missing. */
export function texts(frame: Frame, name: string): (string | null)[] {
  const c = columnOf(frame, name) as CategoricalColumn;
  return Array.from(c.codes, (k) => (k === -1 ? null : c.dictionary[k]));
}

/** The ReadError that `read()` rejects with; fails the test if it resolves or throws another. */
export async function readErrorOf(read: () => Promise<unknown>): Promise<ReadError> {
  try {
    await read();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}
