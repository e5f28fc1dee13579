/**
 * The contract of detector.ts, checked on every detector: exact resumption from JSON at any
 * point (mid-warm-up, in a warning zone, right at and after a drift), reset, the detection
 * count, and refusal of bad values and bad states.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { Adwin } from './adwin.js';
import { Cusum } from './cusum.js';
import { Ddm } from './ddm.js';
import {
  type DetectorSignal,
  type DriftDetector,
  decodeNumber,
  encodeNumber,
  pushMean,
  pushVar,
} from './detector.js';
import { Eddm } from './eddm.js';
import { HddmA } from './hddm-a.js';
import { HddmW } from './hddm-w.js';
import { Kswin } from './kswin.js';
import { PageHinkley } from './page-hinkley.js';

const fx = loadFixture<{ streams: Record<string, number[] | string> }>('detectors.json');
const stream = (name: string): number[] => {
  const s = fx.streams[name];
  return typeof s === 'string' ? Array.from(s, Number) : s;
};
const numeric = stream('twoDistributions');
const bits = stream('errorRateIncrease');
const gauss = stream('gaussianShift');

interface Kind {
  name: string;
  make: () => DriftDetector;
  restore: (state: unknown) => DriftDetector;
  xs: number[];
  binary: boolean;
}

const kinds: Kind[] = [
  {
    name: 'Adwin',
    make: () => new Adwin(),
    restore: (s) => Adwin.fromJSON(s as never),
    xs: numeric,
    binary: false,
  },
  {
    name: 'PageHinkley',
    make: () => new PageHinkley(),
    restore: (s) => PageHinkley.fromJSON(s as never),
    xs: numeric,
    binary: false,
  },
  {
    name: 'Kswin',
    make: () => new Kswin({ seed: 7 }),
    restore: (s) => Kswin.fromJSON(s as never),
    xs: numeric.slice(900, 1200),
    binary: false,
  },
  {
    name: 'Cusum',
    make: () => new Cusum(),
    restore: (s) => Cusum.fromJSON(s as never),
    xs: gauss,
    binary: false,
  },
  {
    name: 'Ddm',
    make: () => new Ddm(),
    restore: (s) => Ddm.fromJSON(s as never),
    xs: bits,
    binary: true,
  },
  {
    name: 'Eddm',
    make: () => new Eddm({ alpha: 0.8, beta: 0.75 }),
    restore: (s) => Eddm.fromJSON(s as never),
    xs: bits,
    binary: true,
  },
  {
    name: 'HddmA',
    make: () => new HddmA({ twoSidedTest: true }),
    restore: (s) => HddmA.fromJSON(s as never),
    xs: bits,
    binary: true,
  },
  {
    name: 'HddmW',
    make: () => new HddmW({ twoSidedTest: true }),
    restore: (s) => HddmW.fromJSON(s as never),
    xs: bits,
    binary: true,
  },
];

const feed = (d: DriftDetector, xs: number[]): DetectorSignal[] => xs.map((x) => d.update(x));
const roundTrip = (d: DriftDetector): unknown => JSON.parse(JSON.stringify(d.toJSON()));

describe.each(kinds)('$name follows the detector contract', (k) => {
  const whole = feed(k.make(), k.xs);
  const drifts = whole.flatMap((s, i) => (s.drift ? [i] : []));
  const warnings = whole.flatMap((s, i) => (s.warning ? [i] : []));

  it('drifts at least once on its test stream (so resumption is tested across a restart)', () => {
    expect(drifts.length).toBeGreaterThan(0);
  });

  it('resumes exactly from JSON at any point of the stream', () => {
    const cuts = new Set([1, 5, 29, 30, 31, 100, 257, Math.floor(k.xs.length / 2)]);
    for (const i of drifts) for (const c of [i, i + 1, i + 2]) cuts.add(c);
    for (const i of warnings.slice(0, 2)) cuts.add(i + 1);
    for (const cut of cuts) {
      if (cut >= k.xs.length) continue;
      const first = k.make();
      const head = feed(first, k.xs.slice(0, cut));
      const resumed = k.restore(roundTrip(first));
      const tail = feed(resumed, k.xs.slice(cut));
      expect([...head, ...tail], `resumed after ${cut} values`).toEqual(whole);
      expect(resumed.nDetections).toBe(drifts.length);
    }
  });

  it('counts its detections and exposes the last signal', () => {
    const d = k.make();
    const last = feed(d, k.xs).at(-1) as DetectorSignal;
    expect(d.nDetections).toBe(drifts.length);
    expect(d.driftDetected).toBe(last.drift);
    expect(d.warningDetected).toBe(last.warning);
  });

  it('reset() returns to the freshly built state', () => {
    const d = k.make();
    feed(d, k.xs.slice(0, drifts[0] + 1));
    expect(d.nDetections).toBe(1);
    d.reset();
    expect(d.toJSON()).toEqual(k.make().toJSON());
    expect(d.nDetections).toBe(0);
    expect(feed(d, k.xs)).toEqual(whole);
  });

  it('refuses non-finite and non-numeric values, naming update and x', () => {
    const d = k.make();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number]) {
      expect(() => d.update(bad)).toThrow(TendInputError);
      expect(() => d.update(bad)).toThrow(`${k.name}.update: x`);
    }
    if (k.binary) {
      for (const bad of [0.5, 2, -1]) expect(() => d.update(bad)).toThrow(`${k.name}.update: x`);
    }
    expect(d.toJSON()).toEqual(k.make().toJSON());
  });

  it('refuses a state of another kind, version or shape, naming fromJSON and state', () => {
    const good = roundTrip(k.make()) as Record<string, unknown>;
    const other = k === kinds[0] ? kinds[1] : kinds[0];
    const bads: unknown[] = [
      null,
      42,
      roundTrip(other.make()),
      { ...good, version: 2 },
      { ...good, options: null },
      { ...good, nDetections: -1 },
      { ...good, drift: 'no' },
    ];
    if (k.name === 'Adwin') bads.push({ ...good, rows: [{ totals: [1] }] }, { ...good, rows: [] });
    if (k.name === 'Kswin') bads.push({ ...good, rng: [0, 0] }, { ...good, window: 'x' });
    for (const bad of bads) {
      expect(() => k.restore(bad)).toThrow(TendInputError);
      expect(() => k.restore(bad)).toThrow(`${k.name}.fromJSON: state`);
    }
  });
});

describe('helpers', () => {
  it('encode and decode non-finite numbers through JSON', () => {
    for (const v of [0, -2.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      const back = decodeNumber('t', 'v', JSON.parse(JSON.stringify(encodeNumber(v))));
      expect(Object.is(back, v)).toBe(true);
    }
    expect(() => decodeNumber('Ddm.fromJSON', 'pMin', null)).toThrow('Ddm.fromJSON: pMin');
  });

  it('running mean and variance agree with the two-pass formulas', () => {
    const xs = [3, 5, 4, 7, 10, 12];
    const m = { n: 0, mean: 0 };
    const v = { n: 0, mean: 0, sigma: 0 };
    for (const x of xs) {
      pushMean(m, x);
      pushVar(v, x);
    }
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const s2 = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(m.mean).toBeCloseTo(mean, 12);
    expect(v.sigma).toBeCloseTo(s2, 12); // River's docstring: 12.56666…
  });
});
