import { describe, expect, it } from 'vitest';
import { ReadError } from './read-error.js';

describe('ReadError', () => {
  it('names file, line and column in its message and fields', () => {
    const e = new ReadError('current.csv', 'ragged_row', 'row has 5 fields, the header has 6', {
      line: 17,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ReadError');
    expect(e.message).toBe('current.csv:17: row has 5 fields, the header has 6');
    expect([e.file, e.code, e.line, e.column]).toEqual([
      'current.csv',
      'ragged_row',
      17,
      undefined,
    ]);
    const f = new ReadError('a.parquet', 'unsupported_type', 'column "x" is nested', {
      column: 'x',
    });
    expect(f.message).toBe('a.parquet: column "x" is nested');
    expect(f.column).toBe('x');
  });
});
