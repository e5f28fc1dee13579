/**
 * What a window keeps of its labelled predictions (one version, window and segment), so that
 * its performance on a million labels is read from a few kilobytes instead of a million rows.
 * Every part merges, so the profile written by many label batches (and by several servers) is
 * the profile of all of them:
 *
 * - classification: the confusion matrix (exact counts per true and predicted class, as
 *   text); for each class c the scores name, with c taken as the positive class, the sums
 *   behind the log loss, the Brier score and the 10-bin calibration error (exact up to the
 *   order of summation), and KLL sketches of c's score among the rows labelled c and among the
 *   others (ROC AUC within a stated bound); the per-row sums of the multiclass log loss; and
 *   the predicted class's score of wrong predictions in hundredths (confidently wrong shares);
 * - regression: Σ|r|, Σr², Σ|r|/max(|y|, ε), max|r|, the moments of y and of r = y − ŷ
 *   (R², explained variance), and a KLL sketch of |r| (median absolute error).
 *
 * `metricFromProfile` answers the monitors' metrics from it, each as @tend/core computes it
 * on the rows: the confusion-matrix metrics equal it (the same arithmetic on the same counts),
 * the sums agree to rounding, the sketch metrics are within their stated bound.
 */

import { KllSketch, Moments, TendInputError } from '@tend/core';
import {
  binaryLabelMetrics,
  binaryScoreMetrics,
  multiclassLabelMetrics,
  multiclassProbaMetrics,
  regressionMetrics,
} from '../report/performance-metrics.js';
import { ColumnProfile } from './column-profile.js';

const FORMAT = 1;
const CLASSIFICATION = 1;
const REGRESSION = 2;
/** KLL accuracy of the score and error sketches: rank error ≤ 0.68 % each (99 %), ~10 KB. */
const SKETCH_K = 400;
/** Equal-width bins of the expected calibration error: @tend/core's default. */
const ECE_BINS = 10;
/** The predicted class's score of wrong predictions is kept in hundredths of [0, 1]. */
const WRONG_BINS = 100;
/** float64's machine epsilon: sklearn's clip of probabilities (log loss) and floor of |y| (MAPE). */
const EPS = 2.220446049250313e-16;

/** Which part a model's profile keeps, by its task (null: none, no metric to follow). */
export type OutcomeKind = 'classification' | 'regression';

/**
 * The outcome kind of a task.
 *
 * @example
 * outcomeKind('multiclass_classification'); // 'classification'
 */
export function outcomeKind(task: string): OutcomeKind | null {
  if (task === 'binary_classification' || task === 'multiclass_classification') {
    return 'classification';
  }
  return task === 'regression' ? 'regression' : null;
}

/** A number the metrics take: finite (JSON has no others, but a null or a string may come). */
const asNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** A class as the metrics take it: its text; null is no class. */
const asClass = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const clip = (p: number) => Math.min(Math.max(p, EPS), 1 - EPS);

/** A sum compensated as Neumaier does: exact to a few ulps however many terms it has. */
class Sum {
  s = 0;
  c = 0;

  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }

  merge(other: Sum): void {
    this.add(other.s);
    this.add(other.c);
  }

  get value(): number {
    return this.s + this.c;
  }
}

/** Rank error of a sketch: 0 while it holds every value it was given. */
function rankError(s: KllSketch | null): number {
  return s === null || s.numRetained === s.n ? 0 : s.normalizedRankError();
}

const copyKll = (s: KllSketch) => KllSketch.fromBytes(s.toBytes());

/** One class c of the scores, taken as the positive class, over rows with a label and a score. */
class ClassScores {
  n = 0;
  positives = 0;
  /** Scores outside [0, 1]: the probability metrics refuse them, as @tend/core does. */
  outside = 0;
  /** Σ −log p(true class), the row [1 − p, p] clipped as sklearn clips it. */
  logLoss = new Sum();
  /** Σ (1[label = c] − p)². */
  brier = new Sum();
  eceCount = new Float64Array(ECE_BINS);
  eceHits = new Float64Array(ECE_BINS);
  eceConf = Array.from({ length: ECE_BINS }, () => new Sum());
  /** c's score among the rows labelled c, and among the others. */
  pos: KllSketch | null = null;
  neg: KllSketch | null = null;

  update(score: number, positive: boolean): void {
    this.n++;
    if (!(score >= 0 && score <= 1)) this.outside++;
    // @tend/core's logLoss: the row [1 − c, c] divided by its sum, then −log of the true entry.
    const c = clip(score);
    const rest = 1 - c;
    this.logLoss.add(-Math.log((positive ? c : rest) / (rest + c)));
    const d = (positive ? 1 : 0) - score;
    this.brier.add(d * d);
    const b = Math.min(Math.floor(score * ECE_BINS), ECE_BINS - 1);
    if (b >= 0) {
      this.eceCount[b]++;
      if (positive) this.eceHits[b]++;
      this.eceConf[b].add(score);
    }
    if (positive) {
      this.positives++;
      this.pos ??= new KllSketch({ k: SKETCH_K });
      this.pos.update(score);
    } else {
      this.neg ??= new KllSketch({ k: SKETCH_K });
      this.neg.update(score);
    }
  }

  merge(o: ClassScores): void {
    this.n += o.n;
    this.positives += o.positives;
    this.outside += o.outside;
    this.logLoss.merge(o.logLoss);
    this.brier.merge(o.brier);
    for (let b = 0; b < ECE_BINS; b++) {
      this.eceCount[b] += o.eceCount[b];
      this.eceHits[b] += o.eceHits[b];
      this.eceConf[b].merge(o.eceConf[b]);
    }
    if (o.pos !== null) this.pos = this.pos === null ? copyKll(o.pos) : this.pos.merge(o.pos);
    if (o.neg !== null) this.neg = this.neg === null ? copyKll(o.neg) : this.neg.merge(o.neg);
  }
}

/** Residuals r = y − ŷ of a regression, over rows whose label and prediction are numbers. */
class Residuals {
  n = 0;
  abs = new Sum();
  sq = new Sum();
  /** Σ |r| / max(|y|, ε): MAPE as sklearn. */
  ape = new Sum();
  maxAbs = 0;
  y = new Moments();
  r = new Moments();
  absR = new KllSketch({ k: SKETCH_K });

  update(t: number, p: number): void {
    this.n++;
    const a = Math.abs(p - t);
    const d = t - p;
    this.abs.add(a);
    this.sq.add(d * d);
    this.ape.add(a / Math.max(Math.abs(t), EPS));
    if (a > this.maxAbs) this.maxAbs = a;
    this.y.update(t);
    this.r.update(d);
    this.absR.update(a);
  }

  merge(o: Residuals): void {
    this.n += o.n;
    this.abs.merge(o.abs);
    this.sq.merge(o.sq);
    this.ape.merge(o.ape);
    this.maxAbs = Math.max(this.maxAbs, o.maxAbs);
    this.y.merge(o.y);
    this.r.merge(o.r);
    this.absR.merge(o.absR);
  }
}

/** Little-endian fields into a growing list of buffers. */
class Writer {
  private parts: Buffer[] = [];

  f64s(...values: number[]): void {
    const b = Buffer.allocUnsafe(8 * values.length);
    values.forEach((v, i) => {
      b.writeDoubleLE(v, 8 * i);
    });
    this.parts.push(b);
  }

  bytes(b: Uint8Array | null): void {
    const n = Buffer.allocUnsafe(4);
    n.writeUInt32LE(b === null ? 0xffffffff : b.length);
    this.parts.push(n);
    if (b !== null) this.parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }

  text(s: string): void {
    this.bytes(Buffer.from(s, 'utf8'));
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Reads what a Writer wrote. */
class Reader {
  private at = 2;
  constructor(private readonly buf: Buffer) {}

  f64(): number {
    const v = this.buf.readDoubleLE(this.at);
    this.at += 8;
    return v;
  }

  bytes(): Uint8Array | null {
    const n = this.buf.readUInt32LE(this.at);
    this.at += 4;
    if (n === 0xffffffff) return null;
    const out = this.buf.subarray(this.at, this.at + n);
    if (out.length !== n) throw new Error('outcome profile bytes are truncated');
    this.at += n;
    return out;
  }

  text(): string {
    return (this.bytes() as Buffer).toString('utf8');
  }

  sum(): Sum {
    const s = new Sum();
    s.s = this.f64();
    s.c = this.f64();
    return s;
  }

  end(): void {
    if (this.at !== this.buf.length) throw new Error('outcome profile bytes have a tail');
  }
}

/** The bin of a wrong prediction's score: the number of hundredths j/100 (1 … 100) it reaches. */
function wrongBin(score: number): number {
  let b = Math.min(Math.max(Math.floor(score * WRONG_BINS), 0), WRONG_BINS);
  // The comparison decides, as `score >= c` does for c = j/100: 0.57 * 100 is 56.99999999999999.
  while (b < WRONG_BINS && score >= (b + 1) / WRONG_BINS) b++;
  while (b > 0 && score < b / WRONG_BINS) b--;
  return b;
}

/**
 * The outcome profile of one version, window and segment.
 *
 * @example
 * const p = new OutcomeProfile('classification'); p.update(1, 1, { '0': 0.2, '1': 0.8 }); p.labelled; // 1
 */
export class OutcomeProfile {
  /** Labelled predictions added, whatever their values. */
  labelled = 0;
  /** The labels themselves, profiled as a window's columns are: label drift reads it. */
  labels = new ColumnProfile();
  /** True class → predicted class → count, over rows with both. */
  readonly confusion = new Map<string, Map<string, number>>();
  /** Each class the scores name (seen in any row, as the raw metrics collect them). */
  readonly classes = new Map<string, ClassScores>();
  /** Rows with a label and scores, by label: the multiclass probability metrics' rows. */
  readonly probaLabels = new Map<string, number>();
  /** Σ −log(p(true)/Σ p) of those rows, each p clipped (a missing class counts 0). */
  probaLogLoss = new Sum();
  /** Of those rows: with no score at all, with a score outside [0, 1], not summing to 1. */
  probaEmpty = 0;
  probaOutside = 0;
  probaUnnormalised = 0;
  /** Rows whose predicted class has a score (the confidently-wrong share's denominator). */
  scored = 0;
  /** Wrong predictions by the predicted class's score: bin j holds [j/100, (j+1)/100), 100 ≥ 1. */
  readonly wrongByScore = new Float64Array(WRONG_BINS + 1);
  residuals: Residuals | null;

  constructor(readonly kind: OutcomeKind) {
    this.residuals = kind === 'regression' ? new Residuals() : null;
  }

  /** Add one labelled prediction: its label, its prediction and its class scores. */
  update(label: unknown, prediction: unknown, scores: Record<string, unknown> | null): void {
    this.labelled++;
    this.labels.update(label);
    if (this.residuals !== null) {
      const t = asNumber(label);
      const p = asNumber(prediction);
      if (t !== undefined && p !== undefined) this.residuals.update(t, p);
      return;
    }
    const t = asClass(label);
    const p = asClass(prediction);
    if (t !== undefined && p !== undefined) {
      let row = this.confusion.get(t);
      if (row === undefined) {
        row = new Map();
        this.confusion.set(t, row);
      }
      row.set(p, (row.get(p) ?? 0) + 1);
    }
    if (scores === null || typeof scores !== 'object') return;
    let keys = 0;
    let total = 0;
    let clipped = 0;
    let outside = false;
    for (const k in scores) {
      keys++;
      let cs = this.classes.get(k);
      if (cs === undefined) {
        cs = new ClassScores();
        this.classes.set(k, cs);
      }
      const v = asNumber(scores[k]);
      if (t === undefined) continue;
      if (v !== undefined) cs.update(v, t === k);
      const x = v ?? 0;
      if (!(x >= 0 && x <= 1)) outside = true;
      total += x;
      clipped += clip(x);
    }
    if (t !== undefined) {
      this.probaLabels.set(t, (this.probaLabels.get(t) ?? 0) + 1);
      if (keys === 0) this.probaEmpty++;
      else this.probaLogLoss.add(-Math.log(clip(asNumber(scores[t]) ?? 0) / clipped));
      if (outside) this.probaOutside++;
      // rocAucScore's np.allclose(row sum, 1).
      if (!(Math.abs(1 - total) <= 1e-8 + 1e-5 * Math.abs(total))) this.probaUnnormalised++;
    }
    if (p === undefined || label === null) return;
    const score = scores[p];
    if (typeof score !== 'number') return;
    this.scored++;
    if (p !== String(label)) this.wrongByScore[wrongBin(score)]++;
  }

  /** Merge another profile of the same kind into this one. */
  merge(other: OutcomeProfile): this {
    if (other.kind !== this.kind) {
      throw new Error(`cannot merge a ${other.kind} outcome profile into a ${this.kind} one`);
    }
    this.labelled += other.labelled;
    this.labels.merge(other.labels);
    if (this.residuals !== null && other.residuals !== null) {
      this.residuals.merge(other.residuals);
      return this;
    }
    for (const [t, row] of other.confusion) {
      let mine = this.confusion.get(t);
      if (mine === undefined) {
        mine = new Map();
        this.confusion.set(t, mine);
      }
      for (const [p, n] of row) mine.set(p, (mine.get(p) ?? 0) + n);
    }
    for (const [c, cs] of other.classes) {
      let mine = this.classes.get(c);
      if (mine === undefined) {
        mine = new ClassScores();
        this.classes.set(c, mine);
      }
      mine.merge(cs);
    }
    for (const [t, n] of other.probaLabels) {
      this.probaLabels.set(t, (this.probaLabels.get(t) ?? 0) + n);
    }
    this.probaLogLoss.merge(other.probaLogLoss);
    this.probaEmpty += other.probaEmpty;
    this.probaOutside += other.probaOutside;
    this.probaUnnormalised += other.probaUnnormalised;
    this.scored += other.scored;
    for (let b = 0; b <= WRONG_BINS; b++) this.wrongByScore[b] += other.wrongByScore[b];
    return this;
  }

  /**
   * Wrong predictions whose predicted class scored at least `confidence`: exact when
   * `confidence` is a hundredth (0.9, 0.55), else within the hundredth it falls in (`bound`,
   * a count: the wrong predictions of that hundredth, half of them counted).
   */
  confidentWrong(confidence: number): { wrong: number; exact: boolean; bound: number } {
    const j = Math.round(confidence * WRONG_BINS);
    let from = j;
    const exact = j / WRONG_BINS === confidence;
    if (!exact) from = wrongBin(confidence) + 1;
    let wrong = 0;
    for (let b = from; b <= WRONG_BINS; b++) wrong += this.wrongByScore[b];
    if (exact) return { wrong, exact, bound: 0 };
    const half = this.wrongByScore[from - 1] / 2;
    return { wrong: wrong + half, exact, bound: half };
  }

  /** Compact bytes: format, kind, then the kind's parts. */
  toBytes(): Buffer {
    const w = new Writer();
    const head = Buffer.of(FORMAT, this.residuals === null ? CLASSIFICATION : REGRESSION);
    w.f64s(this.labelled);
    w.bytes(this.labels.toBytes());
    const r = this.residuals;
    if (r !== null) {
      w.f64s(r.n, r.abs.s, r.abs.c, r.sq.s, r.sq.c, r.ape.s, r.ape.c, r.maxAbs);
      w.bytes(r.y.toBytes());
      w.bytes(r.r.toBytes());
      w.bytes(r.absR.toBytes());
      return Buffer.concat([head, w.finish()]);
    }
    let cells = 0;
    for (const row of this.confusion.values()) cells += row.size;
    w.f64s(cells);
    for (const [t, row] of this.confusion) {
      for (const [p, n] of row) {
        w.text(t);
        w.text(p);
        w.f64s(n);
      }
    }
    w.f64s(this.classes.size);
    for (const [c, cs] of this.classes) {
      w.text(c);
      w.f64s(cs.n, cs.positives, cs.outside, cs.logLoss.s, cs.logLoss.c, cs.brier.s, cs.brier.c);
      for (let b = 0; b < ECE_BINS; b++) {
        w.f64s(cs.eceCount[b], cs.eceHits[b], cs.eceConf[b].s, cs.eceConf[b].c);
      }
      w.bytes(cs.pos?.toBytes() ?? null);
      w.bytes(cs.neg?.toBytes() ?? null);
    }
    w.f64s(this.probaLabels.size);
    for (const [t, n] of this.probaLabels) {
      w.text(t);
      w.f64s(n);
    }
    w.f64s(
      this.probaLogLoss.s,
      this.probaLogLoss.c,
      this.probaEmpty,
      this.probaOutside,
      this.probaUnnormalised,
      this.scored,
      ...this.wrongByScore,
    );
    return Buffer.concat([head, w.finish()]);
  }

  /** A profile from `toBytes()`; throws on bytes of another format. */
  static fromBytes(bytes: Uint8Array): OutcomeProfile {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (
      buf.length < 2 ||
      buf[0] !== FORMAT ||
      (buf[1] !== CLASSIFICATION && buf[1] !== REGRESSION)
    ) {
      throw new Error(
        `not an outcome profile of format ${FORMAT} (${buf.length} bytes, format ${buf[0]})`,
      );
    }
    const r = new Reader(buf);
    const p = new OutcomeProfile(buf[1] === REGRESSION ? 'regression' : 'classification');
    p.labelled = r.f64();
    p.labels = ColumnProfile.fromBytes(r.bytes() as Uint8Array);
    const res = p.residuals;
    if (res !== null) {
      res.n = r.f64();
      res.abs = r.sum();
      res.sq = r.sum();
      res.ape = r.sum();
      res.maxAbs = r.f64();
      res.y = Moments.fromBytes(r.bytes() as Uint8Array);
      res.r = Moments.fromBytes(r.bytes() as Uint8Array);
      res.absR = KllSketch.fromBytes(r.bytes() as Uint8Array);
      r.end();
      return p;
    }
    for (let cells = r.f64(); cells > 0; cells--) {
      const t = r.text();
      const pred = r.text();
      let row = p.confusion.get(t);
      if (row === undefined) {
        row = new Map();
        p.confusion.set(t, row);
      }
      row.set(pred, r.f64());
    }
    for (let classes = r.f64(); classes > 0; classes--) {
      const c = r.text();
      const cs = new ClassScores();
      cs.n = r.f64();
      cs.positives = r.f64();
      cs.outside = r.f64();
      cs.logLoss = r.sum();
      cs.brier = r.sum();
      for (let b = 0; b < ECE_BINS; b++) {
        cs.eceCount[b] = r.f64();
        cs.eceHits[b] = r.f64();
        cs.eceConf[b] = r.sum();
      }
      const pos = r.bytes();
      const neg = r.bytes();
      cs.pos = pos === null ? null : KllSketch.fromBytes(pos);
      cs.neg = neg === null ? null : KllSketch.fromBytes(neg);
      p.classes.set(c, cs);
    }
    for (let labels = r.f64(); labels > 0; labels--) {
      const t = r.text();
      p.probaLabels.set(t, r.f64());
    }
    p.probaLogLoss = r.sum();
    p.probaEmpty = r.f64();
    p.probaOutside = r.f64();
    p.probaUnnormalised = r.f64();
    p.scored = r.f64();
    for (let b = 0; b <= WRONG_BINS; b++) p.wrongByScore[b] = r.f64();
    r.end();
    return p;
  }
}

/** True class → predicted class → count. */
export type Confusion = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Metrics a profile cannot bound (average precision's precision at low recall): rows only. */
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
  if (RAW_ONLY_METRICS.has(name)) throw new TypeError(`${name} is read from the rows only`);
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
  for (const c of classes) {
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
    const w = weighted ? support : 1;
    sum += auc.value * w;
    bounds += auc.bound * w;
    weight += w;
  }
  return sketched(sum / weight, bounds / weight, 'value');
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
 * probabilities outside [0, 1], …); average precision is not answered (RAW_ONLY_METRICS).
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
