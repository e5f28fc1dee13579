/**
 * A hand-made report that exercises every part of the page: drifted and stable numerical and
 * categorical columns, an untested datetime column, prediction and target drift lines,
 * multivariate drift, performance with segments and fairness, passing and failing conditions
 * (one whose value is NaN), and a column whose name is an HTML injection attempt. Used by the
 * tests and to eyeball the page.
 */
import type { Report } from '../report-types.js';
import { sampleColumns } from './sample-columns.js';

export { HOSTILE_NAME } from './sample-columns.js';

/**
 * A complete sample report (fresh objects on every call, so a test may mutate its copy).
 *
 * @example
 * sampleReport().columns.length; // 9
 */
export function sampleReport(): Report {
  const cols = sampleColumns();
  const byName = (n: string) => cols.find((c) => c.name === n)!.drift!;
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-26T12:00:00.000Z',
    tendVersion: '0.1.0',
    reference: { path: 'data/train.csv', format: 'csv', rows: 5000, columns: 10 },
    current: { path: 'data/prod-2026-11.parquet', format: 'parquet', rows: 4200, columns: 10 },
    mapping: {
      target: 'churned',
      prediction: { kind: 'score', columns: ['score'] },
      timestamp: 'signup_date',
      id: 'customer_id',
      segments: ['region'],
      ignored: ['notes'],
    },
    settings: { preset: 'tend', stattest: { income: 'ks' } },
    dataset: {
      quality: {
        referenceRows: 5000,
        currentRows: 4200,
        volumeChange: -0.16,
        duplicateRows: { reference: 3, current: 17 },
        missingColumns: ['legacy_flag'],
        addedColumns: ['utm_source'],
        missingShare: { reference: 0.0012, current: 0.0046 },
      },
      drift: {
        driftedColumns: ['age', 'city'],
        testedColumns: 5,
        share: 0.4,
        drifted: false,
        shareThreshold: 0.5,
        rule: 'dataset drifts when ≥ 50 % of features drift',
        correction: 'benjamini-hochberg',
        prediction: { ...byName('score'), column: 'score' },
        target: { ...byName('churned'), column: 'churned' },
        multivariate: {
          domainClassifier: { rocAuc: 0.712, folds: 5, seed: 42, threshold: 0.55, drifted: true },
          pcaReconstruction: {
            components: 2,
            referenceError: 0.412,
            currentError: 0.498,
            relativeChange: 0.2087,
            threshold: 0.1,
            drifted: true,
          },
        },
      },
    },
    columns: cols,
    performance: {
      task: 'binary',
      reference: {
        accuracy: { value: 0.874, low: 0.865, high: 0.883 },
        f1: { value: 0.702, low: 0.681, high: 0.722 },
        rocAuc: { value: 0.913, low: 0.905, high: 0.921 },
        logLoss: { value: 0.301 },
      },
      current: {
        accuracy: { value: 0.811, low: 0.799, high: 0.823 },
        f1: { value: 0.641, low: 0.618, high: 0.664 },
        rocAuc: { value: 0.862, low: 0.851, high: 0.873 },
        logLoss: { value: 0.398 },
      },
      segments: [
        {
          segment: 'region',
          value: 'north',
          rows: { reference: 2750, current: 2184 },
          reference: {
            accuracy: { value: 0.881, low: 0.869, high: 0.893 },
            f1: { value: 0.71 },
          },
          current: {
            accuracy: { value: 0.83, low: 0.814, high: 0.846 },
            f1: { value: 0.66 },
          },
        },
        {
          segment: 'region',
          value: 'south',
          rows: { reference: 2250, current: 2016 },
          reference: {
            accuracy: { value: 0.866, low: 0.852, high: 0.88 },
            f1: { value: 0.69 },
          },
          current: {
            accuracy: { value: 0.79, low: 0.772, high: 0.808 },
            f1: { value: 0.62 },
          },
        },
      ],
      fairness: [
        {
          segment: 'region',
          privileged: 'north',
          unprivileged: 'south',
          dataset: 'reference',
          statisticalParityDifference: -0.021,
          disparateImpact: 0.93,
          equalOpportunityDifference: -0.015,
          averageOddsDifference: -0.012,
        },
        {
          segment: 'region',
          privileged: 'north',
          unprivileged: 'south',
          dataset: 'current',
          statisticalParityDifference: -0.082,
          disparateImpact: 0.74,
          equalOpportunityDifference: -0.061,
          averageOddsDifference: -0.048,
        },
      ],
      bootstrap: { nResamples: 1000, confidenceLevel: 0.95, seed: 7 },
    },
    conditions: {
      passed: false,
      results: [
        { condition: 'missingShare(age) < 0.05', actual: 0.04, passed: true },
        {
          condition: 'drift.share < 0.3',
          actual: 0.4,
          passed: false,
          message: 'drift.share is 0.4, not < 0.3',
        },
        { condition: 'accuracy >= 0.8', actual: 0.811, passed: true },
        {
          condition: 'missingShare(salary) < 0.1',
          actual: Number.NaN,
          passed: false,
          message: 'the report has no column "salary"',
        },
      ],
    },
  };
}
