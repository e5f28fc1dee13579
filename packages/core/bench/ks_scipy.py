#!/usr/bin/python3
"""Times scipy.stats.ks_2samp (and mannwhitneyu, wasserstein_distance) on the sizes of
ks.bench.ts, for the speed-up of @tend/core over SciPy. Not run in CI (needs SciPy):
    /usr/bin/python3 packages/core/bench/ks_scipy.py
Prints one JSON object of median wall times in milliseconds (one warm-up run, 5 timed)."""
import json
import time

import numpy as np
import scipy
from scipy import stats


def time_ms(fn, repeats=5):
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return round(times[len(times) // 2], 3)


rng = np.random.default_rng(1)
x6 = rng.standard_normal(1_000_000)
y6 = rng.standard_normal(1_000_000) + 0.01
x5, y5 = x6[:100_000], y6[:100_000]
d6 = float(stats.ks_2samp(x6, y6).statistic)
print(json.dumps({
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "ks_2samp_1e5_vs_1e5_ms": time_ms(lambda: stats.ks_2samp(x5, y5)),
    "ks_2samp_1e6_vs_1e6_ms": time_ms(lambda: stats.ks_2samp(x6, y6), 3),
    "ks_2samp_1e6_vs_1e6_statistic": d6,
    "kstwo_sf_n5e5_ms": time_ms(lambda: stats.kstwo.sf(d6, 500_000), 3),
    "mannwhitneyu_1e6_vs_1e6_ms": time_ms(lambda: stats.mannwhitneyu(x6, y6)),
    "wasserstein_distance_1e6_vs_1e6_ms": time_ms(lambda: stats.wasserstein_distance(x6, y6)),
}, indent=2))
