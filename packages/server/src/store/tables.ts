/**
 * The registry's tables as Kysely sees them: one `Database` interface that every query is
 * typed against, for SQLite and PostgreSQL alike (`migrations.ts` creates them).
 *
 * Portable types only: times are ISO-8601 UTC text with milliseconds (`2026-03-03T14:00:00.000Z`,
 * so text order is time order), structured fields are JSON text, flags are 0/1 integers.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface ModelsTable {
  id: Generated<number>;
  name: string;
  description: string;
  task: string;
  owner: string;
  /** The last version number handed out: numbers are never reused, even after a delete. */
  last_version: number;
  /** 1: refuse events that do not match the version's input schema; 0: count them. */
  strict_inputs: Generated<number>;
  /** The length of a monitoring window, seconds. */
  window_seconds: Generated<number>;
  /** Windows of this many predictions instead (null: windows of time). */
  window_events: Generated<number | null>;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface TagsTable {
  owner_id: number;
  key: string;
  value: string;
}

export interface VersionsTable {
  id: Generated<number>;
  model_id: number;
  number: number;
  description: string;
  status: string;
  artifact_uri: string | null;
  artifact_sha256: string | null;
  artifact_size: number | null;
  /** The artifact is held in Tend's own store (uploaded), not only pointed at. */
  artifact_stored: number;
  code_commit: string | null;
  data_ref: string | null;
  data_hash: string | null;
  pipeline_version: string | null;
  run_id: string | null;
  /** JSON: hyperparameters, metrics, dependencies, schemas and model card. */
  params: string;
  metrics: string;
  segment_metrics: string;
  dependencies: string;
  input_schema: string | null;
  output_schema: string | null;
  card: string;
  parent_id: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface AliasesTable {
  model_id: number;
  alias: string;
  version_id: number;
  set_at: string;
  set_by: string;
}

export interface AliasEventsTable {
  id: Generated<number>;
  model_id: number;
  alias: string;
  /** set, delete or rollback. */
  action: string;
  /** The holder after the event (null: the alias was removed). */
  version_number: number | null;
  /** The holder before the event (null: the alias was not set). */
  previous_number: number | null;
  actor: string;
  reason: string | null;
  at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target: string;
  model_name: string | null;
  before: string | null;
  after: string | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  role: string;
  /** The key's first characters, shown to tell keys apart; the key itself is never stored. */
  prefix: string;
  hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  secret: string;
  /** JSON array of event types, or ["*"]. */
  events: string;
  description: string;
  active: number;
  created_at: string;
  created_by: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: string;
  event: string;
  payload: string;
  /** pending, delivered or failed. */
  status: string;
  attempts: number;
  response_status: number | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface PredictionsTable {
  id: Generated<number>;
  model_id: number;
  version_id: number;
  /** The caller's id of the event: a batch sent again inserts nothing twice. */
  event_id: string;
  ts: string;
  /** JSON: feature → value. */
  features: string;
  /** JSON: the model's output. */
  prediction: string;
  /** JSON: class → probability or score, when sent. */
  scores: string | null;
  latency_ms: number | null;
  /** Why the model call failed, when it did (the event's `error`). */
  error: Generated<string | null>;
  /** The window it belongs to: of time, or of a count of predictions. */
  window_start: string;
  /** JSON: segment attribute → value. */
  segment: string | null;
  /** JSON: what did not match the version's input schema (null: nothing). */
  quality: string | null;
  received_at: string;
}

export interface LabelsTable {
  model_id: number;
  event_id: string;
  /** JSON: the ground truth. */
  label: string;
  ts: string;
  received_at: string;
}

export interface FeedbackTable {
  model_id: number;
  feedback_id: string;
  event_id: string;
  thumbs: string | null;
  rating: number | null;
  comment: string | null;
  ts: string;
  received_at: string;
}

export interface WindowProfilesTable {
  model_id: number;
  version_id: number;
  /** The window's first instant, ISO-8601 UTC. */
  window_start: string;
  /** '' for all events, or `attribute=value`. */
  segment: string;
  /** `feature:<name>`, `prediction`, `score:<class>` or `latency_ms`. */
  column_name: string;
  events: number;
  /** `ColumnProfile.toBytes()`. */
  profile: Uint8Array;
  updated_at: string;
}

export interface ReferenceProfilesTable {
  version_id: number;
  /** As in window_profiles. */
  column_name: string;
  events: number;
  profile: Uint8Array;
  /** JSON: up to REFERENCE_SAMPLE values of the column, drawn uniformly with a fixed seed. */
  sample: string;
  /** Where it came from: a file's name, or the production window it was taken from. */
  source: string;
  created_at: string;
  created_by: string;
}

export interface WindowCountersTable {
  model_id: number;
  version_id: number;
  /** The version's open count window. */
  window_start: string;
  /** Events in it so far. */
  events: number;
}

export interface MonitorsTable {
  id: Generated<number>;
  model_id: number;
  name: string;
  /** data_quality, feature_drift, prediction_drift, performance, outputs, operations, … */
  kind: string;
  /** JSON: the kind's settings, checked by its schema. */
  config: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface MonitorResultsTable {
  monitor_id: number;
  version_id: number;
  window_start: string;
  /** '' for all events, or `attribute=value`. */
  segment: string;
  /** What was measured: `feature:age`, `recall`, `latency_p99_ms`, … */
  metric: string;
  /** null when the window had nothing to measure it on. */
  value: number | null;
  /** ok, warning, alert or no_data. */
  status: string;
  /** JSON: how the value came about (test, p-value, threshold, sample sizes, interval). */
  detail: string;
  evaluated_at: string;
}

export interface WindowEvaluationsTable {
  model_id: number;
  version_id: number;
  window_start: string;
  /** Events the window held when it was evaluated. */
  events: number;
  evaluated_at: string;
}

export interface OutcomeProfilesTable {
  model_id: number;
  version_id: number;
  /** The window's first instant, ISO-8601 UTC (the predictions' time decides it). */
  window_start: string;
  /** '' for all events, or `attribute=value`. */
  segment: string;
  /** Labelled predictions in the profile. */
  labelled: number;
  /** 1: a label of the window was replaced; the profile is rebuilt from the rows before use. */
  stale: number;
  /** `OutcomeProfile.toBytes()`. */
  profile: Uint8Array;
  updated_at: string;
}

/** One chunk of a window's positive-class scores (`profiles/outcome-scores.ts`). */
export interface OutcomeScoresTable {
  id: Generated<number>;
  model_id: number;
  version_id: number;
  /** The window's first instant, ISO-8601 UTC (the predictions' time decides it). */
  window_start: string;
  /** '' for all events, or `attribute=value`. */
  segment: string;
  /** The class whose score this is, taken as the positive class. */
  class: string;
  /** Float64 little-endian: the class's score of the rows labelled with it. */
  positives: Uint8Array;
  /** Float64 little-endian: the class's score of the other rows. */
  negatives: Uint8Array;
}

export interface AlertRulesTable {
  id: Generated<number>;
  model_id: number;
  name: string;
  /** JSON: monitor, metric, condition, for, severity, labels, channels. */
  config: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface AlertsTable {
  id: Generated<number>;
  rule_id: number;
  model_id: number;
  fingerprint: string;
  /** JSON: the alert's labels. */
  labels: string;
  /** firing or resolved. */
  status: string;
  severity: string;
  summary: string;
  value: number | null;
  /** The last window whose result kept the alert firing. */
  window_start: string;
  starts_at: string;
  ends_at: string | null;
  acked_by: string | null;
  acked_at: string | null;
  silenced_until: string | null;
  last_sent_at: string | null;
  updated_at: string;
}

export interface AlertEventsTable {
  id: Generated<number>;
  alert_id: number;
  at: string;
  /** firing, resolved, acknowledged, silenced, unsilenced, sent, send_failed. */
  action: string;
  actor: string;
  detail: string | null;
}

export interface ChannelsTable {
  id: Generated<number>;
  name: string;
  /** webhook, slack, alertmanager, pagerduty or email. */
  type: string;
  /** JSON: the channel's settings (URL, routing key, SMTP server, …). */
  settings: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface AlertDeliveriesTable {
  id: Generated<number>;
  alert_id: number;
  channel_id: number;
  /** delivered or failed. */
  status: string;
  /** What was sent: firing or resolved. */
  alert_status: string;
  attempts: number;
  response_status: number | null;
  error: string | null;
  at: string;
}

export interface Database {
  models: ModelsTable;
  model_tags: TagsTable;
  versions: VersionsTable;
  version_tags: TagsTable;
  aliases: AliasesTable;
  alias_events: AliasEventsTable;
  audit_events: AuditEventsTable;
  api_keys: ApiKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  predictions: PredictionsTable;
  labels: LabelsTable;
  feedback: FeedbackTable;
  window_profiles: WindowProfilesTable;
  reference_profiles: ReferenceProfilesTable;
  window_counters: WindowCountersTable;
  monitors: MonitorsTable;
  monitor_results: MonitorResultsTable;
  window_evaluations: WindowEvaluationsTable;
  outcome_profiles: OutcomeProfilesTable;
  outcome_scores: OutcomeScoresTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  channels: ChannelsTable;
  alert_deliveries: AlertDeliveriesTable;
}

export type ModelRow = Selectable<ModelsTable>;
export type VersionRow = Selectable<VersionsTable>;
export type NewVersionRow = Insertable<VersionsTable>;
export type AliasEventRow = Selectable<AliasEventsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type MonitorRow = Selectable<MonitorsTable>;
export type AlertRuleRow = Selectable<AlertRulesTable>;
export type AlertRow = Selectable<AlertsTable>;
export type ChannelRow = Selectable<ChannelsTable>;
