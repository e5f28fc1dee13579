import { describe, expect, it } from 'vitest';
import { TendInputError } from '../errors.js';
import { checkColumns, takeRows, toMatrix } from './matrix.js';

describe('toMatrix', () => {
  it('reads rows and columns into the same row-major table', () => {
    expect(
      Array.from(
        toMatrix('f', 'x', [
          [1, 2],
          [3, 4],
        ]).data,
      ),
    ).toEqual([1, 2, 3, 4]);
    const byCols = toMatrix('f', 'x', { columns: [Float64Array.of(1, 3), [2, 4]] });
    expect(byCols).toEqual({ rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4) });
    expect(Array.from(toMatrix('f', 'x', [Float64Array.of(5, 6)]).data)).toEqual([5, 6]);
  });

  it('names the row and column of a missing or bad value', () => {
    expect(() =>
      toMatrix('f', 'x', [
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow('f: x row 1, column 1 is NaN; values must be finite (impute missing values first)');
    expect(() =>
      toMatrix('f', 'x', {
        columns: [
          [1, 2],
          [3, Number.POSITIVE_INFINITY],
        ],
      }),
    ).toThrow('f: x row 1, column 1 is Infinity');
    expect(() => toMatrix('f', 'x', [[1, '2' as unknown as number]])).toThrow(
      'f: x row 0, column 1 is string, not a number',
    );
  });

  it('refuses ragged, empty and non-table inputs', () => {
    const bad: unknown[] = [
      [[1, 2], [3]],
      [],
      [[]],
      'abc',
      null,
      [1, 2],
      { columns: [[1], [2, 3]] },
    ];
    for (const x of bad) {
      expect(() => toMatrix('f', 'x', x as number[][])).toThrow(TendInputError);
    }
    expect(() => toMatrix('f', 'x', [1, 2] as unknown as number[][])).toThrow(
      'f: x must be an array of rows (each an array of numbers) or { columns }; [0] is number',
    );
    expect(() => toMatrix('f', 'x', [[1]], 2)).toThrow('must hold at least 2 rows, got 1');
    expect(() => toMatrix('f', 'x', [[1], [2, 3]])).toThrow('row 1 has 2 values but row 0 has 1');
  });

  it('checks widths and takes rows', () => {
    const m = toMatrix('f', 'x', [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => checkColumns('f', 'x', m, 3)).toThrow(
      'has 2 columns but the model was fitted on 3',
    );
    expect(Array.from(takeRows(m, [2, 0]).data)).toEqual([5, 6, 1, 2]);
  });
});
