/**
 * EDDM, the Early Drift Detection Method (Baena-García, del Campo-Ávila, Fidalgo, Bifet,
 * Gavaldà & Morales-Bueno, 2006), with River's defaults and update rule
 * (river/drift/binary/eddm.py, River ≥ 0.15 `drift.binary` API, read at commit 70cad9e).
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import {
  checkBit,
  checkState,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
  pushVar,
  type RunningVar,
} from './detector.js';

/** Options of {@link Eddm}; the defaults are River's. */
export interface EddmOptions {
  /** Values, and errors, seen before any warning or drift can be signalled (default 30). */
  warmStart?: number;
  /** Warning when (p′ + 2s′)/(p′ + 2s′)_max < alpha (default 0.95). */
  alpha?: number;
  /** Drift when that ratio < beta (default 0.9); beta ≤ alpha. */
  beta?: number;
}

/** Serialised {@link Eddm}. */
export interface EddmState extends DetectorStateBase<'eddm', Required<EddmOptions>> {
  n: number;
  lastError: number;
  nErrors: number;
  distN: number;
  distMean: number;
  distSigma: number;
  p2sMax: number;
}

const FN = 'Eddm';

/**
 * Early Drift Detection Method on a stream of 0/1 errors (1 = the model was wrong).
 *
 * Follows the distance between consecutive errors: its running mean p′ and standard
 * deviation s′ (ddof = 1), and the largest p′ + 2s′ seen. Once more than `warmStart` values
 * and errors have been seen, an error whose p′ + 2s′ falls below `alpha` times that maximum
 * raises a warning, below `beta` times a drift. The flags change only when an error arrives.
 *
 * @example
 * const e = new Eddm(); for (let i = 0; i < 400; i++) e.update(i % 4 === 3 ? 1 : 0); e.nDetections; // 0
 */
export class Eddm extends DetectorBase {
  readonly warmStart: number;
  readonly alpha: number;
  readonly beta: number;
  private n = 0;
  private lastError = 0;
  private nErrors = 0;
  private dist: RunningVar = { n: 0, mean: 0, sigma: 0 };
  private p2sMax = -1;

  constructor(options: EddmOptions = {}) {
    super();
    this.warmStart = options.warmStart ?? 30;
    this.alpha = options.alpha ?? 0.95;
    this.beta = options.beta ?? 0.9;
    checkNumberOption(FN, 'warmStart', this.warmStart, { min: 0, integer: true });
    checkNumberOption(FN, 'alpha', this.alpha, { min: 0, max: 1 });
    checkNumberOption(FN, 'beta', this.beta, { min: 0, max: 1 });
    if (this.alpha < this.beta) {
      throw new TendInputError(
        FN,
        'beta',
        'invalid_option',
        `is ${this.beta}; it must not exceed alpha (${this.alpha})`,
      );
    }
  }

  protected check(x: number): void {
    checkBit(`${FN}.update`, x);
  }

  protected step(x: number): void {
    this.n += 1;
    if (x !== 1) return;
    this.nErrors += 1;
    pushVar(this.dist, this.n - this.lastError);
    if (this.n > this.warmStart) {
      const p2s = this.dist.mean + 2 * Math.sqrt(this.dist.sigma);
      if (p2s > this.p2sMax) {
        this.p2sMax = p2s;
      } else if (this.nErrors > this.warmStart) {
        const level = p2s / this.p2sMax;
        // As in River, a drift leaves the warning flag as it was; the restart clears both.
        if (level < this.beta) this.drift = true;
        else this.warning = level < this.alpha;
      }
    }
    this.lastError = this.n;
  }

  protected restart(): void {
    this.clearFlags();
    this.n = 0;
    this.lastError = 0;
    this.nErrors = 0;
    this.dist = { n: 0, mean: 0, sigma: 0 };
    this.p2sMax = -1;
  }

  /** Plain state for `JSON.stringify`; {@link Eddm.fromJSON} resumes it exactly. */
  toJSON(): EddmState {
    return {
      type: 'eddm',
      version: 1,
      options: { warmStart: this.warmStart, alpha: this.alpha, beta: this.beta },
      ...this.baseState(),
      n: this.n,
      lastError: this.lastError,
      nErrors: this.nErrors,
      distN: this.dist.n,
      distMean: this.dist.mean,
      distSigma: this.dist.sigma,
      p2sMax: this.p2sMax,
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * Eddm.fromJSON(new Eddm().toJSON()).nDetections; // 0
   */
  static fromJSON(state: EddmState): Eddm {
    const fn = `${FN}.fromJSON`;
    const s = checkState<EddmState>(fn, state, 'eddm');
    const d = new Eddm(s.options);
    d.restoreBase(fn, s);
    d.n = decodeNumber(fn, 'n', s.n);
    d.lastError = decodeNumber(fn, 'lastError', s.lastError);
    d.nErrors = decodeNumber(fn, 'nErrors', s.nErrors);
    d.dist = {
      n: decodeNumber(fn, 'distN', s.distN),
      mean: decodeNumber(fn, 'distMean', s.distMean),
      sigma: decodeNumber(fn, 'distSigma', s.distSigma),
    };
    d.p2sMax = decodeNumber(fn, 'p2sMax', s.p2sMax);
    return d;
  }
}
