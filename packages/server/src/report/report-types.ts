/**
 * The report `tend report` writes: the one shape behind the JSON file (whose JSON Schema is
 * generated from and tested against these types), the HTML page and the terminal summary.
 * Fields are only ever added; a field's meaning never changes within `schemaVersion` 1.
 */
import type { ColumnKind } from '../io/frame.js';

/** What the report says about one input file. */
export interface DatasetInfo {
  path: string;
  format: 'csv' | 'ndjson' | 'parquet';
  rows: number;
  columns: number;
}

/** The role a column plays in the model. */
export type ColumnRole = 'feature' | 'target' | 'prediction' | 'segment';

/** Data quality of one column in one dataset. */
export interface ColumnQuality {
  /** Share of rows whose cell is missing, in [0, 1]. */
  missingShare: number;
  /** Cells that do not parse as the reference's kind (text in a numerical column). */
  invalidCount: number;
  /** Numerical: values below the reference's min or above its max (current only). */
  outOfRangeCount?: number;
  /** Categorical: values never seen in the reference (current only). */
  newCategoryCount?: number;
  /** The new categories themselves, the most frequent first (at most 20). */
  newCategories?: string[];
  /** Distinct non-missing values. */
  distinct: number;
  /** The most frequent value's share of the non-missing values: 1 for a constant column. */
  mostFrequentShare: number;
  /** True when the column is constant (one distinct value) or nearly so (≥ 95 %). */
  nearConstant: boolean;
}

/** Summary statistics of a column in one dataset (those that apply to its kind). */
export interface ColumnSummary {
  count: number;
  mean?: number;
  std?: number;
  min?: number;
  q25?: number;
  median?: number;
  q75?: number;
  max?: number;
  /** Categorical: the most frequent values and their counts (at most 10). */
  top?: { value: string; count: number }[];
}

/** Counts of both datasets in the same bins, for the charts. */
export type ColumnHistogram =
  | {
      kind: 'numerical';
      /** Bin edges, ascending; `edges.length − 1` bins. */
      edges: number[];
      reference: number[];
      current: number[];
    }
  | {
      kind: 'categorical';
      /** Category labels (the most frequent 20, then "(other)"). */
      categories: string[];
      reference: number[];
      current: number[];
    };

/** The drift verdict on one column. */
export interface ColumnDrift {
  /** The test's name as `runDriftTest` knows it (Evidently's names: ks, psi, wasserstein, …). */
  method: string;
  statistic: number;
  /** For hypothesis tests; absent for distances. */
  pValue?: number;
  /** The p-value after the multiple-testing correction of the report (absent without one). */
  adjustedPValue?: number;
  /** A scale-free size of the change (KS D, Cramér's V, Cohen's d, …), when the test has one. */
  effectSize?: number;
  /** The decision threshold of `method` (a p-value level or a distance). */
  threshold: number;
  /** The smallest effect size that counts as drift under Tend's rule (absent otherwise). */
  minEffectSize?: number;
  drifted: boolean;
  /** Why the test was chosen ("numerical, 5000 rows > 1000: wasserstein (Evidently)"). */
  reason: string;
}

/** Everything the report says about one column. */
export interface ColumnReport {
  name: string;
  kind: ColumnKind;
  role: ColumnRole;
  /** How the kind was decided: from the reference's values, or given by a flag or config. */
  kindSource: 'inferred' | 'given';
  quality: { reference: ColumnQuality; current: ColumnQuality };
  summary: { reference: ColumnSummary; current: ColumnSummary };
  /** Absent for columns not tested (ids, timestamps, ignored or all-missing columns). */
  drift?: ColumnDrift;
  histogram?: ColumnHistogram;
}

/** Data quality of the whole dataset pair. */
export interface DatasetQuality {
  referenceRows: number;
  currentRows: number;
  /** (current rows − reference rows) / reference rows. */
  volumeChange: number;
  duplicateRows: { reference: number; current: number };
  /** Columns in the reference but not in the current file. */
  missingColumns: string[];
  /** Columns in the current file but not in the reference. */
  addedColumns: string[];
  /** Share of all cells missing, per dataset. */
  missingShare: { reference: number; current: number };
}

/** Dataset drift: the share of drifted columns and the rule that flags it. */
export interface DatasetDrift {
  /** Names of the drifted feature columns. */
  driftedColumns: string[];
  /** Feature columns tested. */
  testedColumns: number;
  /** driftedColumns.length / testedColumns. */
  share: number;
  /** share ≥ shareThreshold. */
  drifted: boolean;
  shareThreshold: number;
  /** The rule in words ("dataset drifts when ≥ 50 % of features drift"). */
  rule: string;
  /** Multiple-testing correction applied across columns. */
  correction: 'benjamini-hochberg' | 'holm' | 'bonferroni' | 'none';
  /** The prediction column's own drift line (absent when no prediction is mapped). */
  prediction?: ColumnDrift & { column: string };
  /** The target column's own drift line (absent when no target is mapped). */
  target?: ColumnDrift & { column: string };
  /** Multivariate drift (absent when skipped or with fewer than two numerical features). */
  multivariate?: MultivariateDrift;
}

/** Drift of the joint distribution, which per-column tests can miss. */
export interface MultivariateDrift {
  /** Cross-validated ROC AUC of a classifier telling reference rows from current ones. */
  domainClassifier?: {
    rocAuc: number;
    folds: number;
    seed: number;
    threshold: number;
    drifted: boolean;
  };
  /** Mean PCA reconstruction error of current rows relative to the reference's. */
  pcaReconstruction?: {
    components: number;
    referenceError: number;
    currentError: number;
    /** currentError / referenceError − 1. */
    relativeChange: number;
    /**
     * Upper limit on currentError: the reference's mean error plus 3 standard errors of a
     * mean over as many rows as the current sample (NannyML's 3σ rule).
     */
    threshold: number;
    drifted: boolean;
  };
}

/** A metric with its bootstrap confidence interval. */
export interface MetricValue {
  value: number;
  low?: number;
  high?: number;
}

/** Metrics of one dataset (or one segment of it): name → value, sklearn's names. */
export type MetricSet = Record<string, MetricValue>;

/** Performance of a segment value in both datasets. */
export interface SegmentPerformance {
  segment: string;
  value: string;
  rows: { reference: number; current: number };
  reference: MetricSet;
  current: MetricSet;
}

/** Fairness gaps across one segment column (AIF360's definitions: unprivileged − privileged). */
export interface FairnessGaps {
  segment: string;
  privileged: string;
  unprivileged: string;
  dataset: 'reference' | 'current';
  statisticalParityDifference: number;
  disparateImpact: number;
  equalOpportunityDifference: number;
  averageOddsDifference: number;
}

/** Model performance, when target and prediction are mapped. */
export interface PerformanceReport {
  task: 'binary' | 'multiclass' | 'regression';
  reference: MetricSet;
  current: MetricSet;
  segments: SegmentPerformance[];
  fairness: FairnessGaps[];
  bootstrap: { nResamples: number; confidenceLevel: number; seed: number };
}

/** One test-suite condition and whether it held. */
export interface ConditionResult {
  /** As written in the config, e.g. "missingShare(age) < 0.05". */
  condition: string;
  /** The value found (NaN when the condition names something the report lacks). */
  actual: number;
  passed: boolean;
  /** Why it failed, in words, when it did. */
  message?: string;
}

/** The whole report. */
export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  tendVersion: string;
  reference: DatasetInfo;
  current: DatasetInfo;
  mapping: {
    target?: string;
    prediction?: { kind: 'label' | 'score' | 'probabilities'; columns: string[] };
    timestamp?: string;
    id?: string;
    segments: string[];
    ignored: string[];
  };
  settings: {
    preset: 'tend' | 'evidently';
    /** Forced tests: '*' for every column, or a column name. */
    stattest: Record<string, string>;
    threshold?: number;
  };
  dataset: { quality: DatasetQuality; drift: DatasetDrift };
  columns: ColumnReport[];
  performance?: PerformanceReport;
  conditions?: { passed: boolean; results: ConditionResult[] };
}
