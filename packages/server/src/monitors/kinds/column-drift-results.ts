/**
 * Drift of columns (features, the prediction, the scores, the label) between a version's
 * reference and production, decided as `tend report` decides it (Tend's preset: KS for
 * numbers, chi-square for categories and for numbers with at most 5 distinct values, each
 * drifted only when significant after the Benjamini–Hochberg correction across columns AND
 * at least a small effect), with two ways to get there:
 *
 * - exact, when the production side holds at most `exactLimit` events: the test runs on the
 *   events themselves against the reference's sample, the very computation of `tend report`;
 * - from sketches, on larger windows: KS from the two KLL sketches (|D̂ − D| within the
 *   sketches' rank-error bound, stated in the detail), PSI, Jensen–Shannon or Hellinger from
 *   their binned sketches when forced, chi-square on the frequent-item counts of categories
 *   (exact while a column has at most 100 distinct values).
 *
 * A test forced by `stattest` that needs raw values falls back to KS on a window too large for
 * them, and says so in the reason.
 */
import {
  driftTests,
  hellingerFromSketches,
  jensenShannonFromSketches,
  type KllSketch,
  ksFromSketches,
  psiFromSketches,
} from '@tend/core';
import type { ColumnProfile } from '../../profiles/column-profile.js';
import {
  type ColumnDriftOptions,
  decideColumnDrift,
  type MeasuredDrift,
  measureColumnDrift,
} from '../../report/drift/column-drift.js';
import type { DriftInput } from '../../report/drift/drift-input.js';
import { minEffectSizes } from '../../report/drift/min-effect-sizes.js';
import type { ResultRow } from '../result-row.js';
import type { ReferenceData } from '../window-data.js';

export const DEFAULT_EXACT_LIMIT = 5000;
/** Evidently's threshold on few distinct values (`_get_default_stattest`), as `tend report`. */
const FEW_VALUES = 5;
const SKETCH_TESTS = new Set(['ks', 'psi', 'jensenshannon', 'hellinger']);

export interface DriftSettingsShape {
  stattest?: Record<string, string>;
  threshold?: number;
  correction?: ColumnDriftOptions['correction'];
  exactLimit?: number;
}

/** One column to test: the reference's side and production's. */
export interface DriftColumn {
  /** The result's metric: `feature:age`, `prediction`, `score:1`, `label`. */
  metric: string;
  /** The name `stattest` and the reasons use: `age`, `prediction`. */
  name: string;
  reference: ReferenceData;
  current: ColumnProfile;
  /** Production's values, when it is small enough for the exact tests. */
  currentValues?: unknown[];
}

type Kind = 'numerical' | 'categorical';

/**
 * Whether a profile is of numbers or of categories (the kind most of its values have).
 *
 * @example
 * kindOfProfile(profile); // 'numerical'
 */
export function kindOfProfile(p: ColumnProfile): Kind | null {
  const numbers = p.counts.number;
  const others = p.counts.string + p.counts.boolean;
  if (numbers === 0 && others === 0) return null;
  return numbers >= others ? 'numerical' : 'categorical';
}

function numbersOf(values: unknown[]): Float64Array {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return Float64Array.from(out);
}

function labelsOf(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if ((typeof v === 'string' && v !== '') || typeof v === 'boolean') out.push(String(v));
  }
  return out;
}

/** Category counts from a frequent-items sketch; mass it no longer itemises goes to one bin. */
function itemCounts(p: ColumnProfile): Map<string, number> {
  const counts = new Map<string, number>();
  if (p.items === null) return counts;
  let listed = 0;
  for (const row of p.items.items()) {
    counts.set(String(row.item), row.lowerBound);
    listed += row.lowerBound;
  }
  const rest = p.items.n - listed;
  if (rest > 0) counts.set('(other values)', rest);
  return counts;
}

/** Counts per distinct value from a KLL sketch (exact while it holds every value). */
function valueCounts(s: KllSketch): Map<string, number> {
  const { items, cum } = s.sortedView();
  const counts = new Map<string, number>();
  let before = 0;
  for (let i = 0; i < items.length; i++) {
    const key = String(items[i]);
    counts.set(key, (counts.get(key) ?? 0) + cum[i] - before);
    before = cum[i];
  }
  return counts;
}

function distinctSketchValues(s: KllSketch, limit: number): number {
  const { items } = s.sortedView();
  let distinct = 0;
  for (let i = 0; i < items.length; i++) {
    if (i === 0 || items[i] !== items[i - 1]) distinct++;
    if (distinct > limit) break;
  }
  return distinct;
}

interface Measured {
  column: DriftColumn;
  measured?: MeasuredDrift;
  exact: boolean;
  sizes: { reference: number; current: number };
  errorBound?: number;
  why?: string;
}

function exactMeasure(c: DriftColumn, kind: Kind, options: ColumnDriftOptions): Measured {
  const values = c.currentValues as unknown[];
  const input: DriftInput =
    kind === 'numerical'
      ? { name: c.name, kind, reference: numbersOf(c.reference.sample), current: numbersOf(values) }
      : { name: c.name, kind, reference: labelsOf(c.reference.sample), current: labelsOf(values) };
  const sizes = {
    reference: (input.reference as ArrayLike<unknown>).length,
    current: (input.current as ArrayLike<unknown>).length,
  };
  if (sizes.reference === 0 || sizes.current === 0) {
    return { column: c, exact: true, sizes, why: 'no values on one side' };
  }
  return { column: c, measured: measureColumnDrift(input, options), exact: true, sizes };
}

function sketchMeasure(
  c: DriftColumn,
  kind: Kind,
  options: ColumnDriftOptions,
  settings: DriftSettingsShape,
): Measured {
  const ref = c.reference.profile;
  const cur = c.current;
  if (kind === 'categorical' || ref.quantiles === null || cur.quantiles === null) {
    const reference = itemCounts(ref);
    const current = itemCounts(cur);
    const sizes = { reference: ref.items?.n ?? 0, current: cur.items?.n ?? 0 };
    if (sizes.reference === 0 || sizes.current === 0) {
      return { column: c, exact: false, sizes, why: 'no values on one side' };
    }
    const input: DriftInput = { name: c.name, kind: 'categorical', reference, current };
    return { column: c, measured: measureColumnDrift(input, options), exact: false, sizes };
  }
  const sizes = { reference: ref.quantiles.n, current: cur.quantiles.n };
  if (
    distinctSketchValues(ref.quantiles, FEW_VALUES) <= FEW_VALUES &&
    distinctSketchValues(cur.quantiles, FEW_VALUES) <= FEW_VALUES
  ) {
    const input: DriftInput = {
      name: c.name,
      kind: 'categorical',
      reference: valueCounts(ref.quantiles),
      current: valueCounts(cur.quantiles),
    };
    return { column: c, measured: measureColumnDrift(input, options), exact: false, sizes };
  }
  const forced = settings.stattest?.[c.name] ?? settings.stattest?.['*'];
  const method = forced !== undefined && SKETCH_TESTS.has(forced) ? forced : 'ks';
  const fallback =
    forced !== undefined && method !== forced
      ? ` (${forced} needs the values themselves; this window has more than ${settings.exactLimit ?? DEFAULT_EXACT_LIMIT} events)`
      : '';
  const alpha = 0.05;
  if (method === 'ks') {
    const ks = ksFromSketches(ref.quantiles, cur.quantiles);
    const threshold = settings.threshold ?? alpha;
    const minEffectSize = minEffectSizes.get('ks');
    return {
      column: c,
      exact: false,
      sizes,
      errorBound: ks.errorBound,
      measured: {
        choice: {
          method: 'ks',
          threshold: alpha,
          reason: `numerical: ks from KLL sketches, |D̂ − D| ≤ ${ks.errorBound.toPrecision(2)}, drifted when significant and KS D ≥ 0.1 (Tend)${fallback}`,
          testKind: 'numerical',
          ...(minEffectSize === undefined ? {} : { minEffectSize }),
        },
        threshold,
        isTest: true,
        result: {
          method: 'ks',
          statistic: ks.statistic,
          pValue: ks.pValue,
          threshold,
          drifted: ks.pValue < threshold,
          effectSize: ks.statistic,
        },
      },
    };
  }
  const fn =
    method === 'psi'
      ? psiFromSketches
      : method === 'jensenshannon'
        ? jensenShannonFromSketches
        : hellingerFromSketches;
  const distance = fn(ref.quantiles, cur.quantiles);
  const threshold = settings.threshold ?? (driftTests.get(method)?.defaultThreshold as number);
  return {
    column: c,
    exact: false,
    sizes,
    ...(distance.errorBound === null ? {} : { errorBound: distance.errorBound }),
    measured: {
      choice: {
        method,
        threshold,
        reason: `${method} forced, from binned KLL sketches`,
        testKind: 'numerical',
      },
      threshold,
      isTest: false,
      result: {
        method,
        statistic: distance.statistic,
        threshold,
        drifted: distance.statistic >= threshold,
      },
    },
  };
}

/**
 * The drift of each column (a result per column, plus `drifted_share`: the share of tested
 * columns that drifted: ok at 0, warning below one half, alert from one half, Evidently's
 * dataset rule). A column drifted is an alert; one significant but below the smallest effect
 * that counts is a warning.
 *
 * @example
 * driftResults([{ metric: 'feature:age', name: 'age', reference, current }], {}).map((r) => r.status); // ['alert', 'alert']
 */
export function driftResults(columns: DriftColumn[], settings: DriftSettingsShape): ResultRow[] {
  const options: ColumnDriftOptions = {
    preset: 'tend',
    ...(settings.stattest === undefined ? {} : { stattest: settings.stattest }),
    ...(settings.threshold === undefined ? {} : { threshold: settings.threshold }),
    ...(settings.correction === undefined ? {} : { correction: settings.correction }),
  };
  const rows: ResultRow[] = [];
  const done: Measured[] = [];
  for (const c of columns) {
    const kind = kindOfProfile(c.reference.profile);
    if (kind === null) {
      rows.push({
        metric: c.metric,
        value: null,
        status: 'no_data',
        detail: { reason: 'the reference has no values of this column' },
      });
      continue;
    }
    try {
      done.push(
        c.currentValues !== undefined
          ? exactMeasure(c, kind, options)
          : sketchMeasure(c, kind, options, settings),
      );
    } catch (err) {
      rows.push({
        metric: c.metric,
        value: null,
        status: 'no_data',
        detail: { error: (err as Error).message },
      });
    }
  }
  const measured = done.filter((m) => m.measured !== undefined);
  const decided = decideColumnDrift(
    measured.map((m) => m.measured),
    options,
  );
  let tested = 0;
  let drifted = 0;
  measured.forEach((m, i) => {
    const d = decided[i];
    if (d === undefined) return;
    tested++;
    if (d.drifted) drifted++;
    const isTest = m.measured?.isTest === true;
    const p = d.adjustedPValue ?? d.pValue;
    const significant = isTest && p !== undefined && p < d.threshold;
    rows.push({
      metric: m.column.metric,
      value: d.effectSize ?? d.statistic,
      status: d.drifted ? 'alert' : significant ? 'warning' : 'ok',
      detail: {
        ...d,
        exact: m.exact,
        referenceValues: m.sizes.reference,
        currentValues: m.sizes.current,
        ...(m.errorBound === undefined ? {} : { errorBound: m.errorBound }),
      },
    });
  });
  for (const m of done) {
    if (m.measured !== undefined) continue;
    rows.push({
      metric: m.column.metric,
      value: null,
      status: 'no_data',
      detail: { reason: m.why, referenceValues: m.sizes.reference, currentValues: m.sizes.current },
    });
  }
  const share = tested === 0 ? null : drifted / tested;
  rows.push({
    metric: 'drifted_share',
    value: share,
    status: share === null ? 'no_data' : share >= 0.5 ? 'alert' : share > 0 ? 'warning' : 'ok',
    detail: { tested, drifted },
  });
  return rows;
}
