import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { TendInputError } from '../errors.js';
import { createRng, rngFromState } from './xoshiro128.js';

interface RandomFixture {
  streams: { seed: number; uint32: number[]; next: number[] }[];
  samples: { spec: SampleSpec; values: number[] }[];
}
const fx = loadFixture<RandomFixture>('random.json');

describe('createRng', () => {
  it('reproduces the Python twin bit for bit', () => {
    for (const s of fx.streams) {
      const rng = createRng(s.seed);
      expect(
        Array.from({ length: 8 }, () => rng.nextUint32()),
        `seed ${s.seed}`,
      ).toEqual(s.uint32);
      expect(
        Array.from({ length: 4 }, () => rng.next()),
        `seed ${s.seed}`,
      ).toEqual(s.next);
    }
  });

  it('generates the same test samples as the fixture scripts', () => {
    for (const s of fx.samples) expect(Array.from(sample(s.spec))).toEqual(s.values);
  });

  it('resumes from a saved state', () => {
    const a = createRng(99);
    a.next();
    const b = rngFromState(a.state());
    expect([a.next(), a.nextInt(10)]).toEqual([b.next(), b.nextInt(10)]);
  });

  it('draws unbiased integers in range', () => {
    const rng = createRng(1);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[rng.nextInt(6)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });

  it('refuses a seed that is not a non-negative integer', () => {
    expect(() => createRng(-1)).toThrow(/createRng: seed is -1/);
    expect(() => createRng(1.5)).toThrow(/integer/);
  });

  it('refuses a bad state or range with a TendInputError naming the argument', () => {
    expect(() => rngFromState([1, 2])).toThrow(TendInputError);
    expect(() => rngFromState([1, 2, 3, -4])).toThrow(
      'rngFromState: state must be four unsigned 32-bit integers',
    );
    const rng = createRng(1);
    for (const n of [0, 1.5, Number.NaN]) {
      expect(() => rng.nextInt(n)).toThrow(TendInputError);
    }
    expect(() => rng.nextInt(0)).toThrow('Rng.nextInt: n is 0; expected a positive integer');
  });
});
