/**
 * Two-sided tabular CUSUM (Page, "Continuous inspection schemes", Biometrika 41, 1954;
 * Montgomery, "Introduction to Statistical Quality Control", §9.1: slack k = 0.5σ and
 * decision interval h = 5σ). The reference μ₀ and σ are estimated over a warm-up and frozen,
 * exactly as River's `drift.CUSUM` does (river/drift/cusum.py, commit 291ccdd — a recent
 * addition to River, the only version of that file read), whose defaults are used.
 */
import { checkChoice, checkNumberOption } from '../validate.js';
import {
  checkState,
  checkValue,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
  pushVar,
  type RunningVar,
} from './detector.js';

/** Which direction of change {@link Cusum} watches. */
export type CusumMode = 'up' | 'down' | 'both';

/** Options of {@link Cusum}; the defaults are River's (Montgomery's k and h). */
export interface CusumOptions {
  /** Warm-up length over which μ₀ and σ are estimated; no drift before (default 30). */
  minInstances?: number;
  /** Slack k in units of σ (default 0.5). */
  slack?: number;
  /** Decision interval h in units of σ (default 5). */
  threshold?: number;
  /** 'up', 'down' or 'both' (default). */
  mode?: CusumMode;
}

/** Serialised {@link Cusum}. */
export interface CusumState extends DetectorStateBase<'cusum', Required<CusumOptions>> {
  n: number;
  mean: number;
  sigma2: number;
  sumIncrease: number;
  sumDecrease: number;
  /** μ₀ once the warm-up is over, else null. */
  reference: number | null;
  sigma: number;
}

const FN = 'Cusum';
const MODES: readonly CusumMode[] = ['up', 'down', 'both'];

/**
 * Tabular CUSUM change detector on a stream of numbers.
 *
 * After the warm-up fixes μ₀ (mean) and σ (standard deviation, ddof = 1) of the first
 * `minInstances` values, C⁺ₜ = max(0, C⁺ₜ₋₁ + xₜ − μ₀ − kσ) and
 * C⁻ₜ = max(0, C⁻ₜ₋₁ − (xₜ − μ₀) − kσ); a drift is C⁺ > hσ ('up') or C⁻ > hσ ('down').
 * The last warm-up value is itself the first one tested, as in River.
 *
 * @example
 * const c = new Cusum(); for (let i = 0; i < 60; i++) c.update(i < 40 ? i % 2 : 5); c.nDetections; // 1
 */
export class Cusum extends DetectorBase {
  readonly minInstances: number;
  readonly slack: number;
  readonly threshold: number;
  readonly mode: CusumMode;
  private stats: RunningVar = { n: 0, mean: 0, sigma: 0 };
  private sumIncrease = 0;
  private sumDecrease = 0;
  private reference: number | null = null;
  private sigma = 0;

  constructor(options: CusumOptions = {}) {
    super();
    this.minInstances = options.minInstances ?? 30;
    this.slack = options.slack ?? 0.5;
    this.threshold = options.threshold ?? 5;
    const mode = options.mode ?? 'both';
    checkNumberOption(FN, 'minInstances', this.minInstances, { min: 1, integer: true });
    checkNumberOption(FN, 'slack', this.slack, { min: 0 });
    checkNumberOption(FN, 'threshold', this.threshold, { min: 0, exclusiveMin: true });
    checkChoice(FN, 'mode', mode, MODES);
    this.mode = mode;
  }

  protected check(x: number): void {
    checkValue(`${FN}.update`, x);
  }

  protected step(x: number): void {
    pushVar(this.stats, x);
    if (this.stats.n < this.minInstances) return;
    // A running mean would chase the very shift being looked for, so μ₀ and σ are frozen.
    if (this.reference === null) {
      this.reference = this.stats.mean;
      this.sigma = Math.sqrt(Math.max(this.stats.sigma, 0));
    }
    const k = this.slack * this.sigma;
    const limit = this.threshold * this.sigma;
    const dev = x - this.reference;
    this.sumIncrease = Math.max(0, this.sumIncrease + dev - k);
    this.sumDecrease = Math.max(0, this.sumDecrease - dev - k);
    const up = this.sumIncrease > limit;
    const down = this.sumDecrease > limit;
    this.drift = this.mode === 'up' ? up : this.mode === 'down' ? down : up || down;
  }

  protected restart(): void {
    this.clearFlags();
    this.stats = { n: 0, mean: 0, sigma: 0 };
    this.sumIncrease = 0;
    this.sumDecrease = 0;
    this.reference = null;
    this.sigma = 0;
  }

  /** Plain state for `JSON.stringify`; {@link Cusum.fromJSON} resumes it exactly. */
  toJSON(): CusumState {
    return {
      type: 'cusum',
      version: 1,
      options: {
        minInstances: this.minInstances,
        slack: this.slack,
        threshold: this.threshold,
        mode: this.mode,
      },
      ...this.baseState(),
      n: this.stats.n,
      mean: this.stats.mean,
      sigma2: this.stats.sigma,
      sumIncrease: this.sumIncrease,
      sumDecrease: this.sumDecrease,
      reference: this.reference,
      sigma: this.sigma,
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * Cusum.fromJSON(new Cusum().toJSON()).threshold; // 5
   */
  static fromJSON(state: CusumState): Cusum {
    const fn = `${FN}.fromJSON`;
    const s = checkState<CusumState>(fn, state, 'cusum');
    const d = new Cusum(s.options);
    d.restoreBase(fn, s);
    d.stats = {
      n: decodeNumber(fn, 'n', s.n),
      mean: decodeNumber(fn, 'mean', s.mean),
      sigma: decodeNumber(fn, 'sigma2', s.sigma2),
    };
    d.sumIncrease = decodeNumber(fn, 'sumIncrease', s.sumIncrease);
    d.sumDecrease = decodeNumber(fn, 'sumDecrease', s.sumDecrease);
    d.reference = s.reference === null ? null : decodeNumber(fn, 'reference', s.reference);
    d.sigma = decodeNumber(fn, 'sigma', s.sigma);
    return d;
  }
}
