/**
 * Alert rules, alerts and channels as the API takes and shows them, one TypeBox schema each.
 */
import { type Static, Type as T } from 'typebox';

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
const NamePattern = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$';
export const RuleName = T.String({ pattern: NamePattern, description: 'unique per model' });
export const ChannelName = T.String({ pattern: NamePattern, description: 'unique' });

export const Condition = T.Object(
  {
    status: T.Optional(
      T.Enum(['warning', 'alert'], { description: 'the result has at least this status' }),
    ),
    above: T.Optional(T.Number({ description: 'the value is above this' })),
    below: T.Optional(T.Number({ description: 'the value is below this' })),
  },
  { additionalProperties: false, description: 'all given parts must hold (default: status alert)' },
);
export type RuleCondition = Static<typeof Condition>;

export const AlertRuleBody = T.Object(
  {
    monitor: T.String({ minLength: 1, description: 'the monitor whose results the rule reads' }),
    metric: T.Optional(
      T.String({
        minLength: 1,
        description: "the metric, or a pattern with * ('feature:*'); default every metric",
      }),
    ),
    segment: T.Optional(
      T.String({ description: "'' for all events (default), `attribute=value`, or '*'" }),
    ),
    when: T.Optional(Condition),
    for: T.Optional(
      T.Integer({ minimum: 1, maximum: 1000, description: 'consecutive windows (default 1)' }),
    ),
    severity: T.Optional(T.Enum(SEVERITIES)),
    labels: T.Optional(T.Record(T.String({ minLength: 1 }), T.String())),
    channels: T.Optional(T.Array(ChannelName, { description: 'where the alert goes' })),
    description: T.Optional(T.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AlertRuleInput = Static<typeof AlertRuleBody>;

export const AlertRule = T.Object({
  model: T.String(),
  name: T.String(),
  ...AlertRuleBody.properties,
  createdAt: T.String(),
  createdBy: T.String(),
  updatedAt: T.String(),
});
export type AlertRuleInfo = Static<typeof AlertRule>;

export const AlertEvent = T.Object({
  at: T.String(),
  action: T.String(),
  actor: T.String(),
  detail: T.Union([T.String(), T.Null()]),
});

export const AlertDelivery = T.Object({
  channel: T.String(),
  status: T.String(),
  alertStatus: T.String(),
  attempts: T.Integer(),
  responseStatus: T.Union([T.Integer(), T.Null()]),
  error: T.Union([T.String(), T.Null()]),
  at: T.String(),
});

export const AlertInfo = T.Object({
  id: T.Integer(),
  model: T.String(),
  rule: T.String(),
  fingerprint: T.String(),
  status: T.Enum(['firing', 'resolved']),
  severity: T.Enum(SEVERITIES),
  summary: T.String(),
  labels: T.Record(T.String(), T.String()),
  value: T.Union([T.Number(), T.Null()]),
  windowStart: T.String(),
  startsAt: T.String(),
  endsAt: T.Union([T.String(), T.Null()]),
  ackedBy: T.Union([T.String(), T.Null()]),
  ackedAt: T.Union([T.String(), T.Null()]),
  silencedUntil: T.Union([T.String(), T.Null()]),
  events: T.Optional(T.Array(AlertEvent)),
  deliveries: T.Optional(T.Array(AlertDelivery)),
});
export type AlertView = Static<typeof AlertInfo>;

export const ChannelBody = T.Object(
  {
    type: T.Enum(['webhook', 'slack', 'alertmanager', 'pagerduty', 'email']),
    settings: T.Record(T.String(), T.Unknown(), {
      description: "the type's settings: url; url and secret; routingKey; host, port, from, to, …",
    }),
  },
  { additionalProperties: false },
);
export type ChannelInput = Static<typeof ChannelBody>;

export const ChannelInfo = T.Object({
  name: T.String(),
  type: T.String(),
  settings: T.Record(T.String(), T.Unknown(), { description: 'secrets are masked' }),
  createdAt: T.String(),
  createdBy: T.String(),
  updatedAt: T.String(),
});
export type ChannelView = Static<typeof ChannelInfo>;
