/**
 * Speed of the two-sample tests on large samples: ks2samp at 10⁵ and 10⁶ values a side,
 * mannWhitneyU and wassersteinDistance at 10⁶. `ks_scipy.py` times scipy.stats.ks_2samp on
 * the same sizes for comparison (run by hand; CI has no SciPy). At 10⁶ a side the asymptotic
 * p-value kstwo.sf(D, 500 000) dominates (Smirnov's sum in double-double, as SciPy), so it is
 * also timed alone.
 */
import { kstwo } from '../src/distributions/kstwo.js';
import { createRng } from '../src/random/xoshiro128.js';
import { ks2samp } from '../src/stattests/ks-2samp.js';
import { mannWhitneyU } from '../src/stattests/mann-whitney-u.js';
import { wassersteinDistance } from '../src/stattests/wasserstein-distance.js';
import { type Figures, timeMs } from './harness.js';

/** n standard normal values (Box–Muller on the seeded stream), shifted by `mean`. */
function normals(n: number, seed: number, mean = 0): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const theta = 2 * Math.PI * rng.next();
    out[i] = mean + r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = mean + r * Math.sin(theta);
  }
  return out;
}

export default function bench(): Figures {
  const x6 = normals(1_000_000, 1);
  const y6 = normals(1_000_000, 2, 0.01);
  const x5 = x6.subarray(0, 100_000);
  const y5 = y6.subarray(0, 100_000);
  const d6 = ks2samp(x6, y6).statistic;
  return {
    ks2samp_1e5_vs_1e5_ms: timeMs(() => ks2samp(x5, y5), 5),
    ks2samp_1e6_vs_1e6_ms: timeMs(() => ks2samp(x6, y6), 3),
    ks2samp_1e6_vs_1e6_statistic: d6,
    kstwo_sf_n5e5_ms: timeMs(() => kstwo.sf(d6, 500_000), 3),
    mannWhitneyU_1e6_vs_1e6_ms: timeMs(() => mannWhitneyU(x6, y6), 5),
    wassersteinDistance_1e6_vs_1e6_ms: timeMs(() => wassersteinDistance(x6, y6), 5),
  };
}
