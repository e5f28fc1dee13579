#!/usr/bin/python3
"""What Evidently's default data-drift preset computes, written with pandas + SciPy, for
`npm run bench -- report` to time against `tend report` on the same files (Evidently itself
cannot be installed here). Run with Debian's python3-pandas python3-scipy:

    /usr/bin/python3 packages/server/bench/evidently_preset.py REFERENCE.csv CURRENT.csv

It follows Evidently 0.4 (legacy API) as docs/drift-methods.md describes it, step for step:
- `pd.read_csv` of both files; column types as `_get_column_type` in
  `utils/data_preprocessing.py` infers them: an integer dtype with at most 5 distinct values
  is categorical, any other numeric dtype numerical, anything else categorical;
- `get_drift_for_columns` (`calculations/data_drift.py`): `pd.concat` of both frames, the
  correlation matrices of the numerical columns, then per column `get_one_column_drift`:
  NaN/inf dropped, the default test chosen by `_get_default_stattest` (> 1000 reference rows:
  numerical with > 5 distinct values → Wasserstein ÷ max(std(reference), 0.001), else
  Jensen–Shannon on the shares of each value; ≤ 1000 rows: KS, chi-square or z), the 10-bin
  density histograms, the doane-binned distributions (numerical) or value counts
  (categorical) that the report draws;
- the dataset verdict: drifted share ≥ 0.5 (`get_dataset_drift`);
- and per column describe() and missing counts, as Evidently's data-quality part does.

The preset runs DatasetDriftMetric and DataDriftTable, each of which calls
`get_drift_for_columns`; this script computes it once, so its time is a lower bound of
Evidently's. It prints a JSON summary so the run can be checked to compute the same things.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance

NUMBER_UNIQUE_AS_CATEGORICAL = 5  # data_preprocessing.py
DRIFT_SHARE = 0.5  # DataDriftPreset(drift_share=0.5)
P_THRESHOLD = 0.05  # StatTest.default_threshold
DISTANCE_THRESHOLD = 0.1  # wasserstein, jensenshannon
NBINSX = 10  # DataDriftOptions.nbinsx


def column_type(reference, current, name):
    """Evidently's `_get_column_type` for a feature column (no mapping given)."""
    dtype = current[name].dtype
    if pd.api.types.is_integer_dtype(dtype):
        nunique = reference[name].nunique() or current[name].nunique()
        return "cat" if nunique <= NUMBER_UNIQUE_AS_CATEGORICAL else "num"
    if pd.api.types.is_numeric_dtype(dtype):
        return "num"
    if pd.api.types.is_datetime64_dtype(dtype):
        return "datetime"
    return "cat"


def shares(reference, current):
    """Evidently's `get_binned_data` for categories: shares of each value over the union."""
    keys = sorted(set(reference.unique()) | set(current.unique()), key=str)
    ref_counts = reference.value_counts()
    cur_counts = current.value_counts()
    ref = np.array([ref_counts.get(k, 0) for k in keys], dtype=float) / len(reference)
    cur = np.array([cur_counts.get(k, 0) for k in keys], dtype=float) / len(current)
    return ref, cur


def drift_test(reference, current, kind):
    """`_get_default_stattest` and the chosen test: (method, score, drifted)."""
    n_values = pd.concat([reference, current]).nunique()
    if reference.shape[0] <= 1000:
        if kind == "num" and n_values > NUMBER_UNIQUE_AS_CATEGORICAL:
            p = stats.ks_2samp(reference, current).pvalue
            return "ks", float(p), bool(p <= P_THRESHOLD)
        ref, cur = shares(reference, current)
        if n_values > 2:
            # Evidently's goodness-of-fit chi-square: expected = reference share × n_current.
            keys = sorted(set(reference.unique()) | set(current.unique()), key=str)
            cur_counts = current.value_counts()
            observed = np.array([cur_counts.get(k, 0) for k in keys], dtype=float)
            p = stats.chisquare(observed, ref * len(current)).pvalue
            return "chisquare", float(p), bool(p < P_THRESHOLD)
        # Two-proportion z-test on the first value.
        n1, n2 = len(reference), len(current)
        p1, p2 = ref[0], cur[0]
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        p = 1.0 if se == 0 else float(2 * stats.norm.sf(abs(p1 - p2) / se))
        return "z", p, bool(p < P_THRESHOLD)
    if kind == "cat" or n_values <= NUMBER_UNIQUE_AS_CATEGORICAL:
        ref, cur = shares(reference, current)
        d = float(distance.jensenshannon(ref, cur))
        return "jensenshannon", d, bool(d >= DISTANCE_THRESHOLD)
    norm = max(np.std(reference), 0.001)
    d = float(stats.wasserstein_distance(reference, current) / norm)
    return "wasserstein", d, bool(d >= DISTANCE_THRESHOLD)


def one_column_drift(reference_data, current_data, name, kind):
    """`get_one_column_drift`: the test plus what the report draws for the column."""
    reference = reference_data[name].replace([-np.inf, np.inf], np.nan).dropna()
    current = current_data[name].replace([-np.inf, np.inf], np.nan).dropna()
    if reference.empty or current.empty:
        raise ValueError(f"An empty column '{name}' was provided for drift calculation")
    method, score, drifted = drift_test(reference, current, kind)
    if kind == "num":
        cur_all, ref_all = current_data[name], reference_data[name]
        np.histogram(cur_all[np.isfinite(cur_all)], bins=NBINSX, density=True)
        np.histogram(ref_all[np.isfinite(ref_all)], bins=NBINSX, density=True)
        ref_all.mean(), ref_all.std()  # the ±1 sd band of the plot
        bins = np.histogram_bin_edges(pd.concat([current, reference]), bins="doane")
        np.histogram(reference, bins=bins)
        np.histogram(current, bins=bins)
    else:
        reference_data[name].value_counts(sort=False)
        current_data[name].value_counts(sort=False)
        reference.value_counts(dropna=False)
        current.value_counts(dropna=False)
    return {"name": name, "type": kind, "method": method, "score": score, "drifted": drifted}


def quality(frame):
    """Per-column describe() and missing counts (the data-quality part)."""
    out = {}
    for name in frame.columns:
        col = frame[name]
        col.describe()
        out[name] = int(col.isna().sum())
    return out


def main(reference_path, current_path):
    t0 = time.perf_counter()
    reference_data = pd.read_csv(reference_path)
    current_data = pd.read_csv(current_path)
    t_read = time.perf_counter()

    columns = list(reference_data.columns)
    kinds = {name: column_type(reference_data, current_data, name) for name in columns}
    features = [n for n in columns if kinds[n] in ("num", "cat")]
    num_columns = [n for n in features if kinds[n] == "num"]
    # get_drift_for_columns: the concatenated frame (for column types) and the correlations.
    dataset = pd.concat([reference_data, current_data])
    current_data[num_columns].corr()
    reference_data[num_columns].corr()
    del dataset

    drift = [one_column_drift(reference_data, current_data, n, kinds[n]) for n in features]
    drifted = sum(1 for d in drift if d["drifted"])
    share = drifted / len(drift)
    missing_ref = quality(reference_data)
    missing_cur = quality(current_data)
    t_end = time.perf_counter()

    print(json.dumps({
        "pandas": pd.__version__,
        "rows": [len(reference_data), len(current_data)],
        "columns": len(columns),
        "drifted_columns": [d["name"] for d in drift if d["drifted"]],
        "share": share,
        "dataset_drift": bool(share >= DRIFT_SHARE),
        "columns_drift": drift,
        "missing": {"reference": missing_ref, "current": missing_cur},
        "read_s": round(t_read - t0, 3),
        "compute_s": round(t_end - t_read, 3),
        # ru_maxrss is in kilobytes on Linux.
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }, indent=2))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: evidently_preset.py REFERENCE.csv CURRENT.csv")
    main(sys.argv[1], sys.argv[2])
