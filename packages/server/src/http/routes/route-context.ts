/**
 * What every route module is given: the registry's context, the artifact store and its limit,
 * the webhook dispatcher, the metrics and the monitoring loop.
 */
import type { ArtifactStore } from '../../artifacts/artifact-store.js';
import type { TendMetrics } from '../../metrics/tend-metrics.js';
import type { Monitoring } from '../../monitors/monitoring.js';
import type { RegistryContext } from '../../registry/context.js';
import type { WebhookDispatcher } from '../../webhooks/dispatcher.js';

export interface RouteDeps {
  ctx: RegistryContext;
  artifacts: ArtifactStore;
  webhooks: WebhookDispatcher;
  /** The largest artifact upload accepted, in bytes. */
  maxArtifactBytes: number;
  /** The largest batch of events accepted, in bytes. */
  ingestBodyLimit: number;
  metrics: TendMetrics;
  monitoring: Monitoring;
  /** Whether the server asks for API keys. */
  authRequired: boolean;
}
