/**
 * Tend's models and versions in the shapes of MLflow's model-registry protos
 * (`RegisteredModel`, `ModelVersion`: snake_case fields, times in epoch milliseconds, version
 * numbers as strings, tags as key–value lists), and Tend's refusals as MLflow's error bodies
 * (`{ error_code, message }`), so MLflow's clients read them as they read MLflow's own.
 */
import type { DomainError } from '../domain-error.js';
import type { Model, Version } from '../registry/schemas.js';

export interface MlflowModelVersion {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  user_id: string;
  current_stage: string;
  description: string;
  source: string;
  run_id: string;
  status: string;
  status_message: string;
  tags: { key: string; value: string }[];
  run_link: string;
  aliases: string[];
}

export interface MlflowRegisteredModel {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  user_id: string;
  description: string;
  latest_versions: MlflowModelVersion[];
  tags: { key: string; value: string }[];
  aliases: { alias: string; version: string }[];
}

const ms = (iso: string) => Date.parse(iso);
const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

/** Tend's version statuses as MLflow's `ModelVersionStatus`. */
const STATUS: Record<string, string> = {
  pending: 'PENDING_REGISTRATION',
  failed: 'FAILED_REGISTRATION',
  ready: 'READY',
  archived: 'READY',
};

/**
 * The MLflow stage a version is in: Tend keeps no stages, so `None`, or `Archived`.
 *
 * @example
 * stageOf(version); // 'None'
 */
export function stageOf(v: Version): string {
  return v.status === 'archived' ? 'Archived' : 'None';
}

/**
 * A version as MLflow's `ModelVersion`.
 *
 * @example
 * toMlflowVersion(version).version; // '3'
 */
export function toMlflowVersion(v: Version): MlflowModelVersion {
  return {
    name: v.model,
    version: String(v.version),
    creation_timestamp: ms(v.createdAt),
    last_updated_timestamp: ms(v.updatedAt),
    user_id: v.createdBy,
    current_stage: stageOf(v),
    description: v.description,
    source: v.artifact?.uri ?? '',
    run_id: v.runId ?? '',
    status: STATUS[v.status] ?? 'READY',
    status_message: '',
    tags: tagList(v.tags),
    run_link: v.card.runLink ?? '',
    aliases: v.aliases,
  };
}

/**
 * A model as MLflow's `RegisteredModel`, with its latest version when given.
 *
 * @example
 * toMlflowModel(model, latest).aliases; // [{ alias: 'champion', version: '3' }]
 */
export function toMlflowModel(m: Model, latest?: Version): MlflowRegisteredModel {
  return {
    name: m.name,
    creation_timestamp: ms(m.createdAt),
    last_updated_timestamp: ms(m.updatedAt),
    user_id: m.createdBy,
    description: m.description,
    latest_versions: latest === undefined ? [] : [toMlflowVersion(latest)],
    tags: tagList(m.tags),
    aliases: Object.entries(m.aliases).map(([alias, version]) => ({
      alias,
      version: String(version),
    })),
  };
}

/** MLflow's error codes for Tend's kinds of refusal, with MLflow's HTTP statuses. */
const CODES: Record<DomainError['kind'], [string, number]> = {
  invalid: ['INVALID_PARAMETER_VALUE', 400],
  not_found: ['RESOURCE_DOES_NOT_EXIST', 404],
  conflict: ['RESOURCE_ALREADY_EXISTS', 400],
  unauthorized: ['UNAUTHENTICATED', 401],
  forbidden: ['PERMISSION_DENIED', 403],
  too_large: ['INVALID_PARAMETER_VALUE', 413],
};

/**
 * The MLflow error body and status for a refusal.
 *
 * @example
 * mlflowError(new DomainError('not_found', 'no model named "x"')); // { status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: … } }
 */
export function mlflowError(error: DomainError): {
  status: number;
  body: { error_code: string; message: string };
} {
  const [code, status] = CODES[error.kind];
  return { status, body: { error_code: code, message: error.message } };
}
