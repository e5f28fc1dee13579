/**
 * The Page–Hinkley test (Page, "Continuous inspection schemes", Biometrika 41, 1954), with
 * River's defaults and update rule (river/drift/page_hinkley.py, the current two-sided
 * version with `mode`, latest stored version).
 */
import { checkChoice, checkNumberOption } from '../validate.js';
import {
  checkState,
  checkValue,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
  encodeNumber,
  type JsonNumber,
  pushMean,
  type RunningMean,
} from './detector.js';

/** Which direction of change {@link PageHinkley} watches. */
export type PageHinkleyMode = 'up' | 'down' | 'both';

/** Options of {@link PageHinkley}; the defaults are River's. */
export interface PageHinkleyOptions {
  /** Values seen before a drift can be signalled (default 30). */
  minInstances?: number;
  /** Magnitude of change tolerated, subtracted from every deviation (default 0.005). */
  delta?: number;
  /** Decision threshold λ (default 50). */
  threshold?: number;
  /** Forgetting factor of the cumulative sums (default 1 − 0.0001). */
  alpha?: number;
  /** 'up', 'down' or 'both' (default). */
  mode?: PageHinkleyMode;
}

/** Serialised {@link PageHinkley}. */
export interface PageHinkleyState
  extends DetectorStateBase<'pageHinkley', Required<PageHinkleyOptions>> {
  n: number;
  mean: number;
  sumIncrease: number;
  sumDecrease: number;
  minIncrease: JsonNumber;
  maxDecrease: number;
}

const FN = 'PageHinkley';
const MODES: readonly PageHinkleyMode[] = ['up', 'down', 'both'];

/**
 * Page–Hinkley change detector on a stream of numbers.
 *
 * With x̄ₜ the running mean, mₜ = α·mₜ₋₁ + (xₜ − x̄ₜ − δ) accumulates upward deviations and
 * Mₜ = α·Mₜ₋₁ + (xₜ − x̄ₜ + δ) downward ones; after `minInstances` values a drift is
 * mₜ − min m > λ ('up') or max M − Mₜ > λ ('down').
 *
 * River starts the running maximum of the downward sum at −1, not −∞; this is kept, since it
 * decides River's 'down' detections on streams whose sum stays below −1.
 *
 * @example
 * const ph = new PageHinkley(); for (let i = 0; i < 100; i++) ph.update(i < 50 ? 0 : 10); ph.nDetections; // 1
 */
export class PageHinkley extends DetectorBase {
  readonly minInstances: number;
  readonly delta: number;
  readonly threshold: number;
  readonly alpha: number;
  readonly mode: PageHinkleyMode;
  private mean: RunningMean = { n: 0, mean: 0 };
  private sumIncrease = 0;
  private sumDecrease = 0;
  private minIncrease = Number.POSITIVE_INFINITY;
  private maxDecrease = -1;

  constructor(options: PageHinkleyOptions = {}) {
    super();
    this.minInstances = options.minInstances ?? 30;
    this.delta = options.delta ?? 0.005;
    this.threshold = options.threshold ?? 50;
    this.alpha = options.alpha ?? 1 - 0.0001;
    const mode = options.mode ?? 'both';
    checkNumberOption(FN, 'minInstances', this.minInstances, { min: 1, integer: true });
    checkNumberOption(FN, 'delta', this.delta, { min: 0 });
    checkNumberOption(FN, 'threshold', this.threshold, { min: 0, exclusiveMin: true });
    checkNumberOption(FN, 'alpha', this.alpha, { min: 0, max: 1 });
    checkChoice(FN, 'mode', mode, MODES);
    this.mode = mode;
  }

  protected check(x: number): void {
    checkValue(`${FN}.update`, x);
  }

  protected step(x: number): void {
    pushMean(this.mean, x);
    const dev = x - this.mean.mean;
    this.sumIncrease = this.alpha * this.sumIncrease + dev - this.delta;
    this.sumDecrease = this.alpha * this.sumDecrease + dev + this.delta;
    if (this.sumIncrease < this.minIncrease) this.minIncrease = this.sumIncrease;
    if (this.sumDecrease > this.maxDecrease) this.maxDecrease = this.sumDecrease;
    if (this.mean.n < this.minInstances) return;
    const up = this.sumIncrease - this.minIncrease > this.threshold;
    const down = this.maxDecrease - this.sumDecrease > this.threshold;
    this.drift = this.mode === 'up' ? up : this.mode === 'down' ? down : up || down;
  }

  protected restart(): void {
    this.clearFlags();
    this.mean = { n: 0, mean: 0 };
    this.sumIncrease = 0;
    this.sumDecrease = 0;
    this.minIncrease = Number.POSITIVE_INFINITY;
    this.maxDecrease = -1;
  }

  /** Plain state for `JSON.stringify`; {@link PageHinkley.fromJSON} resumes it exactly. */
  toJSON(): PageHinkleyState {
    return {
      type: 'pageHinkley',
      version: 1,
      options: {
        minInstances: this.minInstances,
        delta: this.delta,
        threshold: this.threshold,
        alpha: this.alpha,
        mode: this.mode,
      },
      ...this.baseState(),
      n: this.mean.n,
      mean: this.mean.mean,
      sumIncrease: this.sumIncrease,
      sumDecrease: this.sumDecrease,
      minIncrease: encodeNumber(this.minIncrease),
      maxDecrease: this.maxDecrease,
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * PageHinkley.fromJSON(JSON.parse(JSON.stringify(new PageHinkley().toJSON()))).mode; // 'both'
   */
  static fromJSON(state: PageHinkleyState): PageHinkley {
    const fn = `${FN}.fromJSON`;
    const s = checkState<PageHinkleyState>(fn, state, 'pageHinkley');
    const d = new PageHinkley(s.options);
    d.restoreBase(fn, s);
    d.mean = { n: decodeNumber(fn, 'n', s.n), mean: decodeNumber(fn, 'mean', s.mean) };
    d.sumIncrease = decodeNumber(fn, 'sumIncrease', s.sumIncrease);
    d.sumDecrease = decodeNumber(fn, 'sumDecrease', s.sumDecrease);
    d.minIncrease = decodeNumber(fn, 'minIncrease', s.minIncrease);
    d.maxDecrease = decodeNumber(fn, 'maxDecrease', s.maxDecrease);
    return d;
  }
}
