/**
 * A column profile merged from parts equals the profile of the whole: counts and moments
 * exactly (to rounding), quantiles within KLL's rank bound; and it survives its bytes.
 */
import { createRng } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { ColumnProfile } from './column-profile.js';

describe('ColumnProfile', () => {
  const rng = createRng(11);
  const values: unknown[] = Array.from({ length: 20_000 }, (_, i) =>
    i % 50 === 0 ? null : i % 7 === 0 ? ['a', 'b', 'c', 'd'][i % 4] : rng.next() * 100,
  );

  it('merges parts into the profile of the whole, and reads back its bytes', () => {
    const whole = new ColumnProfile();
    for (const v of values) whole.update(v);
    const parts = [new ColumnProfile(), new ColumnProfile(), new ColumnProfile()];
    values.forEach((v, i) => {
      parts[i % 3].update(v);
    });
    const merged = ColumnProfile.fromBytes(parts[0].toBytes())
      .merge(ColumnProfile.fromBytes(parts[1].toBytes()))
      .merge(parts[2]);
    const a = whole.summary();
    const b = merged.summary();
    expect(b.count).toBe(20_000);
    expect([b.missing, b.number, b.string]).toEqual([a.missing, a.number, a.string]);
    expect(b.numbers!.mean).toBeCloseTo(a.numbers!.mean, 10);
    expect(b.numbers!.std).toBeCloseTo(a.numbers!.std as number, 10);
    expect([b.numbers!.min, b.numbers!.max]).toEqual([a.numbers!.min, a.numbers!.max]);
    // The median's rank in the data is within KLL's bound of one half.
    const numbers = values.filter((v): v is number => typeof v === 'number').sort((x, y) => x - y);
    const median = b.numbers!.quantiles['0.5'];
    const rank = numbers.filter((x) => x <= median).length / numbers.length;
    expect(Math.abs(rank - 0.5)).toBeLessThanOrEqual(merged.quantiles!.normalizedRankError());
    expect(b.items!.top.map((t) => t.value).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(b.items!.distinct).toBe(4);
    const again = ColumnProfile.fromBytes(merged.toBytes()).summary();
    expect(again).toEqual(b);
  });

  it('keeps only the parts its values need, and refuses bytes of another kind', () => {
    const numbersOnly = new ColumnProfile();
    numbersOnly.update(1);
    expect([numbersOnly.items, numbersOnly.distinct]).toEqual([null, null]);
    const text = new ColumnProfile();
    text.update('a');
    expect([text.moments, text.quantiles]).toEqual([null, null]);
    // No HyperLogLog (most of a text profile) for a column of numbers.
    expect(numbersOnly.toBytes().length).toBeLessThan(300);
    expect(text.toBytes().length).toBeGreaterThan(3 * numbersOnly.toBytes().length);
    expect(() => ColumnProfile.fromBytes(Uint8Array.of(9, 0))).toThrow(
      /not a column profile of format 1/,
    );
  });
});
