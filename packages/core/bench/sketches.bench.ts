/**
 * Throughput of the sketches' update paths on 10⁶ seeded values (median of a few runs) and the
 * size of each sketch's binary form after those 10⁶ values, HyperLogLog's relative error at
 * 10⁶ and 10⁷ distinct values (p = 12, standard error 0.01625), and the cost of merging 10 KLL
 * sketches and of ksFromSketches.
 */
import { createRng } from '../src/random/xoshiro128.js';
import { ColumnCounts } from '../src/sketches/column-counts.js';
import { FrequentItems } from '../src/sketches/frequent-items.js';
import { HyperLogLog } from '../src/sketches/hyper-log-log.js';
import { KllSketch } from '../src/sketches/kll-sketch.js';
import { Moments } from '../src/sketches/moments.js';
import { ksFromSketches } from '../src/sketches/sketch-drift.js';
import { type Figures, timeMs } from './harness.js';

const N = 1_000_000;

function uniforms(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.next();
  return out;
}

const perSecond = (ms: number) => Math.round(N / (ms / 1000));

export default function bench(): Figures {
  const x = uniforms(N, 1);
  const strings = Array.from({ length: N }, (_, i) => `user-${i}`);
  // Zipf-like items for FrequentItems: ⌊1/u⌋ has P(k) ∝ 1/(k(k+1)).
  const items = Array.from(x, (u) => Math.floor(1 / (u + 1e-9)));

  let kll = new KllSketch();
  const kllMs = timeMs(() => {
    kll = new KllSketch();
    for (let i = 0; i < N; i++) kll.update(x[i]);
  }, 5);
  let hll = new HyperLogLog();
  const hllMs = timeMs(() => {
    hll = new HyperLogLog();
    for (let i = 0; i < N; i++) hll.update(x[i]);
  }, 5);
  const hllStringMs = timeMs(() => {
    const h = new HyperLogLog();
    for (let i = 0; i < N; i++) h.update(strings[i]);
  }, 3);
  let moments = new Moments();
  const momentsMs = timeMs(() => {
    moments = new Moments();
    for (let i = 0; i < N; i++) moments.update(x[i]);
  }, 5);
  let frequent = new FrequentItems();
  const frequentMs = timeMs(() => {
    frequent = new FrequentItems();
    for (let i = 0; i < N; i++) frequent.update(items[i]);
  }, 3);
  const counts = new ColumnCounts();
  for (let i = 0; i < N; i++) counts.update(i % 100 === 0 ? null : x[i]);

  // Accuracy far past a 32-bit hash's saturation point: 10⁷ distinct numbers.
  const big = new HyperLogLog();
  for (let i = 0; i < 10 * N; i++) big.update(i);

  const parts = Array.from({ length: 10 }, (_, p) => {
    const s = new KllSketch({ seed: p + 2 });
    for (let i = p * 100_000; i < (p + 1) * 100_000; i++) s.update(x[i]);
    return s;
  });
  const other = new KllSketch({ seed: 99 });
  for (const v of uniforms(N, 2)) other.update(v * 1.01);

  return {
    kll_updates_per_s: perSecond(kllMs),
    hll_updates_per_s: perSecond(hllMs),
    hll_string_updates_per_s: perSecond(hllStringMs),
    moments_updates_per_s: perSecond(momentsMs),
    frequent_items_updates_per_s: perSecond(frequentMs),
    kll_bytes_at_1e6: kll.toBytes().length,
    kll_retained_at_1e6: kll.numRetained,
    hll_bytes_at_1e6: hll.toBytes().length,
    hll_relative_error_at_1e6: Number((hll.estimate() / N - 1).toFixed(5)),
    hll_relative_error_at_1e7: Number((big.estimate() / (10 * N) - 1).toFixed(5)),
    moments_bytes_at_1e6: moments.toBytes().length,
    frequent_items_bytes_at_1e6: frequent.toBytes().length,
    column_counts_bytes_at_1e6: counts.toBytes().length,
    kll_merge_10_parts_ms: timeMs(() => {
      const m = new KllSketch({ seed: 1 });
      for (const p of parts) m.merge(p);
    }, 5),
    ks_from_sketches_ms: timeMs(() => ksFromSketches(kll, other), 5),
  };
}
