import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from './column-builder.js';
import type { CategoricalColumn, Column, ColumnKind, NumericColumn } from './frame.js';

function build(cells: string[], kind?: ColumnKind): Column {
  const b = new ColumnBuilder('c', kind);
  for (const cell of cells) b.pushText(cell);
  return b.finish();
}

function numeric(column: Column): NumericColumn {
  if (column.kind === 'categorical') throw new Error(`expected numbers, got ${column.kind}`);
  return column;
}

function categorical(column: Column): CategoricalColumn {
  if (column.kind !== 'categorical') throw new Error(`expected categories, got ${column.kind}`);
  return column;
}

/** The cells of a categorical column back as text, null for missing. */
function texts(column: CategoricalColumn): (string | null)[] {
  return Array.from(column.codes, (c) => (c === -1 ? null : column.dictionary[c]));
}

describe('ColumnBuilder inference', () => {
  it('makes a numerical column of numbers, scientific notation and missing markers', () => {
    const c = numeric(build(['1', '-1.5e3', 'NA', '2.5E-1', '', 'NaN', 'None', ' 7 ']));
    expect(c.kind).toBe('numerical');
    expect(Array.from(c.values!)).toEqual([1, -1500, NaN, 0.25, NaN, NaN, NaN, 7]);
    expect(c.missing).toBe(4);
    expect(c.invalid).toBe(0);
  });

  it('makes a datetime column of ISO dates and datetimes', () => {
    const c = numeric(build(['2024-01-01', 'null', '2024-01-02T06:00:00Z']));
    expect(c.kind).toBe('datetime');
    expect(Array.from(c.values!)).toEqual([Date.UTC(2024, 0, 1), NaN, Date.UTC(2024, 0, 2, 6)]);
    expect(c.missing).toBe(1);
  });

  it('makes booleans categorical', () => {
    const c = categorical(build(['true', 'false', 'true']));
    expect(c.dictionary).toEqual(['true', 'false']);
    expect(Array.from(c.codes)).toEqual([0, 1, 0]);
  });

  it('turns a numerical column categorical at the first text, re-encoding numbers as String(number)', () => {
    const c = categorical(build(['1.50', '1e3', 'NA', '-0', 'abc', '1.5', '2']));
    expect(texts(c)).toEqual(['1.5', '1000', null, '0', 'abc', '1.5', '2']);
    expect(c.dictionary).toEqual(['1.5', '1000', '0', 'abc', '2']);
    expect(c.missing).toBe(1);
    expect(c.invalid).toBe(0);
  });

  it('turns a datetime column categorical at a number or text, re-encoding dates in ISO form', () => {
    const c = categorical(build(['2024-01-02', '', '5']));
    expect(texts(c)).toEqual(['2024-01-02T00:00:00.000Z', null, '5']);
    const d = categorical(build(['2024-01-02', 'soon']));
    expect(texts(d)).toEqual(['2024-01-02T00:00:00.000Z', 'soon']);
  });

  it('turns a number column categorical at a date, and reads inf as text', () => {
    expect(texts(categorical(build(['3', '2024-01-02'])))).toEqual(['3', '2024-01-02']);
    expect(texts(categorical(build(['3', 'inf'])))).toEqual(['3', 'inf']);
  });

  it('keeps text exactly in a categorical column and leading missing cells as missing', () => {
    const c = categorical(build(['', 'NA', ' Paris ', 'Paris', 'Paris']));
    expect(texts(c)).toEqual([null, null, ' Paris ', 'Paris', 'Paris']);
    expect(c.missing).toBe(2);
  });

  it('makes an all-missing column numerical, all NaN', () => {
    const c = numeric(build(['', 'NA', 'null']));
    expect(c.kind).toBe('numerical');
    expect(c.missing).toBe(3);
    expect(Array.from(c.values!).every(Number.isNaN)).toBe(true);
  });
});

describe('ColumnBuilder with a given kind', () => {
  it('stores cells that do not parse as missing and counts them invalid', () => {
    const c = numeric(build(['1', 'abc', 'NA', '2024-01-01', '3', 'inf'], 'numerical'));
    expect(c.kind).toBe('numerical');
    expect(Array.from(c.values!)).toEqual([1, NaN, NaN, NaN, 3, NaN]);
    expect(c.missing).toBe(1);
    expect(c.invalid).toBe(3);
  });

  it('parses datetimes and counts the rest invalid', () => {
    const c = numeric(build(['2024-01-01', '7', 'x', ''], 'datetime'));
    expect(c.kind).toBe('datetime');
    expect(Array.from(c.values!)).toEqual([Date.UTC(2024, 0, 1), NaN, NaN, NaN]);
    expect(c.invalid).toBe(2);
    expect(c.missing).toBe(1);
  });

  it('keeps all text in a categorical column, numbers included as written', () => {
    const c = categorical(build(['1.50', '1e3', 'NA', 'x'], 'categorical'));
    expect(texts(c)).toEqual(['1.50', '1e3', null, 'x']);
    expect(c.invalid).toBe(0);
  });

  it('never switches kind: a given numerical column stays numerical even if all text', () => {
    const c = numeric(build(['a', 'b'], 'numerical'));
    expect(c.kind).toBe('numerical');
    expect(c.invalid).toBe(2);
  });
});

describe('ColumnBuilder typed values (JSON, Parquet)', () => {
  it('reads numbers, booleans, datetimes and NaN as missing', () => {
    const b = new ColumnBuilder('n');
    b.pushNumber(1.5);
    b.pushNumber(Number.NaN);
    b.pushMissing();
    b.pushNumber(-2);
    const c = numeric(b.finish());
    expect(Array.from(c.values!)).toEqual([1.5, NaN, NaN, -2]);
    expect(c.missing).toBe(2);

    const flags = new ColumnBuilder('f');
    flags.pushBoolean(true);
    flags.pushBoolean(false);
    expect(categorical(flags.finish()).dictionary).toEqual(['true', 'false']);

    const when = new ColumnBuilder('t');
    when.pushDatetime(86400000);
    when.pushMissing();
    expect(numeric(when.finish()).kind).toBe('datetime');
  });

  it('reads typed values into a given kind: numbers as text, infinities and dates invalid in numbers', () => {
    const cat = new ColumnBuilder('c', 'categorical');
    cat.pushNumber(2.5);
    cat.pushBoolean(true);
    cat.pushDatetime(0);
    expect(texts(categorical(cat.finish()))).toEqual(['2.5', 'true', '1970-01-01T00:00:00.000Z']);

    const num = new ColumnBuilder('n', 'numerical');
    num.pushNumber(Number.POSITIVE_INFINITY);
    num.pushDatetime(0);
    num.pushBoolean(true);
    num.pushNumber(4);
    const n = numeric(num.finish());
    expect(Array.from(n.values!)).toEqual([NaN, NaN, NaN, 4]);
    expect(n.invalid).toBe(3);

    const dt = new ColumnBuilder('d', 'datetime');
    dt.pushNumber(5);
    dt.pushDatetime(1000);
    expect(numeric(dt.finish()).invalid).toBe(1);
  });

  it('a number after datetimes or an infinity makes an inferred column categorical', () => {
    const b = new ColumnBuilder('x');
    b.pushDatetime(0);
    b.pushNumber(3);
    expect(texts(categorical(b.finish()))).toEqual(['1970-01-01T00:00:00.000Z', '3']);
    const inf = new ColumnBuilder('y');
    inf.pushNumber(1);
    inf.pushNumber(Number.NEGATIVE_INFINITY);
    expect(texts(categorical(inf.finish()))).toEqual(['1', '-Infinity']);
  });

  it('holds 100 000 cells in typed arrays of exactly that length', () => {
    const b = new ColumnBuilder('big');
    for (let i = 0; i < 100_000; i++) b.pushText(String(i % 97));
    const c = numeric(b.finish());
    expect(c.values!.length).toBe(100_000);
    expect(c.values!.buffer.byteLength).toBe(800_000);
    expect(c.values![99_999]).toBe(99_999 % 97);
  });
});
