/**
 * HDDM_A, drift detection from Hoeffding's bound on moving averages (Frías-Blanco,
 * del Campo-Ávila, Ramos-Jiménez, Morales-Bueno, Ortiz-Díaz & Caballero-Mota, "Online and
 * non-parametric drift detection methods based on Hoeffding's bounds", IEEE TKDE 27(3), 2015),
 * with River's defaults and update rule (river/drift/binary/hddm_a.py, River ≥ 0.15
 * `drift.binary` API, read at commit 7cb9956; itself a port of MOA's HDDM_A_Test).
 */
import { checkNumberOption } from '../validate.js';
import {
  checkBit,
  checkBoolean,
  checkState,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
  pushMean,
  type RunningMean,
} from './detector.js';

/** Options of {@link HddmA}; the defaults are River's. */
export interface HddmAOptions {
  /** Significance of the drift test (default 0.001). */
  driftConfidence?: number;
  /** Significance of the warning test (default 0.005). */
  warningConfidence?: number;
  /** Also signal decreases of the error rate (default false: increases only). */
  twoSidedTest?: boolean;
}

/** Serialised {@link HddmA}. */
export interface HddmAState extends DetectorStateBase<'hddmA', Required<HddmAOptions>> {
  /** [n, mean] of the global mean, the cut point for increases, the one for decreases. */
  z: [number, number];
  xMin: [number, number];
  xMax: [number, number];
}

const FN = 'HddmA';

/**
 * HDDM_A on a stream of 0/1 errors (1 = the model was wrong).
 *
 * Keeps the mean of everything seen (Z) and a snapshot X of it taken where X̄ + ε_X was
 * lowest (ε = √(ln(1/δ)/(2n)), Hoeffding). The error rate has increased when
 * Z̄ − X̄ ≥ √(m/2 · ln(2/δ)) with m = (n_Z − n_X)/(n_X · n_Z): a drift at
 * `driftConfidence`, a warning at `warningConfidence`.
 *
 * @example
 * const h = new HddmA(); for (let i = 0; i < 500; i++) h.update(i % 5 === 0 ? 1 : 0); h.nDetections; // 0
 */
export class HddmA extends DetectorBase {
  readonly driftConfidence: number;
  readonly warningConfidence: number;
  readonly twoSidedTest: boolean;
  private z: RunningMean = { n: 0, mean: 0 };
  private xMin: RunningMean = { n: 0, mean: 0 };
  private xMax: RunningMean = { n: 0, mean: 0 };

  constructor(options: HddmAOptions = {}) {
    super();
    this.driftConfidence = options.driftConfidence ?? 0.001;
    this.warningConfidence = options.warningConfidence ?? 0.005;
    this.twoSidedTest = options.twoSidedTest ?? false;
    const open = { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true };
    checkNumberOption(FN, 'driftConfidence', this.driftConfidence, open);
    checkNumberOption(FN, 'warningConfidence', this.warningConfidence, open);
    checkBoolean(FN, 'twoSidedTest', this.twoSidedTest);
  }

  protected check(x: number): void {
    checkBit(`${FN}.update`, x);
  }

  private bound(n: number): number {
    return Math.sqrt((1 / (2 * n)) * Math.log(1 / this.driftConfidence));
  }

  protected step(x: number): void {
    const z = this.z;
    pushMean(z, x);
    if (this.xMin.n === 0) this.xMin = { ...z };
    if (this.xMax.n === 0) this.xMax = { ...z };
    // Both cut points move with the drift bound, as in MOA and River.
    const epsZ = this.bound(z.n);
    if (this.xMin.mean + this.bound(this.xMin.n) >= z.mean + epsZ) this.xMin = { ...z };
    if (this.xMax.mean - this.bound(this.xMax.n) <= z.mean - epsZ) this.xMax = { ...z };

    if (this.increased(this.driftConfidence)) {
      this.drift = true;
      this.warning = false;
    } else {
      this.drift = false;
      this.warning = this.increased(this.warningConfidence);
    }
    if (this.twoSidedTest) {
      if (this.decreased(this.driftConfidence)) this.drift = true;
      else if (this.decreased(this.warningConfidence)) this.warning = true;
    }
  }

  private gap(cut: RunningMean, confidence: number): number {
    const z = this.z;
    const m = ((z.n - cut.n) / cut.n) * (1 / z.n);
    return Math.sqrt((m / 2) * Math.log(2 / confidence));
  }

  private increased(confidence: number): boolean {
    if (this.xMin.n === this.z.n) return false;
    return this.z.mean - this.xMin.mean >= this.gap(this.xMin, confidence);
  }

  private decreased(confidence: number): boolean {
    if (this.xMax.n === this.z.n) return false;
    return this.xMax.mean - this.z.mean >= this.gap(this.xMax, confidence);
  }

  protected restart(): void {
    this.clearFlags();
    this.z = { n: 0, mean: 0 };
    this.xMin = { n: 0, mean: 0 };
    this.xMax = { n: 0, mean: 0 };
  }

  /** Plain state for `JSON.stringify`; {@link HddmA.fromJSON} resumes it exactly. */
  toJSON(): HddmAState {
    return {
      type: 'hddmA',
      version: 1,
      options: {
        driftConfidence: this.driftConfidence,
        warningConfidence: this.warningConfidence,
        twoSidedTest: this.twoSidedTest,
      },
      ...this.baseState(),
      z: [this.z.n, this.z.mean],
      xMin: [this.xMin.n, this.xMin.mean],
      xMax: [this.xMax.n, this.xMax.mean],
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * HddmA.fromJSON(new HddmA().toJSON()).nDetections; // 0
   */
  static fromJSON(state: HddmAState): HddmA {
    const fn = `${FN}.fromJSON`;
    const s = checkState<HddmAState>(fn, state, 'hddmA');
    const d = new HddmA(s.options);
    d.restoreBase(fn, s);
    const mean = (name: string, v: unknown): RunningMean => {
      const a = Array.isArray(v) ? v : [];
      return { n: decodeNumber(fn, name, a[0]), mean: decodeNumber(fn, name, a[1]) };
    };
    d.z = mean('z', s.z);
    d.xMin = mean('xMin', s.xMin);
    d.xMax = mean('xMax', s.xMax);
    return d;
  }
}
