/**
 * The production events a model's callers send, each described once: predictions (what the
 * model saw and said), labels (the ground truth that arrives later, joined by the prediction's
 * id) and feedback (what a user of the model said about one prediction).
 */
import { type Static, Type as T } from 'typebox';

/** Events in one request at most; larger backfills go in several (`tend ingest` does). */
export const MAX_BATCH = 10_000;

const EventId = T.String({
  minLength: 1,
  maxLength: 128,
  description: "the caller's id of the event",
});
const Time = T.String({
  format: 'date-time',
  description: 'when it happened, ISO-8601 (default: when received)',
});
const Value = T.Union([T.Number(), T.String(), T.Boolean(), T.Null()]);
const Output = T.Union([T.Number(), T.String(), T.Boolean()]);

export const PredictionEvent = T.Object(
  {
    id: EventId,
    timestamp: T.Optional(Time),
    version: T.Optional(T.Integer({ minimum: 1, description: 'the version that predicted' })),
    alias: T.Optional(
      T.String({
        minLength: 1,
        description: 'or the alias it was served under (default champion)',
      }),
    ),
    features: T.Record(T.String({ minLength: 1 }), Value, { description: 'feature → value' }),
    prediction: T.Union([Output, T.Null()], {
      description: "the model's output (null when the call failed and nothing was served)",
    }),
    scores: T.Optional(T.Record(T.String(), T.Number(), { description: 'class → score' })),
    probabilities: T.Optional(
      T.Record(T.String(), T.Number({ minimum: 0, maximum: 1 }), {
        description: 'class → probability',
      }),
    ),
    latencyMs: T.Optional(T.Number({ minimum: 0 })),
    error: T.Optional(
      T.String({
        minLength: 1,
        maxLength: 2000,
        description:
          'the model call failed: why (its prediction is then the fallback served, or null)',
      }),
    ),
    segment: T.Optional(
      T.Record(T.String({ minLength: 1 }), T.String(), {
        description: 'segment attribute → value',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PredictionEvent = Static<typeof PredictionEvent>;

export const LabelEvent = T.Object(
  {
    id: EventId,
    label: Output,
    timestamp: T.Optional(Time),
  },
  { additionalProperties: false, description: 'the ground truth of the prediction with this id' },
);
export type LabelEvent = Static<typeof LabelEvent>;

export const FeedbackEvent = T.Object(
  {
    id: T.String({ minLength: 1, maxLength: 128, description: "the feedback's own id" }),
    predictionId: EventId,
    thumbs: T.Optional(T.Enum(['up', 'down'])),
    rating: T.Optional(T.Number()),
    comment: T.Optional(T.String({ maxLength: 10_000 })),
    timestamp: T.Optional(Time),
  },
  { additionalProperties: false, minProperties: 3 },
);
export type FeedbackEvent = Static<typeof FeedbackEvent>;

/** A batch: 1 to MAX_BATCH events. */
export const batchOf = <S extends Parameters<typeof T.Array>[0]>(event: S) =>
  T.Array(event, { minItems: 1, maxItems: MAX_BATCH });
