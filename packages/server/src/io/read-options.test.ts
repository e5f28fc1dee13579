import { describe, expect, it } from 'vitest';
import type { ColumnKind } from './frame.js';
import { checkColumnNames, planColumns } from './read-options.js';

const kindsOf = (plan: ReturnType<typeof planColumns>) =>
  plan.map((p) => {
    const b = p.builder;
    b.pushText('2024-01-01');
    return [p.index, b.name, b.finish().kind];
  });

describe('planColumns', () => {
  it('keeps the file order and only the columns asked for', () => {
    const plan = planColumns('a.csv', ['x', 'y', 'z'], { columns: ['z', 'x'] });
    expect(plan.map((p) => [p.index, p.builder.name])).toEqual([
      [0, 'x'],
      [2, 'z'],
    ]);
  });

  it('gives kinds from the override first, then the schema, then the file, else infers', () => {
    const schema = new Map<string, ColumnKind>([
      ['a', 'categorical'],
      ['b', 'categorical'],
    ]);
    const plan = planColumns(
      'a.csv',
      ['a', 'b', 'c', 'd'],
      { schema, kinds: { a: 'numerical' } },
      (i) => (i === 2 ? 'categorical' : undefined),
    );
    expect(kindsOf(plan)).toEqual([
      [0, 'a', 'numerical'],
      [1, 'b', 'categorical'],
      [2, 'c', 'categorical'],
      [3, 'd', 'datetime'],
    ]);
  });

  it('refuses a columns entry or a kinds key that names no column, and an unknown kind', () => {
    expect(() => planColumns('cur.csv', ['x', 'y'], { columns: ['x', 'w'] })).toThrow(
      'cur.csv: option columns names "w", which is not in the file (its columns: x, y)',
    );
    expect(() =>
      planColumns('cur.csv', ['x'], {
        kinds: { constructor: 'numerical' } as Record<string, ColumnKind>,
      }),
    ).toThrow('option kinds names "constructor"');
    expect(() =>
      planColumns('cur.csv', ['x'], { kinds: { x: 'text' as unknown as ColumnKind } }),
    ).toThrow(
      'cur.csv: option kinds gives "x" the kind "text"; expected numerical, categorical, datetime',
    );
  });
});

describe('checkColumnNames', () => {
  it('refuses duplicate and empty names, naming the fields', () => {
    expect(() => checkColumnNames('a.csv', ['x', 'y', 'x'], 1)).toThrow(
      'a.csv:1: column "x" appears twice in the header (fields 1 and 3)',
    );
    expect(() => checkColumnNames('a.csv', ['', 'y'], 1)).toThrow(
      'a.csv:1: header field 1 is empty: name every column',
    );
    expect(() => checkColumnNames('a.csv', ['x', 'y'], 1)).not.toThrow();
  });
});
