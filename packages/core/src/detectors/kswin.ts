/**
 * KSWIN, Kolmogorov–Smirnov windowing (Raab, Heusinger & Schleif, "Reactive soft prototype
 * computing for concept drift streams", Neurocomputing 416, 2020), with River's defaults and
 * update rule (river/drift/kswin.py, River ≥ 0.15 API, latest stored version). River draws
 * its sample with Python's `random.Random(seed)`; here the draw uses Tend's seeded
 * xoshiro128** (`createRng`), so for the same seed the sampled indices — and hence the exact
 * alarm indices — differ from River's. `randBelow` is the one source of randomness: a
 * subclass may override it (the tests replay CPython's generator to reproduce River exactly).
 */
import { TendInputError } from '../errors.js';
import { createRng, type Rng, rngFromState } from '../random/xoshiro128.js';
import { ks2samp } from '../stattests/ks-2samp.js';
import { checkNumberOption, type NumericInput, toSample } from '../validate.js';
import {
  checkState,
  checkValue,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
} from './detector.js';

/** Options of {@link Kswin}; the defaults are River's, except that the seed defaults to 0. */
export interface KswinOptions {
  /** Significance of the KS test (default 0.005); River advises below 0.01. */
  alpha?: number;
  /** Length of the sliding window (default 100). */
  windowSize?: number;
  /** Length of the recent part R, and of the sample drawn from the older part (default 30). */
  statSize?: number;
  /** Seed of the sampling generator (default 0), re-applied at every restart as in River. */
  seed?: number;
  /** Values already collected, to avoid a cold start (the last `windowSize` are kept). */
  window?: NumericInput;
}

/** Serialised {@link Kswin}. */
export interface KswinState
  extends DetectorStateBase<'kswin', Required<Omit<KswinOptions, 'window'>>> {
  window: number[];
  rng: [number, number, number, number];
  statistic: number;
  pValue: number;
}

const FN = 'Kswin';

/**
 * KSWIN change detector on a stream of numbers.
 *
 * Slides a window Ψ of `windowSize` values; once full, compares its last `statSize` values R
 * with `statSize` values drawn without replacement from the rest, by the two-sample KS test
 * (SciPy's `ks_2samp`, `ks2samp` here). A drift is p ≤ alpha with statistic > 0.1; the window
 * then keeps only R, and the detector restarts on the next update (as in River).
 *
 * @example
 * const k = new Kswin({ seed: 1 }); for (let i = 0; i < 400; i++) k.update(i < 200 ? i % 3 : 10 + (i % 3)); k.nDetections > 0; // true
 */
export class Kswin extends DetectorBase {
  readonly alpha: number;
  readonly windowSize: number;
  readonly statSize: number;
  readonly seed: number;
  /** Statistic of the last test (0 before the window first fills). */
  statistic = 0;
  /** p-value of the last test (0 before the window first fills, as River's `p_value`). */
  pValue = 0;
  private window: number[] = [];
  private rng: Rng;

  constructor(options: KswinOptions = {}) {
    super();
    this.alpha = options.alpha ?? 0.005;
    this.windowSize = options.windowSize ?? 100;
    this.statSize = options.statSize ?? 30;
    this.seed = options.seed ?? 0;
    checkNumberOption(FN, 'alpha', this.alpha, { min: 0, max: 1 });
    checkNumberOption(FN, 'windowSize', this.windowSize, { min: 2, integer: true });
    checkNumberOption(FN, 'statSize', this.statSize, {
      min: 1,
      max: this.windowSize / 2,
      integer: true,
    });
    checkNumberOption(FN, 'seed', this.seed, {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
    });
    this.rng = createRng(this.seed);
    if (options.window !== undefined) {
      const w = toSample(FN, 'window', options.window, { minLength: 0 });
      this.window = Array.from(w.subarray(Math.max(0, w.length - this.windowSize)));
    }
  }

  protected check(x: number): void {
    checkValue(`${FN}.update`, x);
  }

  /** A uniform integer in [0, n); the one source of randomness. */
  protected randBelow(n: number): number {
    return this.rng.nextInt(n);
  }

  /** `k` distinct indices of [0, n), by a partial Fisher–Yates shuffle. */
  private drawIndices(n: number, k: number): number[] {
    const pool = Array.from({ length: n }, (_, i) => i);
    const out: number[] = new Array(k);
    for (let i = 0; i < k; i++) {
      const j = this.randBelow(n - i);
      out[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
    return out;
  }

  protected step(x: number): void {
    this.window.push(x);
    if (this.window.length > this.windowSize) this.window.shift();
    if (this.window.length < this.windowSize) return;
    const older = this.windowSize - this.statSize;
    const sample = this.drawIndices(older, this.statSize).map((i) => this.window[i]);
    const recent = this.window.slice(older);
    const { statistic, pValue } = ks2samp(sample, recent);
    this.statistic = statistic;
    this.pValue = pValue;
    if (pValue <= this.alpha && statistic > 0.1) {
      this.drift = true;
      this.window = recent;
    }
  }

  protected restart(): void {
    this.clearFlags();
    this.window = [];
    this.statistic = 0;
    this.pValue = 0;
    this.rng = createRng(this.seed);
  }

  /** Plain state for `JSON.stringify`; {@link Kswin.fromJSON} resumes it exactly. */
  toJSON(): KswinState {
    return {
      type: 'kswin',
      version: 1,
      options: {
        alpha: this.alpha,
        windowSize: this.windowSize,
        statSize: this.statSize,
        seed: this.seed,
      },
      ...this.baseState(),
      window: [...this.window],
      rng: this.rng.state(),
      statistic: this.statistic,
      pValue: this.pValue,
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * Kswin.fromJSON(new Kswin({ seed: 3 }).toJSON()).seed; // 3
   */
  static fromJSON(state: KswinState): Kswin {
    const fn = `${FN}.fromJSON`;
    const s = checkState<KswinState>(fn, state, 'kswin');
    const d = new Kswin(s.options);
    d.restoreBase(fn, s);
    if (!Array.isArray(s.window) || s.window.length > d.windowSize) {
      throw new TendInputError(fn, 'state', 'invalid_state', 'has no valid window');
    }
    d.window = s.window.map((v) => decodeNumber(fn, 'window', v));
    try {
      d.rng = rngFromState(s.rng);
    } catch {
      throw new TendInputError(fn, 'state', 'invalid_state', 'has no valid rng state');
    }
    d.statistic = decodeNumber(fn, 'statistic', s.statistic);
    d.pValue = decodeNumber(fn, 'pValue', s.pValue);
    return d;
  }
}
