/**
 * The registry's payloads, each described once with TypeBox: the HTTP layer validates
 * requests against these JSON Schemas, the OpenAPI document is built from them, and the
 * service's TypeScript types are derived from them (`Static`), so the three cannot disagree.
 */
import { type Static, Type as T } from 'typebox';

/** Model names: what a URL path, a shell and MLflow's clients all take without quoting trouble. */
export const MODEL_NAME_PATTERN = '^[A-Za-z0-9](?:[A-Za-z0-9._ -]{0,254}[A-Za-z0-9._-])?$';
/** MLflow's alias rule: word characters and dashes, at most 255. */
export const ALIAS_PATTERN = '^[A-Za-z0-9_-]{1,255}$';

export const TASKS = [
  'binary_classification',
  'multiclass_classification',
  'regression',
  'ranking',
  'generative',
] as const;
export const VERSION_STATUSES = ['pending', 'ready', 'failed', 'archived'] as const;
export const FIELD_TYPES = [
  'double',
  'integer',
  'boolean',
  'string',
  'categorical',
  'datetime',
] as const;

const Time = T.String({ format: 'date-time', description: 'UTC, ISO-8601' });
const ModelName = T.String({ pattern: MODEL_NAME_PATTERN, description: 'unique model name' });
const Tags = T.Record(T.String({ minLength: 1, maxLength: 250 }), T.String({ maxLength: 5000 }), {
  description: 'free key–value labels',
});
const Sha256 = T.String({ pattern: '^[0-9a-f]{64}$', description: 'lowercase hex SHA-256' });
const Metrics = T.Record(T.String({ minLength: 1 }), T.Number(), {
  description: 'metric name → value',
});

export const Task = T.Enum(TASKS, { description: 'what the model predicts' });

export const SchemaField = T.Object(
  {
    name: T.String({ minLength: 1 }),
    type: T.Enum(FIELD_TYPES),
    categories: T.Optional(T.Array(T.String())),
    nullable: T.Optional(T.Boolean()),
    description: T.Optional(T.String()),
  },
  { additionalProperties: false },
);
export const IoSchema = T.Array(SchemaField, {
  description: 'the fields a model takes or gives: names, types, categories',
});

const StrictInputs = T.Boolean({
  description:
    "refuse production events that do not match the version's input schema (default: count them as data-quality findings)",
});
const WindowSeconds = T.Integer({
  minimum: 60,
  maximum: 30 * 86400,
  description: 'the length of a monitoring window, seconds (default 3600)',
});
const WindowEvents = T.Union([T.Integer({ minimum: 10, maximum: 10_000_000 }), T.Null()], {
  description:
    'windows of this many predictions (per version, in arrival order) instead of windows of time; null for windows of time (the default)',
});

export const CreateModel = T.Object(
  {
    name: ModelName,
    description: T.Optional(T.String({ maxLength: 10000 })),
    task: Task,
    owner: T.Optional(T.String({ maxLength: 256 })),
    tags: T.Optional(Tags),
    strictInputs: T.Optional(StrictInputs),
    windowSeconds: T.Optional(WindowSeconds),
    windowEvents: T.Optional(WindowEvents),
  },
  { additionalProperties: false },
);
export type CreateModel = Static<typeof CreateModel>;

export const UpdateModel = T.Object(
  {
    name: T.Optional(ModelName),
    description: T.Optional(T.String({ maxLength: 10000 })),
    task: T.Optional(Task),
    owner: T.Optional(T.String({ maxLength: 256 })),
    strictInputs: T.Optional(StrictInputs),
    windowSeconds: T.Optional(WindowSeconds),
    windowEvents: T.Optional(WindowEvents),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateModel = Static<typeof UpdateModel>;

export const Model = T.Object({
  name: T.String(),
  description: T.String(),
  task: Task,
  owner: T.String(),
  tags: Tags,
  aliases: T.Record(T.String(), T.Integer(), { description: 'alias → version number' }),
  latestVersion: T.Union([T.Integer(), T.Null()]),
  strictInputs: T.Boolean(),
  windowSeconds: T.Integer(),
  windowEvents: T.Union([T.Integer(), T.Null()]),
  createdAt: Time,
  createdBy: T.String(),
  updatedAt: Time,
});
export type Model = Static<typeof Model>;

export const VersionRef = T.Object(
  {
    model: T.Optional(ModelName),
    version: T.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, description: 'a version; of the same model when model is absent' },
);

export const CreateVersion = T.Object(
  {
    description: T.Optional(T.String({ maxLength: 10000 })),
    status: T.Optional(T.Enum(VERSION_STATUSES)),
    artifactUri: T.Optional(T.String({ minLength: 1, maxLength: 4096 })),
    artifactSha256: T.Optional(Sha256),
    codeCommit: T.Optional(T.String({ minLength: 1, maxLength: 256 })),
    dataRef: T.Optional(
      T.String({ minLength: 1, maxLength: 4096, description: 'training data reference' }),
    ),
    dataHash: T.Optional(T.String({ minLength: 1, maxLength: 256 })),
    pipelineVersion: T.Optional(T.String({ minLength: 1, maxLength: 256 })),
    runId: T.Optional(T.String({ minLength: 1, maxLength: 256 })),
    params: T.Optional(
      T.Record(
        T.String({ minLength: 1 }),
        T.Union([T.String(), T.Number(), T.Boolean(), T.Null()]),
        {
          description: 'hyperparameters',
        },
      ),
    ),
    metrics: T.Optional(Metrics),
    segmentMetrics: T.Optional(
      T.Record(T.String({ minLength: 1 }), Metrics, { description: 'segment → metrics' }),
    ),
    dependencies: T.Optional(
      T.Record(T.String({ minLength: 1 }), T.String(), { description: 'package → version' }),
    ),
    inputSchema: T.Optional(IoSchema),
    outputSchema: T.Optional(IoSchema),
    card: T.Optional(
      T.Record(T.String({ minLength: 1 }), T.String(), {
        description: 'model-card fields: intended use, limitations, …',
      }),
    ),
    parent: T.Optional(VersionRef),
    tags: T.Optional(Tags),
  },
  { additionalProperties: false },
);
export type CreateVersion = Static<typeof CreateVersion>;

export const UpdateVersion = T.Object(
  {
    description: T.Optional(T.String({ maxLength: 10000 })),
    status: T.Optional(T.Enum(VERSION_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateVersion = Static<typeof UpdateVersion>;

export const Version = T.Object({
  model: T.String(),
  version: T.Integer(),
  description: T.String(),
  status: T.String(),
  artifact: T.Union([
    T.Object({
      uri: T.Union([T.String(), T.Null()]),
      sha256: T.Union([T.String(), T.Null()]),
      size: T.Union([T.Integer(), T.Null()]),
      stored: T.Boolean({ description: "held in Tend's artifact store (downloadable)" }),
    }),
    T.Null(),
  ]),
  codeCommit: T.Union([T.String(), T.Null()]),
  dataRef: T.Union([T.String(), T.Null()]),
  dataHash: T.Union([T.String(), T.Null()]),
  pipelineVersion: T.Union([T.String(), T.Null()]),
  runId: T.Union([T.String(), T.Null()]),
  params: T.Record(T.String(), T.Unknown()),
  metrics: Metrics,
  segmentMetrics: T.Record(T.String(), Metrics),
  dependencies: T.Record(T.String(), T.String()),
  inputSchema: T.Union([IoSchema, T.Null()]),
  outputSchema: T.Union([IoSchema, T.Null()]),
  card: T.Record(T.String(), T.String()),
  parent: T.Union([T.Object({ model: T.String(), version: T.Integer() }), T.Null()]),
  tags: Tags,
  aliases: T.Array(T.String()),
  createdAt: Time,
  createdBy: T.String(),
  updatedAt: Time,
});
export type Version = Static<typeof Version>;

export const SetAlias = T.Object(
  {
    version: T.Integer({ minimum: 1 }),
    reason: T.Optional(T.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SetAlias = Static<typeof SetAlias>;

export const AliasEvent = T.Object({
  alias: T.String(),
  action: T.Enum(['set', 'delete', 'rollback']),
  version: T.Union([T.Integer(), T.Null()], { description: 'the holder after the event' }),
  previous: T.Union([T.Integer(), T.Null()], { description: 'the holder before the event' }),
  actor: T.String(),
  reason: T.Union([T.String(), T.Null()]),
  at: Time,
});
export type AliasEvent = Static<typeof AliasEvent>;

export const AuditEvent = T.Object({
  id: T.Integer(),
  at: Time,
  actor: T.String(),
  action: T.String(),
  targetType: T.String(),
  target: T.String(),
  model: T.Union([T.String(), T.Null()]),
  before: T.Unknown(),
  after: T.Unknown(),
});
export type AuditEvent = Static<typeof AuditEvent>;
