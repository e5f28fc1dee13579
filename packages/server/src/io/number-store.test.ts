import { describe, expect, it } from 'vitest';
import { csv, tempDir } from '../../test/support/temp-files.js';
import { type NumericColumn, numbersOf } from './frame.js';
import { MISSING_INT, NumberStore, scaledToFloats } from './number-store.js';
import { readFrame } from './read-frame.js';

function stored(values: number[]) {
  const s = new NumberStore(true);
  for (const v of values) s.push(v);
  const got = values.map((_, i) => s.get(i));
  return { out: s.finish(), got };
}

/** Bit-for-bit: −0 and +0 differ, NaN equals NaN. */
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('NumberStore', () => {
  it('keeps decimals as integers over one power of ten, widening as places arrive', () => {
    const values = [1.5, 2, Number.NaN, -0.25, 12.125, 7];
    const { out, got } = stored(values);
    expect(out).toEqual({
      scaled: { ints: Int32Array.of(1500, 2000, MISSING_INT, -250, 12125, 7000), places: 3 },
    });
    expect(same(got, values)).toBe(true);
    if ('scaled' in out) expect(same(scaledToFloats(out.scaled), values)).toBe(true);
  });

  it('turns to doubles, losing nothing, when a value does not fit', () => {
    for (const odd of [0.1 + 0.2, 3e9, -0, 1e-10, 2 ** 40]) {
      const values = [1.25, Number.NaN, 3, odd, 4.5];
      const { out, got } = stored(values);
      expect('values' in out, String(odd)).toBe(true);
      if ('values' in out) expect(same(out.values, values), String(odd)).toBe(true);
      expect(same(got, values)).toBe(true);
    }
    // Widening that would push an earlier integer past 32 bits.
    const values = [3000000, 0.001];
    const { out } = stored(values);
    expect('values' in out && same(out.values, values)).toBe(true);
  });

  it('stores a decimal given as digits and places as push stores its value', () => {
    const cells = ['1.5', '-0.25', '12.125', '7', '-0', '0.000000001', '2147483.647', '3000000000'];
    const a = new NumberStore(true);
    const b = new NumberStore(true);
    for (const cell of cells) {
      const x = Number(cell);
      const dot = cell.indexOf('.');
      const places = dot < 0 ? 0 : cell.length - dot - 1;
      a.pushDecimal(Number(cell.replace('.', '')), places);
      b.push(x);
    }
    const got = a.finish();
    expect(got).toEqual(b.finish());
    expect('values' in got && same(got.values, cells.map(Number))).toBe(true);
  });

  it('keeps doubles from the start when not compact', () => {
    const s = new NumberStore(false);
    s.push(1.5);
    expect(s.finish()).toEqual({ values: Float64Array.of(1.5) });
  });
});

describe('readFrame with compact', () => {
  const tmp = tempDir();
  it('gives the same numbers as reading without it, scaled where they allow', async () => {
    // Rows 0, 50, 100, … have a quoted field, so they take the record path, the rest the direct one.
    const rows = Array.from({ length: 300 }, (_, i) => [
      (i * 0.37).toFixed(i % 4),
      i % 7 === 0 ? '' : String(i - 150),
      i === 5 ? '-0' : (i / 3).toString(),
      `${(i * 1e8).toExponential()}`,
      i % 50 === 0 ? '"a, quoted"' : 'plain',
    ]);
    const file = tmp.write('c.csv', csv(['a', 'b', 'c', 'd', 'e'], rows));
    const plain = await readFrame(file, {});
    const compact = await readFrame(file, { compact: true });
    expect(compact.duplicateRows).toBe(plain.duplicateRows);
    expect(numbersOf(compact.columns[0] as NumericColumn)[50]).toBe(18.5);
    compact.columns.slice(0, 4).forEach((c, k) => {
      const p = plain.columns[k] as NumericColumn;
      expect(same(numbersOf(c as NumericColumn), p.values as Float64Array), c.name).toBe(true);
    });
    const kinds = compact.columns.slice(0, 4).map((c) => ('scaled' in c ? 'scaled' : 'doubles'));
    expect(kinds).toEqual(['scaled', 'scaled', 'doubles', 'doubles']);
    tmp.remove();
  });
});
