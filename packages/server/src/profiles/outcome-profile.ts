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
 * Each per-row loss also keeps its sum of squares (Σloss², Σr⁴), and a regression the cross
 * sums Σry, Σry², Σr²y, Σr²y²: the variances behind the metrics' analytic confidence intervals
 * (`outcome-intervals.ts`). Format 2 added them; bytes of format 1 are refused by `fromBytes`,
 * and a stored profile of format 1 is rebuilt from the rows (`outcome-profiles.ts`).
 *
 * `metricFromProfile` (outcome-metrics.ts) answers the monitors' metrics from it, each as
 * @tend/core computes it on the rows: the confusion-matrix metrics equal it (the same
 * arithmetic on the same counts), the sums agree to rounding, the sketch metrics are within
 * their stated bound.
 */

import { KllSketch, Moments } from '@tend/core';
import { ColumnProfile } from './column-profile.js';

/** The bytes' format: 2 since the sums of squares and cross sums of the intervals. */
export const OUTCOME_PROFILE_FORMAT = 2;
const FORMAT = OUTCOME_PROFILE_FORMAT;
const CLASSIFICATION = 1;
const REGRESSION = 2;
/** KLL accuracy of the score and error sketches: rank error ≤ 0.68 % each (99 %), ~10 KB. */
const SKETCH_K = 400;
/** Equal-width bins of the expected calibration error: @tend/core's default. */
export const ECE_BINS = 10;
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

/**
 * The format an outcome profile's bytes were written in (their first byte), without reading
 * them: a stored profile of another format than OUTCOME_PROFILE_FORMAT must be rebuilt.
 *
 * @example
 * outcomeProfileFormat(new OutcomeProfile('regression').toBytes()); // 2
 */
export function outcomeProfileFormat(bytes: Uint8Array): number {
  return bytes.length === 0 ? 0 : bytes[0];
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
/**
 * A sketch's rank error: 0 while it holds every value it was given.
 *
 * @example
 * rankError(sketch); // 0.0066
 */
export function rankError(s: KllSketch | null): number {
  return s === null || s.numRetained === s.n ? 0 : s.normalizedRankError();
}

const copyKll = (s: KllSketch) => KllSketch.fromBytes(s.toBytes());

/**
 * One class c of the scores, taken as the positive class, over rows with a label and a score
 * (exported for the metrics read from it, `outcome-metrics.ts`).
 *
 * @example
 * const c = new ClassScores(); c.update(0.8, true); c.n; // 1
 */
export class ClassScores {
  n = 0;
  positives = 0;
  /** Scores outside [0, 1]: the probability metrics refuse them, as @tend/core does. */
  outside = 0;
  /** Σ −log p(true class), the row [1 − p, p] clipped as sklearn clips it. */
  logLoss = new Sum();
  /** Σ (−log p(true class))²: the log loss's variance. */
  logLossSq = new Sum();
  /** Σ (1[label = c] − p)². */
  brier = new Sum();
  /** Σ (1[label = c] − p)⁴: the Brier score's variance. */
  brierSq = new Sum();
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
    const loss = -Math.log((positive ? c : rest) / (rest + c));
    this.logLoss.add(loss);
    this.logLossSq.add(loss * loss);
    const d = (positive ? 1 : 0) - score;
    const d2 = d * d;
    this.brier.add(d2);
    this.brierSq.add(d2 * d2);
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
    this.logLossSq.merge(o.logLossSq);
    this.brier.merge(o.brier);
    this.brierSq.merge(o.brierSq);
    for (let b = 0; b < ECE_BINS; b++) {
      this.eceCount[b] += o.eceCount[b];
      this.eceHits[b] += o.eceHits[b];
      this.eceConf[b].merge(o.eceConf[b]);
    }
    if (o.pos !== null) this.pos = this.pos === null ? copyKll(o.pos) : this.pos.merge(o.pos);
    if (o.neg !== null) this.neg = this.neg === null ? copyKll(o.neg) : this.neg.merge(o.neg);
  }
}

/** The sums Residuals keeps for the intervals, in the order their bytes hold them. */
const CROSS_SUMS = ['apeSq', 'r4', 'ry', 'ry2', 'r2y', 'r2y2'] as const;

/**
 * Residuals r = y − ŷ of a regression, over rows whose label and prediction are numbers
 * (exported for the metrics read from them, `outcome-metrics.ts`).
 *
 * @example
 * const r = new Residuals(); r.update(3, 2.5); r.maxAbs; // 0.5
 */
export class Residuals {
  n = 0;
  abs = new Sum();
  sq = new Sum();
  /** Σ |r| / max(|y|, ε): MAPE as sklearn. */
  ape = new Sum();
  /** Σ (|r| / max(|y|, ε))² and Σr⁴: the variances of MAPE and MSE. */
  apeSq = new Sum();
  r4 = new Sum();
  /** Σry, Σry², Σr²y, Σr²y²: the covariances behind R² and explained variance. */
  ry = new Sum();
  ry2 = new Sum();
  r2y = new Sum();
  r2y2 = new Sum();
  maxAbs = 0;
  y = new Moments();
  r = new Moments();
  absR = new KllSketch({ k: SKETCH_K });

  update(t: number, p: number): void {
    this.n++;
    const a = Math.abs(p - t);
    const d = t - p;
    const d2 = d * d;
    const ape = a / Math.max(Math.abs(t), EPS);
    this.abs.add(a);
    this.sq.add(d2);
    this.ape.add(ape);
    this.apeSq.add(ape * ape);
    this.r4.add(d2 * d2);
    this.ry.add(d * t);
    this.ry2.add(d * t * t);
    this.r2y.add(d2 * t);
    this.r2y2.add(d2 * t * t);
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
    for (const k of CROSS_SUMS) this[k].merge(o[k]);
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
  /** Σ (−log(p(true)/Σ p))² of those rows: the multiclass log loss's variance. */
  probaLogLossSq = new Sum();
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
      else {
        const loss = -Math.log(clip(asNumber(scores[t]) ?? 0) / clipped);
        this.probaLogLoss.add(loss);
        this.probaLogLossSq.add(loss * loss);
      }
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
    this.probaLogLossSq.merge(other.probaLogLossSq);
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
      for (const k of CROSS_SUMS) w.f64s(r[k].s, r[k].c);
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
      w.f64s(cs.logLossSq.s, cs.logLossSq.c, cs.brierSq.s, cs.brierSq.c);
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
      this.probaLogLossSq.s,
      this.probaLogLossSq.c,
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
      for (const k of CROSS_SUMS) res[k] = r.sum();
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
      cs.logLossSq = r.sum();
      cs.brierSq = r.sum();
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
    p.probaLogLossSq = r.sum();
    p.probaEmpty = r.f64();
    p.probaOutside = r.f64();
    p.probaUnnormalised = r.f64();
    p.scored = r.f64();
    for (let b = 0; b <= WRONG_BINS; b++) p.wrongByScore[b] = r.f64();
    r.end();
    return p;
  }
}
