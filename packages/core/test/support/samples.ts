/**
 * Test inputs described by a recipe and a seed, generated identically here and by
 * `fixtures/tend_random.py`, so fixtures stay small while covering n up to 100 000.
 * Kinds: uniform(lo, hi); normal(mean, sd) as a sum of 12 uniforms (Irwin–Hall);
 * discrete(levels, lo, step) for ties; heavy(scale), a ratio of uniforms with long tails;
 * constant(value) for all-equal samples.
 */
import { createRng } from '../../src/random/xoshiro128.js';

export type SampleSpec =
  | { kind: 'uniform'; n: number; seed: number; lo: number; hi: number }
  | { kind: 'normal'; n: number; seed: number; mean: number; sd: number }
  | { kind: 'discrete'; n: number; seed: number; levels: number; lo: number; step: number }
  | { kind: 'heavy'; n: number; seed: number; scale: number }
  | { kind: 'constant'; n: number; seed: number; value: number };

/** Values of a recipe, or the explicit array when a fixture stores one. */
export function sample(spec: SampleSpec | number[]): Float64Array {
  if (Array.isArray(spec)) return Float64Array.from(spec);
  const rng = createRng(spec.seed);
  const out = new Float64Array(spec.n);
  switch (spec.kind) {
    case 'uniform':
      for (let i = 0; i < spec.n; i++) out[i] = spec.lo + (spec.hi - spec.lo) * rng.next();
      break;
    case 'normal':
      for (let i = 0; i < spec.n; i++) {
        let acc = 0;
        for (let k = 0; k < 12; k++) acc += rng.next();
        out[i] = spec.mean + spec.sd * (acc - 6);
      }
      break;
    case 'discrete':
      for (let i = 0; i < spec.n; i++)
        out[i] = spec.lo + spec.step * Math.floor(rng.next() * spec.levels);
      break;
    case 'heavy':
      for (let i = 0; i < spec.n; i++) {
        const u = rng.next();
        const v = rng.next();
        out[i] = (spec.scale * (u - 0.5)) / (v + 0.001);
      }
      break;
    case 'constant':
      out.fill(spec.value);
      break;
  }
  return out;
}
