/**
 * DDM, the Drift Detection Method (Gama, Medas, Castillo & Rodrigues, "Learning with Drift
 * Detection", SBIA 2004), with River's defaults and update rule (river/drift/binary/ddm.py,
 * River ≥ 0.15 `drift.binary` API, read at commit 7cb9956).
 */
import { checkNumberOption } from '../validate.js';
import {
  checkBit,
  checkState,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
  encodeNumber,
  type JsonNumber,
  type RunningMean,
} from './detector.js';

/** Options of {@link Ddm}; the defaults are River's. */
export interface DdmOptions {
  /** Values seen before any warning or drift can be signalled (default 30). */
  warmStart?: number;
  /** Warning when pᵢ + sᵢ > p_min + warningThreshold·s_min (default 2, ≈95 %). */
  warningThreshold?: number;
  /** Drift when pᵢ + sᵢ > p_min + driftThreshold·s_min (default 3, ≈99 %). */
  driftThreshold?: number;
}

/** Serialised {@link Ddm}. */
export interface DdmState extends DetectorStateBase<'ddm', Required<DdmOptions>> {
  n: number;
  p: number;
  pMin: JsonNumber;
  sMin: JsonNumber;
  psMin: JsonNumber;
}

const FN = 'Ddm';

/**
 * Drift Detection Method on a stream of 0/1 errors (1 = the model was wrong).
 *
 * Tracks the error rate pᵢ and its binomial deviation sᵢ = √(pᵢ(1 − pᵢ)/i), remembers
 * p_min and s_min where pᵢ + sᵢ was lowest, and after `warmStart` values signals a warning
 * when pᵢ + sᵢ > p_min + 2·s_min and a drift when pᵢ + sᵢ > p_min + 3·s_min.
 *
 * @example
 * const ddm = new Ddm(); for (let i = 0; i < 100; i++) ddm.update(i % 10 === 0 ? 1 : 0); ddm.update(1); // { drift: false, warning: false }
 */
export class Ddm extends DetectorBase {
  readonly warmStart: number;
  readonly warningThreshold: number;
  readonly driftThreshold: number;
  private rate: RunningMean = { n: 0, mean: 0 };
  private pMin = Number.POSITIVE_INFINITY;
  private sMin = Number.POSITIVE_INFINITY;
  private psMin = Number.POSITIVE_INFINITY;

  constructor(options: DdmOptions = {}) {
    super();
    this.warmStart = options.warmStart ?? 30;
    this.warningThreshold = options.warningThreshold ?? 2;
    this.driftThreshold = options.driftThreshold ?? 3;
    checkNumberOption(FN, 'warmStart', this.warmStart, { min: 0, integer: true });
    checkNumberOption(FN, 'warningThreshold', this.warningThreshold, { min: 0 });
    checkNumberOption(FN, 'driftThreshold', this.driftThreshold, { min: 0 });
  }

  protected check(x: number): void {
    checkBit(`${FN}.update`, x);
  }

  protected step(x: number): void {
    const m = this.rate;
    m.n += 1;
    m.mean += (x - m.mean) / m.n;
    const p = m.mean;
    const s = Math.sqrt((p * (1 - p)) / m.n);
    if (m.n <= this.warmStart) return;
    // River records the minimum on ≤, so a tie moves the reference to the latest point.
    if (p + s <= this.psMin) {
      this.pMin = p;
      this.sMin = s;
      this.psMin = p + s;
    }
    this.warning = p + s > this.pMin + this.warningThreshold * this.sMin;
    if (p + s > this.pMin + this.driftThreshold * this.sMin) {
      this.drift = true;
      this.warning = false;
    }
  }

  protected restart(): void {
    this.clearFlags();
    this.rate = { n: 0, mean: 0 };
    this.pMin = Number.POSITIVE_INFINITY;
    this.sMin = Number.POSITIVE_INFINITY;
    this.psMin = Number.POSITIVE_INFINITY;
  }

  /** Plain state for `JSON.stringify`; {@link Ddm.fromJSON} resumes it exactly. */
  toJSON(): DdmState {
    return {
      type: 'ddm',
      version: 1,
      options: {
        warmStart: this.warmStart,
        warningThreshold: this.warningThreshold,
        driftThreshold: this.driftThreshold,
      },
      ...this.baseState(),
      n: this.rate.n,
      p: this.rate.mean,
      pMin: encodeNumber(this.pMin),
      sMin: encodeNumber(this.sMin),
      psMin: encodeNumber(this.psMin),
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * Ddm.fromJSON(JSON.parse(JSON.stringify(new Ddm().toJSON()))).nDetections; // 0
   */
  static fromJSON(state: DdmState): Ddm {
    const fn = `${FN}.fromJSON`;
    const s = checkState<DdmState>(fn, state, 'ddm');
    const d = new Ddm(s.options);
    d.restoreBase(fn, s);
    d.rate = { n: decodeNumber(fn, 'n', s.n), mean: decodeNumber(fn, 'p', s.p) };
    d.pMin = decodeNumber(fn, 'pMin', s.pMin);
    d.sMin = decodeNumber(fn, 'sMin', s.sMin);
    d.psMin = decodeNumber(fn, 'psMin', s.psMin);
    return d;
  }
}
