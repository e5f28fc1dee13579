/**
 * Metrics read from an outcome profile (`outcome-profile.ts`) instead of rows: the
 * confusion-matrix metrics with the same arithmetic as @tend/core on the counts (exact), the
 * sums to rounding, ROC AUC and the median absolute error from sketches within their stated
 * bounds. Which metrics a profile can give, and the rows a metric would need, are here too;
 * their confidence intervals, from the same profile, are in `outcome-intervals.ts`.
 */
import { type KllSketch, TendInputError } from '@tend/core';
import {
  binaryLabelMetrics,
  binaryScoreMetrics,
  multiclassLabelMetrics,
  multiclassProbaMetrics,
  regressionMetrics,
} from '../report/performance-metrics.js';
import {
  type ClassScores,
  ECE_BINS,
  type OutcomeProfile,
  type Residuals,
  rankError,
} from './outcome-profile.js';
/** True class → predicted class → count. */
export type Confusion = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Metrics a profile cannot bound (average precision's precision at low recall): read from raw
 * values only — the rows, or a large window's stored scores (`outcome-scores.ts`).
 */
export const RAW_ONLY_METRICS: ReadonlySet<string> = new Set(['averagePrecision']);

/** A metric as a profile answers it. */
export interface ProfileValue {
  value: number;
  /** True: the value the rows give, to rounding. False: an estimate within `errorBound`. */
  exact: boolean;
  /**
   * |value − the rows' value| ≤ errorBound whenever the sketches' rank bounds hold (99 % each);
   * for the median absolute error, a bound on the rank of the value among the rows' errors.
   */
  errorBound?: number;
  boundOn?: 'value' | 'rank';
}

type Input = 'label' | 'score' | 'proba' | 'number';

function inputOf(task: string, name: string): Input | undefined {
  const has = (o: object) => Object.hasOwn(o, name);
  if (task === 'binary_classification') {
    if (has(binaryLabelMetrics('1'))) return 'label';
    if (has(binaryScoreMetrics('1'))) return 'score';
  } else if (task === 'multiclass_classification') {
    if (has(multiclassLabelMetrics())) return 'label';
    if (has(multiclassProbaMetrics(['a', 'b']))) return 'proba';
  } else if (task === 'regression' && has(regressionMetrics())) return 'number';
  return undefined;
}

function inputError(fn: string, argument: string, detail: string): TendInputError {
  return new TendInputError(fn, argument, 'invalid_state', detail);
}

/** F1 from precision and recall, with @tend/core's arithmetic (β = 1, 0/0 → 0). */
function f1(p: number, r: number): number {
  const d = p + r;
  return (2 * p * r) / (d === 0 ? 1 : d);
}

/**
 * A confusion-matrix metric of @tend/core (sklearn's) on the counts of a confusion matrix,
 * with the same operations in the same order as on the rows: counts are integers, so their
 * sums are exact, and the results equal the rows' (to the last bit while fewer than 8 classes,
 * where NumPy's pairwise sums are plain). `positiveLabel` is a binary model's positive class
 * (precision, recall, f1); null for a multiclass model. Throws where the rows' metric throws.
 *
 * @example
 * confusionMetric('accuracy', '1', new Map([['1', new Map([['1', 3], ['0', 1]])]])); // 0.75
 */
export function confusionMetric(
  name: string,
  positiveLabel: string | null,
  confusion: Confusion,
): number {
  const present = new Set<string>();
  for (const [t, row] of confusion) {
    for (const [p, n] of row) {
      if (n === 0) continue;
      present.add(t);
      present.add(p);
    }
  }
  // np.unique's order of text labels: by UTF-16 code unit, as Array.prototype.sort.
  const labels = [...present].sort();
  const k = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  // The matrix's row and column sums and diagonal, from its cells (no k × k array).
  const diag = new Float64Array(k);
  const trueSum = new Float64Array(k);
  const predSum = new Float64Array(k);
  let n = 0;
  for (const [t, row] of confusion) {
    const i = index.get(t);
    if (i === undefined) continue;
    for (const [p, c] of row) {
      const j = index.get(p);
      if (j === undefined || c === 0) continue;
      if (i === j) diag[i] += c;
      trueSum[i] += c;
      predSum[j] += c;
      n += c;
    }
  }
  let correct = 0;
  for (let i = 0; i < k; i++) correct += diag[i];
  if (n === 0) throw new TendInputError(name, 'yTrue', 'empty', 'must hold at least one value');
  const precision = (i: number) => (predSum[i] === 0 ? 0 : diag[i] / predSum[i]);
  const recall = (i: number) => (trueSum[i] === 0 ? 0 : diag[i] / trueSum[i]);
  switch (name) {
    case 'accuracy':
      return correct / n;
    case 'balancedAccuracy': {
      let s = 0;
      let classes = 0;
      for (let i = 0; i < k; i++) {
        if (trueSum[i] === 0) continue;
        s += diag[i] / trueSum[i];
        classes++;
      }
      return s / classes;
    }
    case 'mcc': {
      let tp = 0;
      let pp = 0;
      let tt = 0;
      for (let i = 0; i < k; i++) {
        tp += trueSum[i] * predSum[i];
        pp += predSum[i] * predSum[i];
        tt += trueSum[i] * trueSum[i];
      }
      const covYtYp = correct * n - tp;
      const covYpYp = n * n - pp;
      const covYtYt = n * n - tt;
      if (covYpYp * covYtYt === 0) return 0;
      return covYtYp / Math.sqrt(covYtYt * covYpYp);
    }
    case 'precision':
    case 'recall':
    case 'f1': {
      const pos = positiveLabel ?? '1';
      if (k > 2) {
        throw new TendInputError(
          name,
          'average',
          'invalid_option',
          "is 'binary' but the target is multiclass; choose 'micro', 'macro', 'weighted' or null",
        );
      }
      const i = index.get(pos);
      if (i === undefined && k >= 2) {
        throw new TendInputError(
          name,
          'posLabel',
          'invalid_option',
          `is ${JSON.stringify(pos)}, not a valid label; it should be one of ['${labels.join("', '")}']`,
        );
      }
      const p = i === undefined ? 0 : precision(i);
      const r = i === undefined ? 0 : recall(i);
      return name === 'precision' ? p : name === 'recall' ? r : f1(p, r);
    }
    case 'precisionMacro':
    case 'recallMacro':
    case 'f1Macro': {
      let s = 0;
      for (let i = 0; i < k; i++) {
        s +=
          name === 'precisionMacro'
            ? precision(i)
            : name === 'recallMacro'
              ? recall(i)
              : f1(precision(i), recall(i));
      }
      return s / k;
    }
    case 'f1Weighted': {
      let s = 0;
      let w = 0;
      for (let i = 0; i < k; i++) {
        s += f1(precision(i), recall(i)) * trueSum[i];
        w += trueSum[i];
      }
      return s / w;
    }
    default:
      throw new TypeError(`${name} is not a confusion-matrix metric`);
  }
}

/** A distribution of scores: a sketch's retained items and weights, plus `zeros` rows at 0. */
interface Mass {
  items: number[];
  weights: number[];
  total: number;
  /** The rank error of the whole: the sketch's, scaled to its share. */
  error: number;
}

function massOf(s: KllSketch | null, zeros: number): Mass {
  const items: number[] = [];
  const weights: number[] = [];
  let placed = zeros === 0;
  const n = s?.n ?? 0;
  if (s !== null && n > 0) {
    const { items: xs, cum } = s.sortedView();
    let before = 0;
    for (let i = 0; i < xs.length; i++) {
      if (!placed && xs[i] >= 0) {
        items.push(0);
        weights.push(zeros);
        placed = true;
      }
      items.push(xs[i]);
      weights.push(cum[i] - before);
      before = cum[i];
    }
  }
  if (!placed) {
    items.push(0);
    weights.push(zeros);
  }
  const total = n + zeros;
  return { items, weights, total, error: total === 0 ? 0 : (rankError(s) * n) / total };
}

/**
 * ROC AUC = P(S⁺ > S⁻) + ½·P(S⁺ = S⁻), the Mann–Whitney form of sklearn's trapezoidal area
 * (ties count one half in both), from the positives' and the negatives' score distributions.
 * With G(x) = (F⁻(x) + F⁻(x⁻))/2, AUC = ∫ G dF⁺ and the estimate is ∫ Ĝ dF̂⁺, so
 * |ÂUC − AUC| ≤ |∫ (Ĝ − G) dF̂⁺| + |∫ G d(F̂⁺ − F⁺)| ≤ sup|F̂⁻ − F⁻| + sup|F̂⁺ − F⁺|·TV(G)
 * (integrating the second by parts; G rises from 0 to 1, so its total variation is 1), that is
 * ≤ ε⁻ + ε⁺, the two sketches' rank errors (0 while a sketch holds every value: then exact).
 */
function aucOf(pos: Mass, neg: Mass): { value: number; bound: number } {
  let acc = 0;
  let below = 0;
  let j = 0;
  let i = 0;
  while (i < pos.items.length) {
    const x = pos.items[i];
    let wx = 0;
    while (i < pos.items.length && pos.items[i] === x) wx += pos.weights[i++];
    while (j < neg.items.length && neg.items[j] < x) below += neg.weights[j++];
    let equal = 0;
    for (let q = j; q < neg.items.length && neg.items[q] === x; q++) equal += neg.weights[q];
    acc += wx * (below + equal / 2);
  }
  return { value: acc / (pos.total * neg.total), bound: pos.error + neg.error };
}

function sketched(value: number, bound: number, boundOn: 'value' | 'rank'): ProfileValue {
  return bound === 0 ? { value, exact: true } : { value, exact: false, errorBound: bound, boundOn };
}

function scoreMetric(name: string, cs: ClassScores | undefined): ProfileValue {
  if (cs === undefined || cs.n === 0) {
    throw new TendInputError(name, 'yTrue', 'empty', 'must hold at least one value');
  }
  if (name === 'rocAuc') {
    if (cs.positives === 0 || cs.positives === cs.n) {
      throw inputError(
        'rocAucScore',
        'yTrue',
        'holds only one class; ROC AUC is not defined in that case',
      );
    }
    const auc = aucOf(massOf(cs.pos, 0), massOf(cs.neg, 0));
    return sketched(auc.value, auc.bound, 'value');
  }
  if (RAW_ONLY_METRICS.has(name)) throw new TypeError(`${name} is read from raw scores only`);
  if (cs.outside > 0) {
    throw new TendInputError(
      name,
      'yProb',
      'out_of_range',
      `holds ${cs.outside} scores outside [0, 1]; probabilities must lie in [0, 1]`,
    );
  }
  if (name === 'logLoss') return { value: cs.logLoss.value / cs.n, exact: true };
  if (name === 'brierScore') return { value: cs.brier.value / cs.n, exact: true };
  let ece = 0;
  for (let b = 0; b < ECE_BINS; b++) {
    const w = cs.eceCount[b];
    if (w === 0) continue;
    ece += (w / cs.n) * Math.abs(cs.eceHits[b] / w - cs.eceConf[b].value / w);
  }
  return { value: ece, exact: true };
}

function probaMetric(name: string, p: OutcomeProfile): ProfileValue {
  const classes = [...p.classes.keys()].sort();
  let rows = 0;
  for (const n of p.probaLabels.values()) rows += n;
  if (rows === 0) throw new TendInputError(name, 'yTrue', 'empty', 'must hold at least one value');
  const stranger = [...p.probaLabels.keys()].find((t) => !p.classes.has(t));
  const notAClass = () =>
    new TendInputError(
      name,
      'yTrue',
      'invalid_option',
      `holds ${JSON.stringify(stranger)}, which is not a class of the scores ['${classes.join("', '")}']`,
    );
  if (name === 'logLoss') {
    if (classes.length < 2) {
      throw new TendInputError(
        'logLoss',
        'labels',
        'invalid_option',
        'must hold at least two labels',
      );
    }
    if (p.probaOutside > 0) {
      throw new TendInputError(
        'logLoss',
        'yPred',
        'out_of_range',
        `has ${p.probaOutside} rows with a probability outside [0, 1]`,
      );
    }
    if (stranger !== undefined) throw notAClass();
    // A row without any score is [ε, …, ε] once clipped: −log(1/K).
    const empty = p.probaEmpty * Math.log(classes.length);
    return { value: (p.probaLogLoss.value + empty) / rows, exact: true };
  }
  if (p.probaUnnormalised > 0) {
    throw new TendInputError(
      'rocAucScore',
      'yScore',
      'out_of_range',
      `has ${p.probaUnnormalised} rows not summing to 1; multiclass scores must be probabilities summing to 1`,
    );
  }
  if (p.probaLabels.size <= 2 && classes.length <= 2) {
    throw new TendInputError(
      'rocAucScore',
      'yScore',
      'invalid_type',
      'must be the score of the greater label, one number per sample, when yTrue is binary',
    );
  }
  if (stranger !== undefined) throw notAClass();
  let sum = 0;
  let bounds = 0;
  let weight = 0;
  const weighted = name === 'rocAucOvrWeighted';
  for (const auc of ovrAucs(p)) {
    const w = weighted ? auc.positives : 1;
    sum += auc.value * w;
    bounds += auc.bound * w;
    weight += w;
  }
  return sketched(sum / weight, bounds / weight, 'value');
}

/** One class's one-vs-rest ROC AUC: its value, its sketch bound, and the rows on each side. */
export interface ClassAuc {
  value: number;
  bound: number;
  /** Rows labelled with the class, and the others. */
  positives: number;
  negatives: number;
}

/**
 * Each class's one-vs-rest ROC AUC over a multiclass profile's scored rows, by class in sorted
 * order (what `rocAucOvrMacro` and `rocAucOvrWeighted` average); throws when a class has all
 * the rows or none.
 *
 * @example
 * ovrAucs(profile).map((a) => a.value); // [0.91, 0.84, 0.88]
 */
export function ovrAucs(p: OutcomeProfile): ClassAuc[] {
  let rows = 0;
  for (const n of p.probaLabels.values()) rows += n;
  return [...p.classes.keys()].sort().map((c) => {
    const cs = p.classes.get(c) as ClassScores;
    const support = p.probaLabels.get(c) ?? 0;
    if (support === 0 || support === rows) {
      throw inputError(
        'rocAucScore',
        'yTrue',
        'holds only one class; ROC AUC is not defined in that case',
      );
    }
    // A row without a finite score of c reads it as 0, as the rows' metric does.
    const auc = aucOf(
      massOf(cs.pos, support - cs.positives),
      massOf(cs.neg, rows - support - (cs.n - cs.positives)),
    );
    return { ...auc, positives: support, negatives: rows - support };
  });
}

/** sklearn's `_assemble_r2_explained_variance` with force_finite. */
function assemble(numerator: number, denominator: number): number {
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}

function regressionMetric(name: string, r: Residuals): ProfileValue {
  const n = r.n;
  if (n === 0) throw new TendInputError(name, 'yTrue', 'empty', 'must hold at least one value');
  const exact = (value: number): ProfileValue => ({ value, exact: true });
  switch (name) {
    case 'mae':
      return exact(r.abs.value / n);
    case 'mse':
      return exact(r.sq.value / n);
    case 'rmse':
      return exact(Math.sqrt(r.sq.value / n));
    case 'mape':
      return exact(r.ape.value / n);
    case 'maxError':
      return exact(r.maxAbs);
    case 'r2':
      return exact(n < 2 ? Number.NaN : assemble(r.sq.value, r.y.variance(0) * n));
    case 'explainedVariance':
      return exact(assemble(r.r.variance(0), r.y.variance(0)));
    case 'medianAbsoluteError': {
      const s = r.absR;
      if (rankError(s) === 0) {
        // Every error is held, each once: the median as the rows give it.
        const { items } = s.sortedView();
        const h = items.length >> 1;
        return exact(items.length % 2 === 1 ? items[h] : (items[h - 1] + items[h]) / 2);
      }
      return sketched(s.quantile(0.5), rankError(s), 'rank');
    }
    default:
      throw new TypeError(`${name} is not a regression metric`);
  }
}

/**
 * How many rows the metric `name` reads from the profile: those with a label and the input
 * it takes (a predicted class, the positive class's score, scores, a number).
 *
 * @example
 * profileRows('binary_classification', 'rocAuc', '1', profile); // 24000
 */
export function profileRows(
  task: string,
  name: string,
  positiveLabel: string,
  profile: OutcomeProfile,
): number {
  switch (inputOf(task, name)) {
    case 'label': {
      let n = 0;
      for (const row of profile.confusion.values()) for (const c of row.values()) n += c;
      return n;
    }
    case 'score':
      return profile.classes.get(positiveLabel)?.n ?? 0;
    case 'proba': {
      let n = 0;
      for (const c of profile.probaLabels.values()) n += c;
      return n;
    }
    case 'number':
      return profile.residuals?.n ?? 0;
    default:
      return 0;
  }
}

/**
 * The metric `name` of a `task` model from an outcome profile, as @tend/core computes it on
 * the rows: confusion-matrix metrics equal to it, sums to rounding, ROC AUC and the median
 * absolute error within `errorBound`. Throws where the rows' metric throws (one class only,
 * probabilities outside [0, 1], …); average precision is not answered (RAW_ONLY_METRICS: the
 * stored scores answer it, `scores-average-precision.ts`).
 *
 * @example
 * metricFromProfile('binary_classification', 'rocAuc', '1', profile); // { value: 0.912, exact: false, errorBound: 0.0136, boundOn: 'value' }
 */
export function metricFromProfile(
  task: string,
  name: string,
  positiveLabel: string,
  profile: OutcomeProfile,
): ProfileValue {
  switch (inputOf(task, name)) {
    case 'label':
      return {
        value: confusionMetric(
          name,
          task === 'binary_classification' ? positiveLabel : null,
          profile.confusion,
        ),
        exact: true,
      };
    case 'score':
      return scoreMetric(name, profile.classes.get(positiveLabel));
    case 'proba':
      return probaMetric(name, profile);
    case 'number':
      if (profile.residuals === null) throw new TypeError('not a regression profile');
      return regressionMetric(name, profile.residuals);
    default:
      throw new TypeError(`metric "${name}" is not one of a ${task} model's`);
  }
}
