/**
 * Weighted confusion counts of the privileged and the unprivileged group, as AIF360's
 * `ClassificationMetric.binary_confusion_matrix(privileged=True/False)` and
 * `BinaryLabelDatasetMetric.num_instances` compute them (`aif360.metrics.utils.compute_num_TF_PN`:
 * each count is a sum of instance weights). Every fairness metric of this family is a
 * difference or ratio of rates built from these counts.
 */
import { TendInputError } from '../errors.js';
import type { Label } from '../metrics/index.js';
import { checkSameLength, type NumericInput, toSample } from '../validate.js';

/** A group value: a string or a finite number (e.g. an encoded or bucketed attribute). */
export type GroupValue = string | number;

/** Options shared by the fairness metrics. */
export interface FairnessOptions {
  /** The privileged group value, or a list of them; every other value is unprivileged. */
  privileged: GroupValue | readonly GroupValue[];
  /** The label counted as the favourable outcome (default 1). */
  favorableLabel?: Label;
  /** Instance weights (AIF360's `instance_weights`): finite, ≥ 0; default all 1. */
  sampleWeight?: NumericInput;
}

/** Weighted counts of one group. */
export interface GroupCounts {
  /** Σ weight of the group's rows (the row count when unweighted). */
  instances: number;
  /** Σ weight of rows predicted favourable. */
  predictedFavorable: number;
  /** Σ weight of rows whose true label is favourable (P); 0 when no yTrue was given. */
  positives: number;
  /** Σ weight of rows whose true label is unfavourable (N). */
  negatives: number;
  /** Favourable truth and prediction (TP). */
  truePositives: number;
  /** Unfavourable truth, favourable prediction (FP). */
  falsePositives: number;
}

/** The two groups' counts. */
export interface GroupPair {
  privileged: GroupCounts;
  unprivileged: GroupCounts;
}

function checkLabels(fn: string, name: string, y: ArrayLike<Label>, favorable: Label): Label[] {
  if (y == null || typeof y === 'string' || typeof (y as ArrayLike<Label>).length !== 'number') {
    throw new TendInputError(fn, name, 'invalid_type', 'must be an array of labels');
  }
  if (y.length === 0) throw new TendInputError(fn, name, 'empty', 'must hold at least one value');
  const out = Array.from(y);
  const seen = new Set<Label>([favorable]);
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (typeof v !== typeof favorable || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new TendInputError(
        fn,
        name,
        'invalid_type',
        `[${i}] is ${JSON.stringify(v) ?? String(v)} but favorableLabel is ${JSON.stringify(favorable)}; labels and favorableLabel must be the same type`,
      );
    }
    seen.add(v);
    // AIF360's BinaryLabelDataset holds exactly a favourable and an unfavourable label.
    if (seen.size > 2) {
      throw new TendInputError(
        fn,
        name,
        'invalid_type',
        `holds more than two labels (${[...seen].map((l) => JSON.stringify(l)).join(', ')}); fairness metrics are for binary outcomes`,
      );
    }
  }
  return out;
}

function toPrivilegedSet(fn: string, group: GroupValue[], opts: FairnessOptions): Set<GroupValue> {
  const raw = opts?.privileged;
  const list = (Array.isArray(raw) ? raw : [raw]) as GroupValue[];
  if (raw === undefined || list.length === 0) {
    throw new TendInputError(fn, 'privileged', 'invalid_option', 'must name at least one group');
  }
  const kind = typeof group[0];
  for (const p of list) {
    if (typeof p !== kind) {
      throw new TendInputError(
        fn,
        'privileged',
        'invalid_option',
        `is ${JSON.stringify(p)} but group holds ${kind}s; they must be the same type`,
      );
    }
  }
  return new Set(list);
}

function checkGroup(fn: string, group: ArrayLike<GroupValue>): GroupValue[] {
  if (group == null || typeof group === 'string' || typeof group.length !== 'number') {
    throw new TendInputError(fn, 'group', 'invalid_type', 'must be an array of group values');
  }
  const out = Array.from(group);
  if (out.length === 0)
    throw new TendInputError(fn, 'group', 'empty', 'must hold at least one value');
  const kind = typeof out[0];
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    const t = typeof v;
    if ((t !== 'string' && t !== 'number') || (t === 'number' && !Number.isFinite(v))) {
      throw new TendInputError(
        fn,
        'group',
        'invalid_type',
        `[${i}] is ${String(v)}; every row needs a group value (label missing ones explicitly)`,
      );
    }
    if (t !== kind) {
      throw new TendInputError(
        fn,
        'group',
        'invalid_type',
        'mixes numbers and strings; use one type',
      );
    }
  }
  return out;
}

function emptyCounts(): GroupCounts {
  return {
    instances: 0,
    predictedFavorable: 0,
    positives: 0,
    negatives: 0,
    truePositives: 0,
    falsePositives: 0,
  };
}

/**
 * Check the inputs of a fairness metric and count each group. `yTrue` is null for the
 * metrics of predictions alone (statistical parity, disparate impact). A group with no rows
 * (or zero total weight) is refused: it usually means `privileged` names a value that is
 * not in `group`, and no rate of it can be computed.
 *
 * @example
 * groupCounts('f', [1, 0], [1, 1], ['a', 'b'], { privileged: 'a' }).privileged.truePositives; // 1
 */
export function groupCounts(
  fn: string,
  yTrue: ArrayLike<Label> | null,
  yPred: ArrayLike<Label>,
  group: ArrayLike<GroupValue>,
  options: FairnessOptions,
): GroupPair {
  const favorable = options?.favorableLabel ?? 1;
  if (
    (typeof favorable !== 'string' && typeof favorable !== 'number') ||
    (typeof favorable === 'number' && !Number.isFinite(favorable))
  ) {
    throw new TendInputError(fn, 'favorableLabel', 'invalid_option', 'must be a number or string');
  }
  const pred = checkLabels(fn, 'yPred', yPred, favorable);
  const truth = yTrue === null ? null : checkLabels(fn, 'yTrue', yTrue, favorable);
  if (truth) checkSameLength(fn, 'yTrue', truth, 'yPred', pred);
  const groups = checkGroup(fn, group);
  checkSameLength(fn, 'yPred', pred, 'group', groups);
  const privileged = toPrivilegedSet(fn, groups, options);
  let weight: Float64Array | undefined;
  if (options.sampleWeight !== undefined) {
    weight = toSample(fn, 'sampleWeight', options.sampleWeight);
    checkSameLength(fn, 'yPred', pred, 'sampleWeight', weight);
    const bad = weight.findIndex((w) => w < 0);
    if (bad >= 0) {
      throw new TendInputError(
        fn,
        'sampleWeight',
        'out_of_range',
        `[${bad}] is ${weight[bad]}; weights must be ≥ 0`,
      );
    }
  }
  const out: GroupPair = { privileged: emptyCounts(), unprivileged: emptyCounts() };
  for (let i = 0; i < pred.length; i++) {
    const c = privileged.has(groups[i]) ? out.privileged : out.unprivileged;
    const w = weight ? weight[i] : 1;
    const fav = pred[i] === favorable;
    c.instances += w;
    if (fav) c.predictedFavorable += w;
    if (!truth) continue;
    if (truth[i] === favorable) {
      c.positives += w;
      if (fav) c.truePositives += w;
    } else {
      c.negatives += w;
      if (fav) c.falsePositives += w;
    }
  }
  for (const side of ['privileged', 'unprivileged'] as const) {
    if (out[side].instances > 0) continue;
    const values = [...new Set(groups)].slice(0, 10).map((g) => JSON.stringify(g));
    throw new TendInputError(
      fn,
      'group',
      'invalid_state',
      `has no ${side} rows${weight ? ' of positive weight' : ''} (privileged: ${JSON.stringify(options.privileged)}; group values: ${values.join(', ')}); both groups are needed`,
    );
  }
  return out;
}

/**
 * P(ŷ = favourable | group): AIF360's `selection_rate`.
 *
 * @example
 * selectionRate({ instances: 4, predictedFavorable: 1, positives: 0, negatives: 0, truePositives: 0, falsePositives: 0 }); // 0.25
 */
export function selectionRate(c: GroupCounts): number {
  return c.predictedFavorable / c.instances;
}

/**
 * TP / P (NaN when the group has no favourable truth, as NumPy's 0/0 in AIF360).
 *
 * @example
 * truePositiveRate({ instances: 4, predictedFavorable: 1, positives: 2, negatives: 2, truePositives: 1, falsePositives: 0 }); // 0.5
 */
export function truePositiveRate(c: GroupCounts): number {
  return c.truePositives / c.positives;
}

/**
 * FP / N (NaN when the group has no unfavourable truth).
 *
 * @example
 * falsePositiveRate({ instances: 4, predictedFavorable: 1, positives: 2, negatives: 2, truePositives: 0, falsePositives: 1 }); // 0.5
 */
export function falsePositiveRate(c: GroupCounts): number {
  return c.falsePositives / c.negatives;
}
