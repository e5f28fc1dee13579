/**
 * The dashboard's only way to the server: the HTTP API, with the API key the user signed in
 * with (kept in this browser's local storage) as a bearer token. Errors carry the problem
 * document's words, so a page can say what went wrong.
 */

const KEY = 'tend.apiKey';

/** A refusal or failure of the API, with its status and the server's words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The key signed in with, if any.
 *
 * @example
 * apiKey(); // 'tend_3f…' or null
 */
export function apiKey(): string | null {
  return localStorage.getItem(KEY);
}

/**
 * Keep (or, with null, forget) the key to send.
 *
 * @example
 * setApiKey(null); // signed out
 */
export function setApiKey(key: string | null): void {
  if (key === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, key);
}

/**
 * Call the API; resolves with the JSON answer, or rejects with an ApiError.
 *
 * @example
 * const { models } = await api<{ models: Model[] }>('/api/v1/models');
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = apiKey();
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const data = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const detail = data?.detail ?? data?.title ?? response.statusText;
    throw new ApiError(response.status, String(detail));
  }
  return data as T;
}

/** Who is signed in, as `GET /api/v1/session` says. */
export interface Session {
  name: string;
  role: 'viewer' | 'editor' | 'admin';
  /** Whether the server asks for API keys. */
  auth: boolean;
}

export interface Model {
  name: string;
  description: string;
  task: string;
  owner: string;
  tags: Record<string, string>;
  aliases: Record<string, number>;
  latestVersion: number | null;
  windowSeconds: number;
  createdAt: string;
}

export interface MonitorInfo {
  name: string;
  kind: string;
  config: Record<string, unknown>;
}

export interface MonitorResult {
  version: number;
  windowStart: string;
  segment: string;
  metric: string;
  value: number | null;
  status: 'ok' | 'warning' | 'alert' | 'no_data';
  /** Left out when asked without details. */
  detail: Record<string, unknown>;
  evaluatedAt: string;
}

export interface Alert {
  id: number;
  model: string;
  rule: string;
  status: 'firing' | 'resolved';
  severity: 'info' | 'warning' | 'critical';
  summary: string;
  labels: Record<string, string>;
  value: number | null;
  windowStart: string;
  startsAt: string;
  endsAt: string | null;
  ackedBy: string | null;
  ackedAt: string | null;
  silencedUntil: string | null;
}

export interface Version {
  model: string;
  version: number;
  description: string;
  status: string;
  codeCommit: string | null;
  dataRef: string | null;
  pipelineVersion: string | null;
  runId: string | null;
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  card: Record<string, string>;
  parent: { model: string; version: number } | null;
  aliases: string[];
  createdAt: string;
  createdBy: string;
}

export interface AliasEvent {
  alias: string;
  action: 'set' | 'delete' | 'rollback';
  version: number | null;
  previous: number | null;
  actor: string;
  reason: string | null;
  at: string;
}

export interface Comparison {
  metrics: { name: string; a: number | null; b: number | null; change: string; delta?: number }[];
  params: { name: string; a: unknown; b: unknown; change: string }[];
}

export interface Lineage {
  root: string;
  nodes: { id: string; kind: string; label: string }[];
  edges: { from: string; to: string; relation: string }[];
}
