/**
 * What the demo registers: the credit-default model, its two versions as their training runs
 * describe them, and the monitors and alert rules its team watches it with. Declarative; the
 * seeding (`seed-demo.ts`) puts them in the store at their moments of the story.
 */
import type { AlertRuleInput } from '../alerts/alert-schemas.js';
import type { MonitorInput } from '../monitors/monitor-schemas.js';
import type { CreateModel, CreateVersion } from '../registry/schemas.js';
import { DECISION_THRESHOLD } from './credit-world.js';

export const DEMO_MODEL = 'credit-default';

export const DEMO_MODEL_INPUT: CreateModel = {
  name: DEMO_MODEL,
  task: 'binary_classification',
  owner: 'risk-analytics',
  description:
    'Probability that a loan applicant defaults within 12 months; applications scoring ' +
    `${DECISION_THRESHOLD} or more go to manual review. A simulated demo model.`,
  tags: { team: 'risk', tier: 'critical', demo: 'true' },
  windowSeconds: 86_400,
};

/** The features each version takes, as its input schema lists them. */
export const CREDIT_INPUT_SCHEMA: NonNullable<CreateVersion['inputSchema']> = [
  { name: 'age', type: 'integer' },
  { name: 'monthly_income', type: 'double' },
  { name: 'credit_utilization', type: 'double' },
  { name: 'debt_to_income', type: 'double' },
  { name: 'late_payments_12m', type: 'integer' },
  { name: 'open_credit_lines', type: 'integer' },
  { name: 'employment_years', type: 'double' },
  { name: 'loan_amount', type: 'double' },
  {
    name: 'loan_purpose',
    type: 'categorical',
    categories: [
      'debt_consolidation',
      'car',
      'home_improvement',
      'medical',
      'education',
      'business',
    ],
  },
  { name: 'home_ownership', type: 'categorical', categories: ['mortgage', 'rent', 'own'] },
  {
    name: 'employment_sector',
    type: 'categorical',
    categories: ['services', 'hospitality', 'retail', 'manufacturing', 'public', 'technology'],
  },
];

const OUTPUT_SCHEMA: NonNullable<CreateVersion['outputSchema']> = [
  { name: 'default', type: 'categorical', categories: ['0', '1'] },
];

/**
 * A version as its training run registers it; `metrics` are measured on its holdout by the
 * seeding, so they are true of the simulated data.
 *
 * @example
 * versionInput(2, { recall: 0.83 }).parent; // { version: 1 }
 */
export function versionInput(version: 1 | 2, metrics: Record<string, number>): CreateVersion {
  const common = {
    inputSchema: CREDIT_INPUT_SCHEMA,
    outputSchema: OUTPUT_SCHEMA,
    metrics,
    dependencies: { python: '3.11.9', 'scikit-learn': '1.5.2', numpy: '1.26.4' },
  };
  if (version === 1) {
    return {
      ...common,
      description: 'Logistic regression on twelve months of applications.',
      artifactUri: 's3://risk-models/credit-default/v1/model.pkl',
      codeCommit: '3f9c2e1',
      dataRef: 's3://risk-data/applications/2025-train.parquet',
      pipelineVersion: 'train-credit 1.4.0',
      runId: 'run-0412',
      params: { model: 'LogisticRegression', C: 1, penalty: 'l2', threshold: DECISION_THRESHOLD },
      card: {
        intendedUse: 'Rank loan applications for manual review; not for automatic refusal.',
        limitations: 'Gives the employment sector no weight: it did not matter when it was fitted.',
        fairness: 'Recall is checked per region every day.',
      },
    };
  }
  return {
    ...common,
    description:
      'Refitted on the labelled applications after layoffs in hospitality raised its defaults.',
    artifactUri: 's3://risk-models/credit-default/v2/model.pkl',
    codeCommit: '8b7d40a',
    dataRef: 's3://risk-data/applications/recent-labelled.parquet',
    pipelineVersion: 'train-credit 1.5.0',
    runId: 'run-0587',
    params: { model: 'LogisticRegression', C: 1, penalty: 'l2', threshold: DECISION_THRESHOLD },
    parent: { version: 1 },
    card: {
      intendedUse: 'Rank loan applications for manual review; not for automatic refusal.',
      limitations:
        'Fitted on a few weeks of labels after the change; refit again within a quarter.',
      fairness: 'Recall is checked per region every day.',
    },
  };
}

/** The monitors the risk team set up, by name. */
export const DEMO_MONITORS: Record<string, MonitorInput> = {
  quality: { kind: 'data_quality', config: { missingShare: { warning: 0.05, alert: 0.2 } } },
  drift: { kind: 'feature_drift' },
  'prediction-drift': { kind: 'prediction_drift' },
  recall: {
    kind: 'performance',
    config: {
      metric: 'recall',
      threshold: { warning: 0.65, alert: 0.6 },
      segments: ['region'],
      fairness: { attribute: 'region', maxGap: 0.35 },
    },
  },
  auc: {
    kind: 'performance',
    config: { metric: 'rocAuc', threshold: { warning: 0.7, alert: 0.65 } },
  },
  'recall-decay': {
    kind: 'decay',
    config: { monitor: 'recall', threshold: 0.6, windows: 21, warningWithinDays: 30 },
  },
  ops: {
    kind: 'operations',
    config: {
      latencyP99Ms: { warning: 150, alert: 400 },
      errorRate: { warning: 0.01, alert: 0.05 },
    },
  },
};

/** Its alert rules, by name. */
export const DEMO_RULES: Record<string, AlertRuleInput> = {
  'inputs-broken': {
    monitor: 'quality',
    metric: 'missing_share:*',
    severity: 'critical',
    description: 'A feature arrives missing: check the feature pipeline.',
  },
  'features-drifted': {
    monitor: 'drift',
    metric: 'feature:*',
    for: 3,
    severity: 'warning',
    description: 'A feature has drifted from the training data for three days.',
  },
  'recall-low': {
    monitor: 'recall',
    metric: 'recall',
    for: 2,
    severity: 'critical',
    description: 'Recall below 0.6 for two days: defaulters go unreviewed.',
  },
  'recall-forecast': {
    monitor: 'recall-decay',
    when: { status: 'warning' },
    severity: 'warning',
    description: 'At this rate recall falls below 0.6 within a month: plan a retrain.',
  },
  latency: { monitor: 'ops', metric: 'latency_p99_ms', severity: 'warning' },
};
