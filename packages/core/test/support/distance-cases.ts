/**
 * The cases of `fixtures/distances.json` as one list of (p, q) weight pairs: the hand-made
 * vectors and the counts of reference-quantile bins, each with SciPy's or Evidently's values.
 */
import { loadFixture } from './fixtures.js';

interface Case {
  name: string;
  expected: Record<string, number | string>;
}
interface DistancesFixture {
  vectors: (Case & { p: number[]; q: number[] })[];
  binned: (Case & { referenceCounts: number[]; currentCounts: number[] })[];
}

const fx = loadFixture<DistancesFixture>('distances.json');

/** Every (p, q) pair of the fixture with its expected values, by distance name. */
export const distanceCases: (Case & { p: number[]; q: number[] })[] = [
  ...fx.vectors.map((v) => ({ name: v.name, p: v.p, q: v.q, expected: v.expected })),
  ...fx.binned.map((b) => ({
    name: `binned ${b.name}`,
    p: b.referenceCounts,
    q: b.currentCounts,
    expected: b.expected,
  })),
];
