/**
 * The monitors' settings, one TypeBox schema per kind: the API validates against them, the
 * OpenAPI document shows them, the YAML file is checked by them, and the evaluators take
 * their `Static` types. Every setting has a default a team can start from; `docs/monitoring.md`
 * says what each one means.
 */
import { type Static, Type as T } from 'typebox';

export const MONITOR_KINDS = [
  'data_quality',
  'feature_drift',
  'prediction_drift',
  'label_drift',
  'skew',
  'performance',
  'decay',
  'outputs',
  'operations',
] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

export const STATUSES = ['ok', 'warning', 'alert', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/** Where a value turns from ok to warning and from warning to alert. */
const Levels = T.Object(
  {
    warning: T.Optional(T.Number({ description: 'the value at which the status is warning' })),
    alert: T.Optional(T.Number({ description: 'the value at which the status is alert' })),
  },
  { additionalProperties: false },
);
export type LevelsConfig = Static<typeof Levels>;

const Features = T.Array(T.String({ minLength: 1 }), {
  description: 'the features to watch (default: every feature of the reference)',
});
const Stattests = T.Record(T.String({ minLength: 1 }), T.String({ minLength: 1 }), {
  description: "forced drift tests: '*' for every feature, or a feature's name",
});
const DriftSettings = {
  stattest: T.Optional(Stattests),
  threshold: T.Optional(
    T.Number({ exclusiveMinimum: 0, description: 'p-value level of tests, or distance' }),
  ),
  correction: T.Optional(
    T.Enum(['benjamini-hochberg', 'holm', 'bonferroni', 'none'], {
      description: 'multiple-testing correction across features (default benjamini-hochberg)',
    }),
  ),
  exactLimit: T.Optional(
    T.Integer({
      minimum: 0,
      maximum: 100_000,
      description:
        'windows of at most this many events are tested exactly on their events; larger ones from sketches (default 5000)',
    }),
  ),
};

export const DataQualityConfig = T.Object(
  {
    features: T.Optional(Features),
    missingShare: T.Optional(Levels),
    typeErrorShare: T.Optional(Levels),
    newCategoryShare: T.Optional(Levels),
    outOfRangeShare: T.Optional(Levels),
    volume: T.Optional(
      T.Object(
        {
          lookback: T.Optional(
            T.Integer({
              minimum: 1,
              maximum: 52,
              description: 'earlier windows at the same time of day (or week) to expect from',
            }),
          ),
          low: T.Optional(T.Number({ minimum: 0, description: 'alert below this × expected' })),
          high: T.Optional(T.Number({ minimum: 1, description: 'alert above this × expected' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const FeatureDriftConfig = T.Object(
  { features: T.Optional(Features), ...DriftSettings },
  { additionalProperties: false },
);

export const OutputDriftConfig = T.Object(DriftSettings, { additionalProperties: false });

export const SkewConfig = T.Object(
  {
    features: T.Optional(Features),
    windows: T.Optional(
      T.Integer({
        minimum: 1,
        maximum: 1000,
        description: "the version's first production windows, merged (default 24)",
      }),
    ),
    ...DriftSettings,
  },
  { additionalProperties: false },
);

export const PerformanceConfig = T.Object(
  {
    metric: T.String({
      minLength: 1,
      description:
        "a metric of the model's task, named as `tend report` names it: recall, rocAuc, f1Macro, mae, …",
    }),
    positiveLabel: T.Optional(
      T.String({ description: "a binary model's positive class, as text (default '1')" }),
    ),
    threshold: T.Optional(Levels),
    segments: T.Optional(
      T.Array(T.String({ minLength: 1 }), {
        description: 'segment attributes to measure the metric within',
      }),
    ),
    fairness: T.Optional(
      T.Object(
        {
          attribute: T.String({ minLength: 1 }),
          maxGap: T.Number({ minimum: 0, description: 'largest gap between segments that is ok' }),
        },
        { additionalProperties: false },
      ),
    ),
    confidence: T.Optional(T.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
    bootstrap: T.Optional(
      T.Integer({ minimum: 0, maximum: 10_000, description: 'resamples (0: no interval)' }),
    ),
    minLabels: T.Optional(
      T.Integer({ minimum: 1, description: 'fewer labels than this: no_data (default 30)' }),
    ),
  },
  { additionalProperties: false },
);

export const DecayConfig = T.Object(
  {
    monitor: T.String({ minLength: 1, description: 'the performance monitor to follow' }),
    threshold: T.Number({ description: 'the value the metric must not cross' }),
    windows: T.Optional(T.Integer({ minimum: 3, maximum: 1000, description: 'default 30' })),
    warningWithinDays: T.Optional(T.Number({ exclusiveMinimum: 0, description: 'default 14' })),
    alertWithinDays: T.Optional(T.Number({ exclusiveMinimum: 0, description: 'default 7' })),
  },
  { additionalProperties: false },
);

export const OutputsConfig = T.Object(
  {
    min: T.Optional(T.Number({ description: 'the smallest reasonable prediction' })),
    max: T.Optional(T.Number({ description: 'the largest reasonable prediction' })),
    confidentWrong: T.Optional(
      T.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description: 'a wrong prediction with a score at least this is confidently wrong',
      }),
    ),
    share: T.Optional(Levels),
  },
  { additionalProperties: false },
);

export const OperationsConfig = T.Object(
  {
    latencyP50Ms: T.Optional(Levels),
    latencyP95Ms: T.Optional(Levels),
    latencyP99Ms: T.Optional(Levels),
    errorRate: T.Optional(Levels),
    minEventsPerSecond: T.Optional(T.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const MONITOR_CONFIGS = {
  data_quality: DataQualityConfig,
  feature_drift: FeatureDriftConfig,
  prediction_drift: OutputDriftConfig,
  label_drift: OutputDriftConfig,
  skew: SkewConfig,
  performance: PerformanceConfig,
  decay: DecayConfig,
  outputs: OutputsConfig,
  operations: OperationsConfig,
} as const;

export type DataQualitySettings = Static<typeof DataQualityConfig>;
export type FeatureDriftSettings = Static<typeof FeatureDriftConfig>;
export type OutputDriftSettings = Static<typeof OutputDriftConfig>;
export type SkewSettings = Static<typeof SkewConfig>;
export type PerformanceSettings = Static<typeof PerformanceConfig>;
export type DecaySettings = Static<typeof DecayConfig>;
export type OutputsSettings = Static<typeof OutputsConfig>;
export type OperationsSettings = Static<typeof OperationsConfig>;

export const MonitorName = T.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$',
  description: 'unique per model',
});

export const MonitorBody = T.Object(
  {
    kind: T.Enum(MONITOR_KINDS),
    config: T.Optional(T.Record(T.String(), T.Unknown(), { description: "the kind's settings" })),
  },
  { additionalProperties: false },
);
export type MonitorInput = Static<typeof MonitorBody>;

export const Monitor = T.Object({
  model: T.String(),
  name: T.String(),
  kind: T.Enum(MONITOR_KINDS),
  config: T.Record(T.String(), T.Unknown()),
  createdAt: T.String(),
  createdBy: T.String(),
  updatedAt: T.String(),
});
export type MonitorInfo = Static<typeof Monitor>;

export const MonitorResult = T.Object({
  monitor: T.String(),
  version: T.Integer(),
  windowStart: T.String(),
  segment: T.String(),
  metric: T.String(),
  value: T.Union([T.Number(), T.Null()]),
  status: T.Enum(STATUSES),
  detail: T.Optional(
    T.Record(T.String(), T.Unknown(), { description: 'left out when asked with detail=false' }),
  ),
  evaluatedAt: T.String(),
});
export type MonitorResultInfo = Static<typeof MonitorResult>;
