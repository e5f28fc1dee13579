/**
 * The analytic intervals of outcome-intervals.ts: their formulas against SciPy, NumPy and
 * scikit-learn (fixtures/outcome_intervals.json, gen_outcome_intervals.py) to 1e-9 relative;
 * and, on 30 000 seeded rows per task, each metric's interval from the profile against the
 * percentile bootstrap of @tend/core's `bootstrapCi` on the same rows (1 000 resamples, seed 0).
 *
 * Tolerance of the bootstrap comparison: each endpoint within TOLERANCE = 10 % of the
 * bootstrap interval's width. Why that much: a percentile endpoint of B = 1 000 resamples has
 * a Monte-Carlo standard deviation of √(p(1 − p)/B)/φ(z) ≈ 0.085σ at p = 0.025, about 2.2 % of
 * the width (3.92σ), and at n = 30 000 the normal approximations' skewness error is below 1 %:
 * 10 % is 4.5 of those standard deviations (the largest gap seen here is 4 %), while a
 * standard error wrong by a third moves an endpoint by 17 % of the width, and fails (the
 * formulas themselves are pinned to 1e-9 by the fixture). Hanley–McNeil gets HM_TOLERANCE = 15 %: its standard error assumes scores
 * distributed as negative exponentials (on these logistic scores it is 6–8 % wider than the
 * bootstrap's), and the one-vs-rest average treats the classes' AUCs as independent though
 * they share rows (4–8 % narrower here); a standard error wrong by half still fails.
 *
 * The row bootstraps resample row indices with `bootstrapCi` and compute each metric from
 * the resample's row counts in one pass over the rows sorted once (the metrics of @tend/core
 * sort every resample: minutes for 2 000 resamples); each such metric is checked first to equal
 * @tend/core's on all the rows. To compare the methods and not the sketches, the ROC AUC and
 * median tests give the profile sketches that hold every value (k = 65 535); the sketches'
 * own widening is tested separately on the profile as built.
 */

import { readFileSync } from 'node:fs';
import {
  averagePrecisionScore,
  bootstrapCi,
  createRng,
  KllSketch,
  ndtri,
  rocAucScore,
} from '@tend/core';
import { describe, expect, it } from 'vitest';
import { performanceMetric } from '../monitors/performance-metric.js';
import {
  averagePrecisionInterval,
  hanleyMcNeilSe,
  meanInterval,
  type ProfileInterval,
  profileInterval,
} from './outcome-intervals.js';
import { metricFromProfile, ovrAucs } from './outcome-metrics.js';
import { ECE_BINS, OutcomeProfile, rankError } from './outcome-profile.js';

interface Fixture {
  quantiles: { confidence: number; z: number }[];
  hanleyMcNeil: { auc: number; positives: number; negatives: number; se: number }[];
  means: { loss: number[]; confidence: number; low: number; high: number }[];
  logit: { ap: number; positives: number; confidence: number; low: number; high: number }[];
  delta: {
    y: number[];
    pred: number[];
    confidence: number;
    r2: { value: number; low: number; high: number };
    explainedVariance: { value: number; low: number; high: number };
  }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/outcome_intervals.json', import.meta.url), 'utf8'),
) as Fixture;

const N = 30_000;
const RESAMPLES = 1000;
const TOLERANCE = 0.1;
const HM_TOLERANCE = 0.15;
const OPTIONS = { confidence: 0.95, resamples: RESAMPLES };

const rng = createRng(2013);
const normal = () => {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};

const close = (got: number, want: number) =>
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.abs(want));

function interval(ci: ProfileInterval): { low: number; high: number; method: string } {
  if ('skipped' in ci) throw new Error(`no interval: ${ci.skipped}`);
  return ci;
}

/** A sketch of k = 65 535 holding all of its (fewer than 65 535) values: no rank error. */
function exactSketch(values: number[]): KllSketch {
  const s = new KllSketch({ k: 65_535 });
  for (const v of values) s.update(v);
  expect(rankError(s)).toBe(0);
  return s;
}

const counts = new Float64Array(N);

/** Each row's multiplicity in a resample of row indices (one array, reused). */
function countsOf(idx: number[]): Float64Array {
  counts.fill(0);
  for (const i of idx) counts[i]++;
  return counts;
}

/**
 * The percentile bootstrap of `stat` over the N rows: `bootstrapCi` resamples the row indices
 * (seed 0), and `stat` reads the resample's row counts.
 */
function rowBootstrap(stat: (counts: Float64Array) => number) {
  const rows = Array.from({ length: N }, (_, i) => i);
  return bootstrapCi((idx: number[]) => stat(countsOf(idx)), rows, rows, {
    nResamples: RESAMPLES,
    confidenceLevel: OPTIONS.confidence,
    seed: 0,
  });
}

const ALL = new Float64Array(N).fill(1);

/** Row indices by score, ascending. */
const byScore = (s: ArrayLike<number>) =>
  Int32Array.from({ length: N }, (_, i) => i).sort((a, b) => s[a] - s[b]);

/** ROC AUC of weighted rows (Mann–Whitney, ties one half), rows pre-sorted by score. */
function weightedAuc(order: Int32Array, score: ArrayLike<number>, pos: ArrayLike<boolean>) {
  return (w: Float64Array) => {
    let acc = 0;
    let negBelow = 0;
    let p = 0;
    for (let i = 0; i < N; ) {
      let wp = 0;
      let wn = 0;
      const x = score[order[i]];
      for (; i < N && score[order[i]] === x; i++) {
        const k = order[i];
        if (pos[k]) wp += w[k];
        else wn += w[k];
      }
      acc += wp * (negBelow + wn / 2);
      negBelow += wn;
      p += wp;
    }
    return acc / (p * negBelow);
  };
}

/** Average precision (sklearn's step sum) of weighted rows, pre-sorted by score. */
function weightedAp(order: Int32Array, score: ArrayLike<number>, pos: ArrayLike<boolean>) {
  return (w: Float64Array) => {
    let total = 0;
    for (let k = 0; k < N; k++) if (pos[k]) total += w[k];
    let tp = 0;
    let fp = 0;
    let ap = 0;
    for (let i = N - 1; i >= 0; ) {
      const x = score[order[i]];
      let wp = 0;
      for (; i >= 0 && score[order[i]] === x; i--) {
        const k = order[i];
        if (pos[k]) wp += w[k];
        else fp += w[k];
      }
      tp += wp;
      if (wp > 0) ap += (wp / total) * (tp / (tp + fp));
    }
    return ap;
  };
}

/** The weighted mean of per-row values. */
const weightedMean = (x: ArrayLike<number>) => (w: Float64Array) => {
  let s = 0;
  let n = 0;
  for (let k = 0; k < N; k++) {
    s += w[k] * x[k];
    n += w[k];
  }
  return s / n;
};

/** Compare an analytic interval with the row bootstrap's, and hold the value. */
function agrees(
  ci: ProfileInterval,
  boot: { low: number; high: number },
  value: number,
  tolerance = TOLERANCE,
) {
  const { low, high } = interval(ci);
  const width = boot.high - boot.low;
  expect(width).toBeGreaterThan(0);
  expect(Math.abs(low - boot.low), `low ${low} vs ${boot.low}`).toBeLessThanOrEqual(
    tolerance * width,
  );
  expect(Math.abs(high - boot.high), `high ${high} vs ${boot.high}`).toBeLessThanOrEqual(
    tolerance * width,
  );
  expect(low).toBeLessThanOrEqual(value);
  expect(high).toBeGreaterThanOrEqual(value);
}

describe('interval formulas against SciPy, NumPy and scikit-learn', () => {
  it('the normal quantile is Φ⁻¹((1 + confidence)/2)', () => {
    for (const q of fixture.quantiles) close(ndtri((1 + q.confidence) / 2), q.z);
  });

  it("Hanley and McNeil's standard error", () => {
    for (const h of fixture.hanleyMcNeil) {
      close(hanleyMcNeilSe(h.auc, h.positives, h.negatives), h.se);
    }
  });

  it('the normal interval of a mean loss, from Σloss and Σloss²', () => {
    for (const m of fixture.means) {
      let sum = 0;
      let sumSq = 0;
      for (const x of m.loss) {
        sum += x;
        sumSq += x * x;
      }
      const got = meanInterval(sum, sumSq, m.loss.length, m.confidence);
      close(got.low, m.low);
      close(got.high, m.high);
    }
  });

  it('the logit interval of an average precision (Boyd et al. 2013)', () => {
    for (const l of fixture.logit) {
      const got = interval(averagePrecisionInterval(l.ap, l.positives, l.confidence));
      close(got.low, l.low);
      close(got.high, l.high);
      expect(got.method).toBe('logit (Boyd et al. 2013)');
    }
    expect(averagePrecisionInterval(1, 100, 0.95)).toHaveProperty('skipped');
  });

  it('the delta method of R² and explained variance, from the profile sums', () => {
    for (const d of fixture.delta) {
      const p = new OutcomeProfile('regression');
      d.y.forEach((y, i) => {
        p.update(y, d.pred[i], null);
      });
      for (const name of ['r2', 'explainedVariance'] as const) {
        const want = d[name];
        close(metricFromProfile('regression', name, '1', p).value, want.value);
        const got = interval(
          profileInterval('regression', name, '1', p, { confidence: d.confidence, resamples: 0 }),
        );
        close(got.low, want.low);
        close(got.high, want.high);
        expect(got.method).toBe('delta method');
      }
    }
  });
});

describe('binary classification: the profile intervals agree with the row bootstrap', () => {
  const label = Array.from({ length: N }, () => rng.next() < 0.3);
  const score = label.map((y) => {
    const s = 1 / (1 + Math.exp(-(1.2 * normal() + (y ? 1 : -0.5))));
    // Some scores in thousandths: ties, as rounded scores have.
    return rng.next() < 0.3 ? Math.round(s * 1000) / 1000 : s;
  });
  const profile = new OutcomeProfile('classification');
  label.forEach((y, i) => {
    profile.update(y ? 1 : 0, score[i] >= 0.5 ? 1 : 0, { '0': 1 - score[i], '1': score[i] });
  });
  const order = byScore(score);
  const task = 'binary_classification';
  const rowMetric = (name: string) => {
    const m = performanceMetric(task, name, '1');
    return m.fn(
      label.map((y) => (y ? '1' : '0')),
      score,
    );
  };

  it('ROC AUC: Hanley–McNeil', () => {
    const auc = weightedAuc(order, score, label);
    close(auc(ALL), rocAucScore(label.map(Number), score));
    const exact = OutcomeProfile.fromBytes(profile.toBytes());
    const cs = exact.classes.get('1');
    if (cs === undefined) throw new Error('no class 1');
    cs.pos = exactSketch(score.filter((_, i) => label[i]));
    cs.neg = exactSketch(score.filter((_, i) => !label[i]));
    const ci = profileInterval(task, 'rocAuc', '1', exact, OPTIONS);
    expect(interval(ci).method).toBe('Hanley–McNeil');
    agrees(ci, rowBootstrap(auc), auc(ALL), HM_TOLERANCE);
  });

  it('ROC AUC from the k = 400 sketches: widened by their bound', () => {
    const m = metricFromProfile(task, 'rocAuc', '1', profile);
    const bound = m.errorBound as number;
    expect(bound).toBeGreaterThan(0);
    const cs = profile.classes.get('1');
    if (cs === undefined) throw new Error('no class 1');
    const half = ndtri(0.975) * hanleyMcNeilSe(m.value, cs.positives, cs.n - cs.positives);
    const got = interval(profileInterval(task, 'rocAuc', '1', profile, OPTIONS));
    close(got.low, m.value - half - bound);
    close(got.high, m.value + half + bound);
    expect(got.low).toBeLessThan(rocAucScore(label.map(Number), score));
    expect(got.high).toBeGreaterThan(rocAucScore(label.map(Number), score));
  });

  it('log loss and Brier score: normal approximation of a mean', () => {
    const logLoss = label.map((y, i) => {
      const p = Math.min(Math.max(score[i], 2.220446049250313e-16), 1 - 2.220446049250313e-16);
      return -Math.log(y ? p : 1 - p);
    });
    const brier = label.map((y, i) => ((y ? 1 : 0) - score[i]) ** 2);
    for (const [name, loss] of [
      ['logLoss', logLoss],
      ['brierScore', brier],
    ] as const) {
      const stat = weightedMean(loss);
      expect(Math.abs(stat(ALL) - rowMetric(name))).toBeLessThanOrEqual(1e-12);
      const ci = profileInterval(task, name, '1', profile, OPTIONS);
      expect(interval(ci).method).toBe('normal approximation of a mean');
      agrees(ci, rowBootstrap(stat), stat(ALL));
    }
  });

  it('expected calibration error: parametric bootstrap over the bins', () => {
    const bin = score.map((s) => Math.min(Math.floor(s * ECE_BINS), ECE_BINS - 1));
    const ece = (w: Float64Array) => {
      const count = new Float64Array(ECE_BINS);
      const hits = new Float64Array(ECE_BINS);
      const conf = new Float64Array(ECE_BINS);
      for (let k = 0; k < N; k++) {
        count[bin[k]] += w[k];
        if (label[k]) hits[bin[k]] += w[k];
        conf[bin[k]] += w[k] * score[k];
      }
      let e = 0;
      for (let b = 0; b < ECE_BINS; b++) e += Math.abs(hits[b] - conf[b]);
      return e / N;
    };
    expect(Math.abs(ece(ALL) - rowMetric('expectedCalibrationError'))).toBeLessThanOrEqual(1e-12);
    const ci = profileInterval(task, 'expectedCalibrationError', '1', profile, OPTIONS);
    expect(ci).toMatchObject({
      method: 'parametric bootstrap over the calibration bins',
      resamples: RESAMPLES,
    });
    agrees(ci, rowBootstrap(ece), ece(ALL));
  });

  it('average precision on the rows: the logit interval (Boyd et al. 2013)', () => {
    const ap = weightedAp(order, score, label);
    close(
      ap(ALL),
      averagePrecisionScore(
        label.map((y) => (y ? 1 : 0)),
        score,
      ),
    );
    const positives = label.filter((y) => y).length;
    const ci = averagePrecisionInterval(ap(ALL), positives, OPTIONS.confidence);
    agrees(ci, rowBootstrap(ap), ap(ALL));
  });

  it('a confusion-matrix metric keeps its multinomial bootstrap', () => {
    const ci = profileInterval(task, 'accuracy', '1', profile, OPTIONS);
    expect(ci).toMatchObject({
      method: 'multinomial bootstrap over the confusion matrix',
      resamples: RESAMPLES,
    });
    const hit = label.map((y, i) => (y === score[i] >= 0.5 ? 1 : 0));
    const stat = weightedMean(hit);
    agrees(ci, rowBootstrap(stat), stat(ALL));
  });
});

describe('multiclass classification: the profile intervals agree with the row bootstrap', () => {
  const classes = ['a', 'b', 'c'];
  // Unequal classes, so the weighted average differs from the macro one.
  const label = Array.from({ length: N }, () => {
    const u = rng.next();
    return u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
  });
  const proba = label.map((y) => {
    const w = classes.map((_, k) => Math.exp(normal() + (k === y ? 1.2 : 0)));
    const total = w[0] + w[1] + w[2];
    return w.map((x) => x / total);
  });
  const profile = new OutcomeProfile('classification');
  label.forEach((y, i) => {
    const p = proba[i];
    const top = p.indexOf(Math.max(...p));
    profile.update(classes[y], classes[top], { a: p[0], b: p[1], c: p[2] });
  });
  const task = 'multiclass_classification';
  const events = label.map((y, i) => ({
    eventId: 'e',
    ts: '2026-03-01T00:00:00.000Z',
    prediction: null,
    scores: { a: proba[i][0], b: proba[i][1], c: proba[i][2] },
    latencyMs: null,
    segment: null,
    label: classes[y],
  }));
  const rowMetric = (name: string) => {
    const m = performanceMetric(task, name, '1');
    const { yTrue, yPred } = m.columns(events);
    return m.fn(yTrue, yPred);
  };

  it('log loss: normal approximation of a mean', () => {
    const loss = label.map((y, i) => -Math.log(proba[i][y]));
    const stat = weightedMean(loss);
    expect(Math.abs(stat(ALL) - rowMetric('logLoss'))).toBeLessThanOrEqual(1e-12);
    agrees(profileInterval(task, 'logLoss', '1', profile, OPTIONS), rowBootstrap(stat), stat(ALL));
  });

  it('one-vs-rest ROC AUC, macro and weighted: Hanley–McNeil, averaged', () => {
    const exact = OutcomeProfile.fromBytes(profile.toBytes());
    const per = classes.map((c, k) => {
      const s = proba.map((p) => p[k]);
      const pos = label.map((y) => y === k);
      const cs = exact.classes.get(c);
      if (cs === undefined) throw new Error(`no class ${c}`);
      cs.pos = exactSketch(s.filter((_, i) => pos[i]));
      cs.neg = exactSketch(s.filter((_, i) => !pos[i]));
      return { auc: weightedAuc(byScore(s), s, pos), pos };
    });
    expect(ovrAucs(exact).every((a) => a.bound === 0)).toBe(true);
    for (const name of ['rocAucOvrMacro', 'rocAucOvrWeighted']) {
      const weighted = name === 'rocAucOvrWeighted';
      const stat = (w: Float64Array) => {
        let sum = 0;
        let weight = 0;
        for (const { auc, pos } of per) {
          let support = 1;
          if (weighted) {
            support = 0;
            for (let i = 0; i < N; i++) if (pos[i]) support += w[i];
          }
          sum += support * auc(w);
          weight += support;
        }
        return sum / weight;
      };
      close(stat(ALL), rowMetric(name));
      const ci = profileInterval(task, name, '1', exact, OPTIONS);
      expect(interval(ci).method).toBe('Hanley–McNeil, averaged');
      agrees(ci, rowBootstrap(stat), stat(ALL), HM_TOLERANCE);
    }
  });
});

describe('regression: the profile intervals agree with the row bootstrap', () => {
  // Skewed, heteroscedastic errors of a biased model, so the variances are not a normal's.
  const y = Array.from({ length: N }, () => 50 + 10 * normal());
  const pred = y.map((t) => t + 0.2 * (t - 50) + 4 * normal() * (1 + Math.abs(normal())) + 1);
  const profile = new OutcomeProfile('regression');
  y.forEach((t, i) => {
    profile.update(t, pred[i], null);
  });
  const r = y.map((t, i) => t - pred[i]);
  const abs = r.map(Math.abs);
  const task = 'regression';
  const rowMetric = (name: string) => performanceMetric(task, name, '1').fn(y, pred);
  const mse = weightedMean(r.map((x) => x * x));

  const means: [string, (w: Float64Array) => number][] = [
    ['mae', weightedMean(abs)],
    ['mse', mse],
    ['rmse', (w) => Math.sqrt(mse(w))],
    ['mape', weightedMean(abs.map((a, i) => a / Math.abs(y[i])))],
  ];
  for (const [name, stat] of means) {
    it(`${name}: normal approximation of a mean`, () => {
      expect(Math.abs(stat(ALL) - rowMetric(name))).toBeLessThanOrEqual(1e-9 * stat(ALL));
      const ci = profileInterval(task, name, '1', profile, OPTIONS);
      expect(interval(ci).method).toMatch(/^normal approximation of a mean/);
      agrees(ci, rowBootstrap(stat), stat(ALL));
    });
  }

  it('R² and explained variance: the delta method', () => {
    const moments = (w: Float64Array) => {
      let n = 0;
      let sy = 0;
      let syy = 0;
      let sr = 0;
      let srr = 0;
      for (let k = 0; k < N; k++) {
        n += w[k];
        sy += w[k] * y[k];
        syy += w[k] * y[k] * y[k];
        sr += w[k] * r[k];
        srr += w[k] * r[k] * r[k];
      }
      const vy = syy / n - (sy / n) ** 2;
      return { mse: srr / n, vr: srr / n - (sr / n) ** 2, vy };
    };
    const stats = {
      r2: (w: Float64Array) => {
        const m = moments(w);
        return 1 - m.mse / m.vy;
      },
      explainedVariance: (w: Float64Array) => {
        const m = moments(w);
        return 1 - m.vr / m.vy;
      },
    };
    for (const [name, stat] of Object.entries(stats)) {
      expect(Math.abs(stat(ALL) - rowMetric(name)), name).toBeLessThanOrEqual(1e-9);
      const ci = profileInterval(task, name, '1', profile, OPTIONS);
      expect(interval(ci).method).toBe('delta method');
      agrees(ci, rowBootstrap(stat), stat(ALL));
    }
  });

  it('median absolute error: order statistics', () => {
    const order = byScore(abs);
    const median = (w: Float64Array) => {
      let n = 0;
      for (let k = 0; k < N; k++) n += w[k];
      // The middle two of the n resampled values, in order (the same one when n is odd).
      const lo = (n - 1) >> 1;
      const hi = n >> 1;
      let cum = 0;
      let a = Number.NaN;
      for (const k of order) {
        cum += w[k];
        if (Number.isNaN(a) && cum > lo) a = abs[k];
        if (cum > hi) return (a + abs[k]) / 2;
      }
      return Number.NaN;
    };
    close(median(ALL), rowMetric('medianAbsoluteError'));
    const exact = OutcomeProfile.fromBytes(profile.toBytes());
    (exact.residuals as NonNullable<typeof exact.residuals>).absR = exactSketch(abs);
    const ci = profileInterval(task, 'medianAbsoluteError', '1', exact, OPTIONS);
    expect(interval(ci).method).toBe('order statistics');
    const boot = rowBootstrap(median);
    agrees(ci, boot, median(ALL));
    // From the k = 400 sketch: each rank widened by its rank error, so wider still.
    const wide = interval(profileInterval(task, 'medianAbsoluteError', '1', profile, OPTIONS));
    expect(wide.low).toBeLessThan(boot.low);
    expect(wide.high).toBeGreaterThan(boot.high);
    const rank = (x: number) => abs.filter((a) => a <= x).length / N;
    const eps = rankError(profile.residuals?.absR ?? null);
    const d = ndtri(0.975) * Math.sqrt(0.25 / N);
    // The sketch's quantile is within its rank error of the rank asked for (99 %).
    expect(Math.abs(rank(wide.low) - (0.5 - d - eps))).toBeLessThanOrEqual(eps);
    expect(Math.abs(rank(wide.high) - (0.5 + d + eps))).toBeLessThanOrEqual(eps);
  });

  it('max error: no interval, and why', () => {
    expect(profileInterval(task, 'maxError', '1', profile, OPTIONS)).toEqual({
      skipped: 'the largest error has no sampling interval',
    });
  });
});
