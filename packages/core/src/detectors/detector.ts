/**
 * The contract every streaming drift detector of @tend/core follows, and the small helpers
 * they share (input checks, River's running mean, JSON-safe numbers).
 *
 * Semantics follow River (online-ml/river ≥ 0.15): `update(x)` returns whether this value
 * triggered a drift and whether the detector sits in its warning zone; after a drift the
 * detector starts afresh on the next `update`, as River's detectors do (`if
 * self.drift_detected: self._reset()`), so the indices it reports match River's.
 */
import { TendInputError } from '../errors.js';

/** What one `update` reports. */
export interface DetectorSignal {
  /** This value completed a change: the detector will restart on the next update. */
  drift: boolean;
  /** The detector is in its warning zone (always false for detectors without one). */
  warning: boolean;
}

/** The common shape of a serialised detector: its kind, a format version and its options. */
export interface DetectorStateBase<K extends string, O> {
  type: K;
  version: 1;
  options: O;
  nDetections: number;
  drift: boolean;
  warning: boolean;
}

/**
 * A streaming drift detector.
 *
 * @example
 * const d: DriftDetector = new PageHinkley(); d.update(0.3); // { drift: false, warning: false }
 */
export interface DriftDetector {
  /** Feed one value; returns the signals after it. */
  update(x: number): DetectorSignal;
  /** Forget everything, including `nDetections`, as if newly constructed. */
  reset(): void;
  /** Drifts signalled since construction or the last `reset()`. */
  readonly nDetections: number;
  /** Whether the last update signalled a drift. */
  readonly driftDetected: boolean;
  /** Whether the last update left the detector in its warning zone. */
  readonly warningDetected: boolean;
  /** Plain JSON-serialisable state; the class's static `fromJSON` resumes it exactly. */
  toJSON(): DetectorStateBase<string, unknown>;
}

/** A number that survives JSON: ±Infinity and NaN as the strings 'inf', '-inf', 'nan'. */
export type JsonNumber = number | 'inf' | '-inf' | 'nan';

/**
 * Encode a number so that `JSON.stringify` keeps it (it turns ±Infinity into null).
 *
 * @example
 * encodeNumber(Number.POSITIVE_INFINITY); // 'inf'
 */
export function encodeNumber(v: number): JsonNumber {
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return 'nan';
  return v > 0 ? 'inf' : '-inf';
}

/**
 * Decode {@link encodeNumber}'s output, refusing anything else.
 *
 * @example
 * decodeNumber('Ddm.fromJSON', 'pMin', 'inf'); // Infinity
 */
export function decodeNumber(fn: string, name: string, v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'inf') return Number.POSITIVE_INFINITY;
  if (v === '-inf') return Number.NEGATIVE_INFINITY;
  if (v === 'nan') return Number.NaN;
  throw new TendInputError(fn, name, 'invalid_state', `is ${JSON.stringify(v)}, not a number`);
}

/**
 * Check the header of a serialised state and return it typed.
 *
 * @example
 * checkState('Ddm.fromJSON', { type: 'ddm', version: 1, options: {} }, 'ddm');
 */
export function checkState<T extends { type: string; version: number }>(
  fn: string,
  state: unknown,
  type: T['type'],
): T {
  if (state === null || typeof state !== 'object') {
    throw new TendInputError(fn, 'state', 'invalid_state', 'must be an object from toJSON()');
  }
  const s = state as { type?: unknown; version?: unknown; options?: unknown };
  if (s.type !== type) {
    throw new TendInputError(
      fn,
      'state',
      'invalid_state',
      `has type ${JSON.stringify(s.type)}; expected ${JSON.stringify(type)}`,
    );
  }
  if (s.version !== 1) {
    throw new TendInputError(
      fn,
      'state',
      'invalid_state',
      `has unknown version ${String(s.version)}`,
    );
  }
  if (s.options === null || typeof s.options !== 'object') {
    throw new TendInputError(fn, 'state', 'invalid_state', 'has no options');
  }
  return state as T;
}

/**
 * Refuse a non-finite or non-numeric value fed to `update`.
 *
 * @example
 * checkValue('Adwin.update', 0.5); // passes
 */
export function checkValue(fn: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new TendInputError(
      fn,
      'x',
      typeof x === 'number' ? 'not_finite' : 'invalid_type',
      `is ${String(x)}; expected a finite number`,
    );
  }
}

/**
 * Refuse anything but 0 or 1 (1 = error) for the binary detectors.
 *
 * @example
 * checkBit('Ddm.update', 1); // passes
 */
export function checkBit(fn: string, x: number): void {
  if (x !== 0 && x !== 1) {
    throw new TendInputError(
      fn,
      'x',
      typeof x === 'number' ? 'out_of_range' : 'invalid_type',
      `is ${String(x)}; expected 0 (correct) or 1 (error)`,
    );
  }
}

/** Running mean `{ n, mean }`, updated in River's order: mean += (x − mean) / n. */
export interface RunningMean {
  n: number;
  mean: number;
}

/**
 * Add one value to a running mean in place (River's `stats.Mean.update`, same rounding).
 *
 * @example
 * const m = { n: 0, mean: 0 }; pushMean(m, 4); pushMean(m, 2); m.mean; // 3
 */
export function pushMean(m: RunningMean, x: number): void {
  m.n += 1;
  m.mean += (x - m.mean) / m.n;
}

/** Running variance with ddof = 1 (River's `stats.Var()`): `{ n, mean, sigma }`. */
export interface RunningVar extends RunningMean {
  sigma: number;
}

/**
 * Add one value to a running variance in place (Welford, River's `stats.Var.update`).
 *
 * @example
 * const v = { n: 0, mean: 0, sigma: 0 }; for (const x of [3, 5]) pushVar(v, x); v.sigma; // 2
 */
export function pushVar(v: RunningVar, x: number): void {
  const before = v.mean;
  pushMean(v, x);
  if (v.n > 1) v.sigma += ((x - before) * (x - v.mean) - v.sigma) / (v.n - 1);
}

/**
 * Shared bookkeeping: the drift and warning flags, the detection count, River's restart on
 * the update after a drift. A subclass supplies `check`, `step` and `restart`.
 *
 * @example
 * class Never extends DetectorBase { protected check() {} protected step() {} protected restart() { this.clearFlags(); } }
 */
export abstract class DetectorBase {
  protected drift = false;
  protected warning = false;
  protected detections = 0;

  /** Drifts signalled since construction or the last `reset()`. */
  get nDetections(): number {
    return this.detections;
  }

  /** Whether the last update signalled a drift. */
  get driftDetected(): boolean {
    return this.drift;
  }

  /** Whether the last update left the detector in its warning zone. */
  get warningDetected(): boolean {
    return this.warning;
  }

  /** Feed one value; returns the signals after it. */
  update(x: number): DetectorSignal {
    this.check(x);
    // River starts afresh on the update that follows a drift, not on the drift itself, so
    // the state that caused the alarm stays inspectable until the next value arrives.
    if (this.drift) this.restart();
    this.step(x);
    if (this.drift) this.detections += 1;
    return { drift: this.drift, warning: this.warning };
  }

  /** Forget everything, including `nDetections`, as if newly constructed. */
  reset(): void {
    this.restart();
    this.detections = 0;
  }

  protected clearFlags(): void {
    this.drift = false;
    this.warning = false;
  }

  protected baseState(): { nDetections: number; drift: boolean; warning: boolean } {
    return { nDetections: this.detections, drift: this.drift, warning: this.warning };
  }

  protected restoreBase(
    fn: string,
    s: { nDetections?: unknown; drift?: unknown; warning?: unknown },
  ): void {
    if (!(Number.isInteger(s.nDetections) && (s.nDetections as number) >= 0)) {
      throw new TendInputError(fn, 'state', 'invalid_state', 'has no valid nDetections');
    }
    if (typeof s.drift !== 'boolean' || typeof s.warning !== 'boolean') {
      throw new TendInputError(fn, 'state', 'invalid_state', 'has no valid drift/warning flags');
    }
    this.detections = s.nDetections as number;
    this.drift = s.drift;
    this.warning = s.warning;
  }

  /** Throw TendInputError unless `x` is acceptable. */
  protected abstract check(x: number): void;
  /** Process one value, setting `drift` and `warning`. */
  protected abstract step(x: number): void;
  /** Return the algorithm to its initial state and clear both flags. */
  protected abstract restart(): void;
}

/**
 * Throw unless a flag option is a boolean.
 *
 * @example
 * checkBoolean('HddmA', 'twoSidedTest', true); // passes
 */
export function checkBoolean(fn: string, name: string, v: unknown): void {
  if (typeof v !== 'boolean') {
    throw new TendInputError(fn, name, 'invalid_option', `is ${String(v)}; expected true or false`);
  }
}
