/**
 * Performance of a window of more than EXACT_LABELS labelled predictions, through the HTTP
 * API on each database: measured from the outcome profiles kept as labels join (labels sent
 * before their predictions included), accuracy equal to @tend/core's on the rows, ROC AUC
 * within the bound it states, the confidently wrong share exact; average precision from the
 * stored scores equal to @tend/core's on the rows (scores with ties; per segment; either class
 * positive); every metric with the interval its method gives (`outcome-intervals.ts`), but
 * the max error; a corrected label marks the window's profiles stale, and the next evaluation
 * rebuilds them and the scores from the rows, as it rebuilds profiles stored in an older
 * format and a window whose scores are incomplete (labels joined before they were kept).
 */
import {
  accuracyScore,
  averagePrecisionScore,
  createRng,
  logLoss,
  maxError,
  meanAbsoluteError,
  medianAbsoluteError,
  r2Score,
  recallScore,
  rocAucScore,
} from '@tend/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';
import { OUTCOME_PROFILE_FORMAT } from '../profiles/outcome-profile.js';
import { EXACT_LABELS } from './performance-metric.js';

const N = 24_000;
const WINDOW = '2026-03-01T10:00:00.000Z';
const rng = createRng(17);
const normal = () => {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
const REGIONS = ['EU', 'US', 'APAC'];

const truth = Array.from({ length: N }, () => (rng.next() < 0.35 ? 1 : 0));
const score = truth.map((y, i) => {
  const s = 1 / (1 + Math.exp(-(1.3 * normal() + (y === 1 ? 0.8 : -0.6) + (i % 3) * 0.2)));
  return Math.round(s * 10_000) / 10_000;
});
const predicted = score.map((s) => (s >= 0.5 ? 1 : 0));
const events = truth.map((_, i) => ({
  id: `p${i}`,
  timestamp: new Date(Date.parse(WINDOW) + i * 100).toISOString(),
  version: 1,
  features: { x: i % 100 },
  prediction: predicted[i],
  probabilities: { '0': 1 - score[i], '1': score[i] },
  segment: { region: REGIONS[i % 3] },
}));
/** A regression model's window of N labelled predictions, its errors skewed. */
const actual = Array.from({ length: N }, () => Math.round((40 + 8 * normal()) * 100) / 100);
const estimate = actual.map(
  (y) => Math.round((y + 1 + 3 * normal() * (1 + Math.abs(normal()))) * 100) / 100,
);

interface Result {
  monitor: string;
  segment: string;
  metric: string;
  value: number | null;
  detail: Record<string, unknown>;
}

describe.each(testDialects())('performance from outcome profiles on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  const labels: number[] = [...truth];

  const post = async (path: string, body: unknown) => {
    const r = await sendJson(tend, 'POST', `/api/v1/models/big${path}`, body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const sendLabels = async (from: number, to: number) => {
    for (let i = from; i < to; i += 10_000) {
      const ids = Array.from({ length: Math.min(10_000, to - i) }, (_, k) => i + k);
      await post(
        '/labels',
        ids.map((k) => ({ id: `p${k}`, label: labels[k] })),
      );
    }
  };
  const evaluate = async () =>
    (await post('/monitors/evaluate', { window: WINDOW })).results as Result[];
  const find = (results: Result[], monitor: string, metric: string, segment = '') => {
    const r = results.find(
      (x) => x.monitor === monitor && x.metric === metric && x.segment === segment,
    );
    if (r === undefined) throw new Error(`no ${monitor} ${metric} ${segment} result`);
    return r;
  };
  /** The stored outcome profiles of the model `big`. */
  const profileRows = () =>
    tend.ctx.db
      .selectFrom('outcome_profiles')
      .innerJoin('models', 'models.id', 'outcome_profiles.model_id')
      .select(['segment', 'labelled', 'stale', 'profile'])
      .where('models.name', '=', 'big')
      .orderBy('segment')
      .execute();
  /** The stored score chunks of the model `big`: segment, class and how many scores. */
  const scoreRows = async () =>
    (
      await tend.ctx.db
        .selectFrom('outcome_scores')
        .innerJoin('models', 'models.id', 'outcome_scores.model_id')
        .select(['outcome_scores.id', 'segment', 'class', 'positives', 'negatives'])
        .where('models.name', '=', 'big')
        .orderBy('outcome_scores.id')
        .execute()
    ).map((r) => ({
      id: r.id,
      segment: r.segment,
      cls: r.class,
      positives: r.positives.byteLength / 8,
      negatives: r.negatives.byteLength / 8,
    }));
  /** Scores per segment and class, all chunks added up. */
  const scoreCounts = async () => {
    const out: Record<string, number> = {};
    for (const r of await scoreRows()) {
      const key = `${r.segment}|${r.cls}`;
      out[key] = (out[key] ?? 0) + r.positives + r.negatives;
    }
    return out;
  };
  /** Average precision as @tend/core gives it on these rows, class '1' or '0' positive. */
  const apOnRows = (y: number[], s: number[], ids: number[], positive = 1) =>
    averagePrecisionScore(
      ids.map((i) => (y[i] === positive ? 1 : 0)),
      ids.map((i) => (positive === 1 ? s[i] : 1 - s[i])),
    );
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);
  const region = (n: number, k: number) => all(n).filter((i) => i % 3 === k);
  /** |value − expected| ≤ 1e-12·|expected|. */
  const nearly = (value: number | null, expected: number) => {
    expect(value).not.toBeNull();
    expect(Math.abs((value as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
  };
  /** Rewrite the stored profiles as a server of format 1 left them (its first byte). */
  const downgrade = async () => {
    for (const r of await profileRows()) {
      const old = Buffer.from(r.profile);
      old[0] = 1;
      await tend.ctx.db
        .updateTable('outcome_profiles')
        .set({ profile: old })
        .where('segment', '=', r.segment)
        .where('model_id', '=', (eb) =>
          eb.selectFrom('models').select('id').where('name', '=', 'big'),
        )
        .execute();
    }
    const rows = await profileRows();
    expect(rows.every((r) => r.profile[0] === 1 && r.stale === 0)).toBe(true);
  };

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect, { now: () => '2026-03-02T00:00:00.000Z' }));
    const created = await sendJson(tend, 'POST', '/api/v1/models', {
      name: 'big',
      task: 'binary_classification',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await sendJson(tend, 'POST', '/api/v1/models/big/versions', {})).statusCode).toBe(201);
    for (const [name, config] of [
      [
        'accuracy',
        { metric: 'accuracy', segments: ['region'], fairness: { attribute: 'region', maxGap: 1 } },
      ],
      ['recall', { metric: 'recall', bootstrap: 0 }],
      ['auc', { metric: 'rocAuc' }],
      ['logloss', { metric: 'logLoss' }],
      ['ap', { metric: 'averagePrecision', segments: ['region'] }],
      ['ap0', { metric: 'averagePrecision', positiveLabel: '0' }],
    ] as const) {
      const r = await sendJson(tend, 'PUT', `/api/v1/models/big/monitors/${name}`, {
        kind: 'performance',
        config,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // A reference with the labels' own distribution, for label drift read from the profiles.
    const reference = ['x,label', ...truth.slice(0, 2000).map((y, i) => `${i % 100},${y}`)].join(
      '\n',
    );
    const ref = await tend.app.inject({
      method: 'PUT',
      url: '/api/v1/models/big/versions/1/reference?format=csv&label=label',
      payload: reference,
      headers: { 'content-type': 'text/csv' },
    });
    expect(ref.statusCode, ref.body).toBe(200);
    await sendJson(tend, 'PUT', '/api/v1/models/big/monitors/labels', { kind: 'label_drift' });
    const outputs = await sendJson(tend, 'PUT', '/api/v1/models/big/monitors/outputs', {
      kind: 'outputs',
      config: { confidentWrong: 0.8 },
    });
    expect(outputs.statusCode, outputs.body).toBe(201);
    // The first 3 000 labels come before their predictions.
    await sendLabels(0, 3000);
    for (let i = 0; i < N; i += 8000) await post('/predictions', events.slice(i, i + 8000));
    await sendLabels(3000, N);
    // The regression model: predictions, then their labels.
    expect(
      (await sendJson(tend, 'POST', '/api/v1/models', { name: 'reg', task: 'regression' }))
        .statusCode,
    ).toBe(201);
    expect((await sendJson(tend, 'POST', '/api/v1/models/reg/versions', {})).statusCode).toBe(201);
    for (const metric of ['mae', 'medianAbsoluteError', 'maxError', 'r2']) {
      const r = await sendJson(tend, 'PUT', `/api/v1/models/reg/monitors/${metric}`, {
        kind: 'performance',
        config: { metric },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const regression = actual.map((_, i) => ({
      id: `r${i}`,
      timestamp: new Date(Date.parse(WINDOW) + i * 100).toISOString(),
      version: 1,
      features: { x: i % 100 },
      prediction: estimate[i],
    }));
    for (let i = 0; i < N; i += 8000) {
      const r = await sendJson(
        tend,
        'POST',
        '/api/v1/models/reg/predictions',
        regression.slice(i, i + 8000),
      );
      expect(r.statusCode, r.body).toBe(200);
    }
    for (let i = 0; i < N; i += 8000) {
      const batch = actual.slice(i, i + 8000).map((y, k) => ({ id: `r${i + k}`, label: y }));
      const r = await sendJson(tend, 'POST', '/api/v1/models/reg/labels', batch);
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(async () => {
    await dispose();
  });

  it('measures a large window from its profiles: accuracy as on the rows, ROC AUC within its bound', async () => {
    expect(N).toBeGreaterThan(EXACT_LABELS);
    const rows = await profileRows();
    expect(rows.map((r) => [r.segment, r.labelled, r.stale])).toEqual([
      ['', N, 0],
      ['region=APAC', N / 3, 0],
      ['region=EU', N / 3, 0],
      ['region=US', N / 3, 0],
    ]);
    const results = await evaluate();
    const acc = find(results, 'accuracy', 'accuracy');
    expect(acc.value).toBe(accuracyScore(truth, predicted));
    expect(acc.detail).toMatchObject({ labels: N, source: 'outcome_profile', exact: true });
    const [low, high] = acc.detail.interval as [number, number];
    expect(low).toBeLessThan(acc.value as number);
    expect(high).toBeGreaterThan(acc.value as number);
    for (const [k, region] of REGIONS.entries()) {
      const ids = truth.map((_, i) => i).filter((i) => i % 3 === k);
      const seg = find(results, 'accuracy', 'accuracy', `region=${region}`);
      expect(seg.value).toBe(
        accuracyScore(
          ids.map((i) => truth[i]),
          ids.map((i) => predicted[i]),
        ),
      );
    }
    expect(find(results, 'accuracy', 'fairness_gap:accuracy:region').value).toBeGreaterThan(0);
    expect(find(results, 'recall', 'recall').value).toBe(recallScore(truth, predicted));
    const auc = find(results, 'auc', 'rocAuc');
    expect(auc.detail).toMatchObject({ exact: false, errorBoundOn: 'value' });
    const bound = auc.detail.errorBound as number;
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(0.02);
    expect(Math.abs((auc.value as number) - rocAucScore(truth, score))).toBeLessThanOrEqual(bound);
    // Every metric has its interval, by the method it names.
    expect(acc.detail.intervalMethod).toBe('multinomial bootstrap over the confusion matrix');
    expect(acc.detail.resamples).toBe(200);
    expect(auc.detail.intervalMethod).toBe('Hanley–McNeil');
    expect(auc.detail.intervalSkipped).toBeUndefined();
    const [aucLow, aucHigh] = auc.detail.interval as [number, number];
    // value ± (z·SE + the sketches' bound): wider than the bound on each side.
    expect(aucLow).toBeLessThan((auc.value as number) - bound);
    expect(aucHigh).toBeGreaterThan((auc.value as number) + bound);
    const loss = find(results, 'logloss', 'logLoss');
    expect(Math.abs((loss.value as number) - logLoss(truth, score))).toBeLessThan(1e-9);
    expect(loss.detail).toMatchObject({
      source: 'outcome_profile',
      intervalMethod: 'normal approximation of a mean',
    });
    const [lossLow, lossHigh] = loss.detail.interval as [number, number];
    expect(lossLow).toBeLessThan(loss.value as number);
    expect(lossHigh).toBeGreaterThan(loss.value as number);
    expect(lossHigh - lossLow).toBeLessThan(0.03);
    // Average precision from the stored scores, as on the rows (scores with ties), with the
    // logit interval the rows give it above 20 000 of them.
    expect(new Set(score).size).toBeLessThan(N / 2);
    const ap = find(results, 'ap', 'averagePrecision');
    nearly(ap.value, apOnRows(truth, score, all(N)));
    expect(ap.detail).toMatchObject({ labels: N, source: 'outcome_scores', exact: true });
    expect(ap.detail.intervalMethod).toBe('logit (Boyd et al. 2013)');
    const [apLow, apHigh] = ap.detail.interval as [number, number];
    expect(apLow).toBeLessThan(ap.value as number);
    expect(apHigh).toBeGreaterThan(ap.value as number);
    for (const [k, r] of REGIONS.entries()) {
      const seg = find(results, 'ap', 'averagePrecision', `region=${r}`);
      nearly(seg.value, apOnRows(truth, score, region(N, k)));
      expect(seg.detail).toMatchObject({ labels: N / 3, source: 'outcome_scores' });
    }
    // Class '0' positive: its own scores, its own rows as positives.
    nearly(find(results, 'ap0', 'averagePrecision').value, apOnRows(truth, score, all(N), 0));
    // Every score of each class, in each segment, stored once.
    expect(await scoreCounts()).toEqual({
      '|0': N,
      '|1': N,
      'region=APAC|0': N / 3,
      'region=APAC|1': N / 3,
      'region=EU|0': N / 3,
      'region=EU|1': N / 3,
      'region=US|0': N / 3,
      'region=US|1': N / 3,
    });
    // A monitor with bootstrap: 0 asks for no interval.
    const recall = find(results, 'recall', 'recall');
    expect(recall.detail.interval).toBeUndefined();
    expect(recall.detail.intervalSkipped).toBeUndefined();
    const wrong = find(results, 'outputs', 'confident_wrong_share');
    const count = truth.filter(
      (y, i) => predicted[i] !== y && Math.max(score[i], 1 - score[i]) >= 0.8,
    );
    expect(wrong.value).toBe(count.length / N);
    expect(wrong.detail).toMatchObject({ exact: true, labelled: N });
    // Label drift from the labels profiled as they joined: every one of them, no row read.
    const drift = find(results, 'labels', 'label');
    expect(drift.detail).toMatchObject({ exact: false, currentValues: N });
    expect(drift.value as number).toBeLessThan(0.05);
  });

  it('gives a large regression window an interval for every metric but the max error', async () => {
    const results = (
      await sendJson(tend, 'POST', '/api/v1/models/reg/monitors/evaluate', { window: WINDOW })
    ).json().results as Result[];
    const mae = find(results, 'mae', 'mae');
    expect(mae.detail).toMatchObject({
      labels: N,
      source: 'outcome_profile',
      exact: true,
      intervalMethod: 'normal approximation of a mean',
    });
    expect(Math.abs((mae.value as number) - meanAbsoluteError(actual, estimate))).toBeLessThan(
      1e-9,
    );
    const median = find(results, 'medianAbsoluteError', 'medianAbsoluteError');
    expect(median.detail).toMatchObject({
      exact: false,
      errorBoundOn: 'rank',
      intervalMethod: 'order statistics',
    });
    const r2 = find(results, 'r2', 'r2');
    expect(Math.abs((r2.value as number) - r2Score(actual, estimate))).toBeLessThan(1e-9);
    expect(r2.detail.intervalMethod).toBe('delta method');
    for (const r of [mae, median, r2]) {
      const [low, high] = r.detail.interval as [number, number];
      expect(low, r.metric).toBeLessThan(r.value as number);
      expect(high, r.metric).toBeGreaterThan(r.value as number);
      expect(r.detail.intervalSkipped, r.metric).toBeUndefined();
    }
    // The median's interval holds the rows' median, which the sketch only approximates.
    const [mLow, mHigh] = median.detail.interval as [number, number];
    expect(mLow).toBeLessThan(medianAbsoluteError(actual, estimate));
    expect(mHigh).toBeGreaterThan(medianAbsoluteError(actual, estimate));
    const max = find(results, 'maxError', 'maxError');
    expect(max.value).toBe(maxError(actual, estimate));
    expect(max.detail.interval).toBeUndefined();
    expect(max.detail.intervalSkipped).toBe('the largest error has no sampling interval');
  });

  it('rebuilds the profiles after a label is corrected, and measures the corrected labels', async () => {
    // The same labels again change nothing.
    await sendLabels(0, 1000);
    expect((await profileRows()).every((r) => r.stale === 0)).toBe(true);
    for (let i = 0; i < 4000; i++) labels[i] = 1 - labels[i];
    await sendLabels(0, 4000);
    const stale = await profileRows();
    expect(stale.every((r) => r.stale === 1 && r.labelled === (r.segment === '' ? N : N / 3))).toBe(
      true,
    );
    const results = await evaluate();
    const acc = find(results, 'accuracy', 'accuracy');
    expect(acc.value).toBe(accuracyScore(labels, predicted));
    expect(acc.value).not.toBe(accuracyScore(truth, predicted));
    const auc = find(results, 'auc', 'rocAuc');
    expect(Math.abs((auc.value as number) - rocAucScore(labels, score))).toBeLessThanOrEqual(
      auc.detail.errorBound as number,
    );
    expect((await profileRows()).every((r) => r.stale === 0)).toBe(true);
    // Average precision from the rebuilt scores: the corrected labels, overall and per segment.
    const ap = find(results, 'ap', 'averagePrecision');
    nearly(ap.value, apOnRows(labels, score, all(N)));
    expect(ap.value).not.toBe(apOnRows(truth, score, all(N)));
    for (const [k, r] of REGIONS.entries()) {
      nearly(
        find(results, 'ap', 'averagePrecision', `region=${r}`).value,
        apOnRows(labels, score, region(N, k)),
      );
    }
    nearly(find(results, 'ap0', 'averagePrecision').value, apOnRows(labels, score, all(N), 0));
    expect((await scoreCounts())['|1']).toBe(N);
    // Labels joining after the rebuild add to it.
    await post('/predictions', [{ ...events[0], id: 'late', timestamp: WINDOW }]);
    await post('/labels', [{ id: 'late', label: 1 - predicted[0] }]);
    const after = find(await evaluate(), 'accuracy', 'accuracy');
    expect(after.value).toBe(
      accuracyScore([...labels, 1 - predicted[0]], [...predicted, predicted[0]]),
    );
    expect(after.detail.labels).toBe(N + 1);
  });

  it('rebuilds profiles stored in an older format, and marks them stale when labels join them', async () => {
    const y = [...labels, 1 - predicted[0]];
    const p = [...predicted, predicted[0]];
    const s = [...score, score[0]];
    await downgrade();
    // Read as stale: rebuilt from the rows in the current format, then measured.
    const results = await evaluate();
    expect(find(results, 'accuracy', 'accuracy').value).toBe(accuracyScore(y, p));
    const auc = find(results, 'auc', 'rocAuc');
    expect(Math.abs((auc.value as number) - rocAucScore(y, s))).toBeLessThanOrEqual(
      auc.detail.errorBound as number,
    );
    expect(auc.detail.intervalMethod).toBe('Hanley–McNeil');
    const rebuilt = await profileRows();
    expect(rebuilt.every((r) => r.profile[0] === OUTCOME_PROFILE_FORMAT && r.stale === 0)).toBe(
      true,
    );
    // A label joining a profile of format 1 counts, and marks its window stale.
    await downgrade();
    await post('/predictions', [{ ...events[1], id: 'later', timestamp: WINDOW }]);
    await post('/labels', [{ id: 'later', label: 1 - predicted[1] }]);
    const joined = await profileRows();
    expect(joined.every((r) => r.stale === 1)).toBe(true);
    expect(joined.find((r) => r.segment === '')?.labelled).toBe(N + 2);
    const after = find(await evaluate(), 'accuracy', 'accuracy');
    expect(after.value).toBe(accuracyScore([...y, 1 - predicted[1]], [...p, predicted[1]]));
    expect(after.detail.labels).toBe(N + 2);
    const fresh = await profileRows();
    expect(fresh.every((r) => r.profile[0] === OUTCOME_PROFILE_FORMAT && r.stale === 0)).toBe(true);
  });

  it('rebuilds a window whose scores are fewer than its profile counts, never measuring part of it', async () => {
    const y = [...labels, 1 - predicted[0], 1 - predicted[1]];
    const s = [...score, score[0], score[1]];
    // A complete window is read as it is: its chunks are not written again.
    const before = await scoreRows();
    nearly(find(await evaluate(), 'ap', 'averagePrecision').value, apOnRows(y, s, all(N + 2)));
    expect(await scoreRows()).toEqual(before);
    // As if its labels had joined before migration 0004: no chunk of theirs; then one more
    // labelled prediction, whose scores alone are stored.
    await tend.ctx.db
      .deleteFrom('outcome_scores')
      .where(
        'id',
        'in',
        before.map((r) => r.id),
      )
      .execute();
    await post('/predictions', [{ ...events[2], id: 'latest', timestamp: WINDOW }]);
    await post('/labels', [{ id: 'latest', label: truth[2] }]);
    expect(await scoreCounts()).toEqual({
      '|0': 1,
      '|1': 1,
      'region=APAC|0': 1,
      'region=APAC|1': 1,
    });
    expect((await profileRows()).every((r) => r.stale === 0)).toBe(true);
    // The evaluation rebuilds the window from its rows before measuring it.
    y.push(truth[2]);
    s.push(score[2]);
    const results = await evaluate();
    const ap = find(results, 'ap', 'averagePrecision');
    nearly(ap.value, apOnRows(y, s, all(N + 3)));
    expect(ap.detail.labels).toBe(N + 3);
    const apac = find(results, 'ap', 'averagePrecision', 'region=APAC');
    nearly(apac.value, apOnRows(y, s, region(N + 3, 2)));
    nearly(find(results, 'ap0', 'averagePrecision').value, apOnRows(y, s, all(N + 3), 0));
    const counts = await scoreCounts();
    expect([counts['|0'], counts['|1'], counts['region=APAC|1']]).toEqual([
      N + 3,
      N + 3,
      N / 3 + 1,
    ]);
    expect(find(results, 'accuracy', 'accuracy').value).toBe(
      accuracyScore(y, [...predicted, predicted[0], predicted[1], predicted[2]]),
    );
  });
});
