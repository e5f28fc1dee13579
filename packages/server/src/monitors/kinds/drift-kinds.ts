/**
 * The drift monitors: features (`feature_drift`), the model's outputs (`prediction_drift`:
 * the prediction and each class's score), the ground truth (`label_drift`, on the labels that
 * have joined the window's predictions) and training–serving skew (`skew`: the reference
 * against the version's first production windows merged, feature by feature). Each compares
 * with the version's reference; a version without one gets a no_data result that says how to
 * set it.
 */
import { ColumnProfile } from '../../profiles/column-profile.js';
import type {
  FeatureDriftSettings,
  OutputDriftSettings,
  SkewSettings,
} from '../monitor-schemas.js';
import { windowLabels } from '../performance-metric.js';
import type { Evaluator, ResultRow } from '../result-row.js';
import { readWindowProfiles, type WindowData } from '../window-data.js';
import { DEFAULT_EXACT_LIMIT, type DriftColumn, driftResults } from './column-drift-results.js';

const FEATURE = 'feature:';

function noReference(data: WindowData): ResultRow[] {
  return [
    {
      metric: 'drifted_share',
      value: null,
      status: 'no_data',
      detail: {
        reason: `version ${data.versionNumber} has no reference: set one with \`tend reference set ${data.owner.name} ${data.versionNumber} FILE\``,
      },
    },
  ];
}

function missingColumn(metric: string): ResultRow {
  return {
    metric,
    value: null,
    status: 'no_data',
    detail: { reason: 'no event of the window has this column' },
  };
}

/** Drift of the given reference columns against the window's profiles (and values when small). */
async function windowDrift(
  data: WindowData,
  metrics: string[],
  settings: OutputDriftSettings,
  nameOf: (metric: string) => string,
  readerOf: (
    metric: string,
  ) => (e: {
    features: Record<string, unknown>;
    prediction: unknown;
    scores: Record<string, number> | null;
  }) => unknown,
): Promise<ResultRow[]> {
  const reference = (await data.reference()) as NonNullable<
    Awaited<ReturnType<WindowData['reference']>>
  >;
  const exact = data.events <= (settings.exactLimit ?? DEFAULT_EXACT_LIMIT);
  const events = exact ? await data.rawEvents() : [];
  const columns: DriftColumn[] = [];
  const missing: ResultRow[] = [];
  for (const metric of metrics) {
    const current = data.profile(metric);
    const ref = reference.get(metric);
    if (current === undefined || ref === undefined) {
      missing.push(missingColumn(metric));
      continue;
    }
    const read = readerOf(metric);
    columns.push({
      metric,
      name: nameOf(metric),
      reference: ref,
      current,
      ...(exact ? { currentValues: events.map(read) } : {}),
    });
  }
  return [...driftResults(columns, settings), ...missing];
}

/**
 * `feature_drift`: each feature of the reference (or those listed) in the window.
 *
 * @example
 * await featureDrift({}, data, monitor); // [{ metric: 'feature:age', value: 0.31, status: 'alert', … }, …]
 */
export const featureDrift: Evaluator<FeatureDriftSettings> = async (settings, data) => {
  const reference = await data.reference();
  if (reference === null) return noReference(data);
  const metrics =
    settings.features?.map((f) => FEATURE + f) ??
    [...reference.keys()].filter((k) => k.startsWith(FEATURE)).sort();
  return windowDrift(
    data,
    metrics,
    settings,
    (m) => m.slice(FEATURE.length),
    (m) => {
      const name = m.slice(FEATURE.length);
      return (e) => e.features[name];
    },
  );
};

/**
 * `prediction_drift`: the prediction and each class's score, when the reference has them.
 *
 * @example
 * await predictionDrift({}, data, monitor); // [{ metric: 'prediction', … }, { metric: 'score:1', … }, …]
 */
export const predictionDrift: Evaluator<OutputDriftSettings> = async (settings, data) => {
  const reference = await data.reference();
  if (reference === null) return noReference(data);
  const metrics = [...reference.keys()]
    .filter((k) => k === 'prediction' || k.startsWith('score:'))
    .sort();
  if (metrics.length === 0) {
    return [
      {
        metric: 'drifted_share',
        value: null,
        status: 'no_data',
        detail: { reason: 'the reference has no prediction column: map one when setting it' },
      },
    ];
  }
  return windowDrift(
    data,
    metrics,
    settings,
    (m) => m,
    (m) => {
      if (m === 'prediction') return (e) => e.prediction;
      const cls = m.slice('score:'.length);
      return (e) => e.scores?.[cls];
    },
  );
};

/**
 * `label_drift`: the labels that joined the window's predictions against the reference's.
 *
 * @example
 * await labelDrift({}, data, monitor); // [{ metric: 'label', … }, { metric: 'drifted_share', … }]
 */
export const labelDrift: Evaluator<OutputDriftSettings> = async (settings, data) => {
  const reference = await data.reference();
  if (reference === null) return noReference(data);
  const ref = reference.get('label');
  if (ref === undefined) {
    return [
      {
        metric: 'label',
        value: null,
        status: 'no_data',
        detail: { reason: 'the reference has no label column: map one when setting it' },
      },
    ];
  }
  // A large window's labels are profiled as they join (its outcome profile); a small one's
  // are read, for the exact test.
  const joined = await windowLabels(data);
  const profiled = joined.profiles?.profile('');
  if (profiled !== undefined) {
    return driftResults(
      [{ metric: 'label', name: 'label', reference: ref, current: profiled.labels }],
      settings,
    );
  }
  const labels = (await joined.rows()).map((e) => e.label);
  if (labels.length === 0) {
    return [
      { metric: 'label', value: null, status: 'no_data', detail: { reason: 'no labels yet' } },
    ];
  }
  const current = new ColumnProfile();
  for (const l of labels) current.update(l);
  const exact = labels.length <= (settings.exactLimit ?? DEFAULT_EXACT_LIMIT);
  return driftResults(
    [
      {
        metric: 'label',
        name: 'label',
        reference: ref,
        current,
        ...(exact ? { currentValues: labels } : {}),
      },
    ],
    settings,
  );
};

/**
 * `skew`: the reference against the version's first production windows merged (sketches).
 * Its results are kept under the first window's start, and computed while the window being
 * evaluated is one of those first windows.
 *
 * @example
 * await skew({ windows: 24 }, data, monitor); // [{ metric: 'feature:age', … }, …] or [] past the first 24 windows
 */
export const skew: Evaluator<SkewSettings> = async (settings, data) => {
  const count = settings.windows ?? 24;
  const first = await data.db
    .selectFrom('window_profiles')
    .select('window_start')
    .distinct()
    .where('model_id', '=', data.owner.id)
    .where('version_id', '=', data.versionId)
    .orderBy('window_start')
    .limit(count)
    .execute();
  const windows = first.map((r) => r.window_start);
  if (!windows.includes(data.windowStart)) return [];
  const reference = await data.reference();
  if (reference === null) return noReference(data).map((r) => ({ ...r, windowStart: windows[0] }));
  const merged = await readWindowProfiles(data.db, data.owner.id, data.versionId, windows);
  const all = merged.bySegment.get('') ?? new Map<string, ColumnProfile>();
  const metrics =
    settings.features?.map((f) => FEATURE + f) ??
    [...reference.keys()].filter((k) => k.startsWith(FEATURE)).sort();
  const columns: DriftColumn[] = [];
  const missing: ResultRow[] = [];
  for (const metric of metrics) {
    const current = all.get(metric);
    const ref = reference.get(metric);
    if (current === undefined || ref === undefined) missing.push(missingColumn(metric));
    else columns.push({ metric, name: metric.slice(FEATURE.length), reference: ref, current });
  }
  const detail = { windows: windows.length, from: windows[0], events: merged.events };
  return [...driftResults(columns, settings), ...missing].map((r) => ({
    ...r,
    windowStart: windows[0],
    detail: { ...r.detail, productionWindows: detail },
  }));
};
