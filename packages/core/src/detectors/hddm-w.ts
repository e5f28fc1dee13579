/**
 * HDDM_W, drift detection from McDiarmid's bound on exponentially weighted moving averages
 * (Frías-Blanco et al., IEEE TKDE 27(3), 2015), with River's defaults and update rule
 * (river/drift/binary/hddm_w.py, River ≥ 0.15 `drift.binary` API, read at commit 3aa815f;
 * a port of MOA's HDDM_W_Test).
 */
import { checkNumberOption } from '../validate.js';
import {
  checkBit,
  checkBoolean,
  checkState,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
  encodeNumber,
  type JsonNumber,
} from './detector.js';

/** Options of {@link HddmW}; the defaults are River's. */
export interface HddmWOptions {
  /** Significance of the drift test (default 0.001). */
  driftConfidence?: number;
  /** Significance of the warning test (default 0.005). */
  warningConfidence?: number;
  /** Weight λ of the newest value in the moving averages (default 0.05). */
  lambdaVal?: number;
  /** Also signal decreases of the error rate (default false: increases only). */
  twoSidedTest?: boolean;
}

/** An EWMA with its independent-bound condition: [ewma, ibc, initialised (0/1)]. */
type Sample = [number, number, number];

/** Serialised {@link HddmW}. */
export interface HddmWState extends DetectorStateBase<'hddmW', Required<HddmWOptions>> {
  total: Sample;
  s1Incr: Sample;
  s2Incr: Sample;
  s1Decr: Sample;
  s2Decr: Sample;
  incrCut: JsonNumber;
  decrCut: JsonNumber;
}

const FN = 'HddmW';
const fresh = (): Sample => [0, 1, 0];

/**
 * HDDM_W on a stream of 0/1 errors (1 = the model was wrong).
 *
 * Keeps an EWMA of the whole stream and, at the point where EWMA + ε was lowest (ε from
 * McDiarmid's inequality, ε = √(ibc · ln(1/δ)/2), ibc = Σ weights²), splits it into the part
 * before (S₁) and an EWMA of what came after (S₂). A drift is S̄₂ − S̄₁ > ε(ibc₁ + ibc₂) at
 * `driftConfidence`, a warning the same at `warningConfidence`.
 *
 * River's EWMA takes the first non-zero value as is (its `stats.EWMean` starts anew while its
 * mean is exactly 0); this is kept, since it shapes where River detects.
 *
 * @example
 * const h = new HddmW(); for (let i = 0; i < 500; i++) h.update(i % 5 === 0 ? 1 : 0); h.nDetections; // 0
 */
export class HddmW extends DetectorBase {
  readonly driftConfidence: number;
  readonly warningConfidence: number;
  readonly lambdaVal: number;
  readonly twoSidedTest: boolean;
  private total: Sample = fresh();
  private s1Incr: Sample = fresh();
  private s2Incr: Sample = fresh();
  private s1Decr: Sample = fresh();
  private s2Decr: Sample = fresh();
  private incrCut = Number.POSITIVE_INFINITY;
  private decrCut = Number.NEGATIVE_INFINITY;

  constructor(options: HddmWOptions = {}) {
    super();
    this.driftConfidence = options.driftConfidence ?? 0.001;
    this.warningConfidence = options.warningConfidence ?? 0.005;
    this.lambdaVal = options.lambdaVal ?? 0.05;
    this.twoSidedTest = options.twoSidedTest ?? false;
    const open = { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true };
    checkNumberOption(FN, 'driftConfidence', this.driftConfidence, open);
    checkNumberOption(FN, 'warningConfidence', this.warningConfidence, open);
    checkNumberOption(FN, 'lambdaVal', this.lambdaVal, { min: 0, max: 1, exclusiveMin: true });
    checkBoolean(FN, 'twoSidedTest', this.twoSidedTest);
  }

  protected check(x: number): void {
    checkBit(`${FN}.update`, x);
  }

  private push(s: Sample, x: number): void {
    const l = this.lambdaVal;
    s[0] = s[0] === 0 ? x : l * x + (1 - l) * s[0];
    s[1] = l * l + (1 - l) * (1 - l) * s[1];
    s[2] = 1;
  }

  private bound(ibc: number, confidence: number): number {
    return Math.sqrt((ibc * Math.log(1 / confidence)) / 2);
  }

  /** `later` has a mean above `earlier` by more than the bound. */
  private changed(earlier: Sample, later: Sample, confidence: number): boolean {
    if (earlier[2] === 0 || later[2] === 0) return false;
    return later[0] - earlier[0] > this.bound(earlier[1] + later[1], confidence);
  }

  protected step(x: number): void {
    this.push(this.total, x);

    const eps = this.bound(this.total[1], this.driftConfidence);
    if (this.total[0] + eps < this.incrCut) {
      this.incrCut = this.total[0] + eps;
      this.s1Incr = [...this.total];
      this.s2Incr = fresh();
    } else {
      this.push(this.s2Incr, x);
    }
    if (this.changed(this.s1Incr, this.s2Incr, this.driftConfidence)) {
      this.drift = true;
      this.warning = false;
    } else {
      this.drift = false;
      this.warning = this.changed(this.s1Incr, this.s2Incr, this.warningConfidence);
    }

    // The decrease statistics are kept even one-sided, as River does, so that switching a
    // saved state between modes is not needed and the arithmetic matches.
    if (this.total[0] - eps > this.decrCut) {
      this.decrCut = this.total[0] - eps;
      this.s1Decr = [...this.total];
      this.s2Decr = fresh();
    } else {
      this.push(this.s2Decr, x);
    }
    if (this.twoSidedTest) {
      if (this.changed(this.s2Decr, this.s1Decr, this.driftConfidence)) this.drift = true;
      else if (this.changed(this.s2Decr, this.s1Decr, this.warningConfidence)) this.warning = true;
    }
  }

  protected restart(): void {
    this.clearFlags();
    this.total = fresh();
    this.s1Incr = fresh();
    this.s2Incr = fresh();
    this.s1Decr = fresh();
    this.s2Decr = fresh();
    this.incrCut = Number.POSITIVE_INFINITY;
    this.decrCut = Number.NEGATIVE_INFINITY;
  }

  /** Plain state for `JSON.stringify`; {@link HddmW.fromJSON} resumes it exactly. */
  toJSON(): HddmWState {
    return {
      type: 'hddmW',
      version: 1,
      options: {
        driftConfidence: this.driftConfidence,
        warningConfidence: this.warningConfidence,
        lambdaVal: this.lambdaVal,
        twoSidedTest: this.twoSidedTest,
      },
      ...this.baseState(),
      total: [...this.total],
      s1Incr: [...this.s1Incr],
      s2Incr: [...this.s2Incr],
      s1Decr: [...this.s1Decr],
      s2Decr: [...this.s2Decr],
      incrCut: encodeNumber(this.incrCut),
      decrCut: encodeNumber(this.decrCut),
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * HddmW.fromJSON(JSON.parse(JSON.stringify(new HddmW().toJSON()))).nDetections; // 0
   */
  static fromJSON(state: HddmWState): HddmW {
    const fn = `${FN}.fromJSON`;
    const s = checkState<HddmWState>(fn, state, 'hddmW');
    const d = new HddmW(s.options);
    d.restoreBase(fn, s);
    const sample = (name: string, v: unknown): Sample => {
      const a = Array.isArray(v) && v.length === 3 ? v : [];
      return [decodeNumber(fn, name, a[0]), decodeNumber(fn, name, a[1]), a[2] ? 1 : 0];
    };
    d.total = sample('total', s.total);
    d.s1Incr = sample('s1Incr', s.s1Incr);
    d.s2Incr = sample('s2Incr', s.s2Incr);
    d.s1Decr = sample('s1Decr', s.s1Decr);
    d.s2Decr = sample('s2Decr', s.s2Decr);
    d.incrCut = decodeNumber(fn, 'incrCut', s.incrCut);
    d.decrCut = decodeNumber(fn, 'decrCut', s.decrCut);
    return d;
  }
}
