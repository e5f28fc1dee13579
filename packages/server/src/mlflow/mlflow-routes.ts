/**
 * The registry subset of MLflow's REST API under `/api/2.0/mlflow/`, so that a team's MLflow
 * client code (`MlflowClient` with `MLFLOW_TRACKING_URI` or `MLFLOW_REGISTRY_URI` pointing at
 * Tend) registers, finds, tags and aliases models in Tend's registry. Field names, the
 * string version numbers and the error bodies follow MLflow's protos (`model_registry.proto`);
 * every change goes through Tend's own services, so it is audited, announced to webhooks and
 * kept in the alias history like any other.
 *
 * MLflow's stages are not kept: every version is in stage `None` (`Archived` when archived).
 * Searches filter in memory after reading the registry (`search-filter.ts`), which suits
 * registries of thousands of versions.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../http/routes/route-context.js';
import { mlflowErrorHandler, mlflowNotFound } from './mlflow-errors.js';
import { mlflowModelRoutes } from './mlflow-model-routes.js';
import { mlflowVersionRoutes } from './mlflow-version-routes.js';

/**
 * The MLflow-compatible routes, with MLflow's error bodies.
 *
 * @example
 * await app.register(mlflowRoutes(deps), { prefix: '/api/2.0/mlflow' });
 */
export function mlflowRoutes(deps: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.setErrorHandler(mlflowErrorHandler);
    app.setNotFoundHandler(mlflowNotFound);
    await app.register(mlflowModelRoutes(deps));
    await app.register(mlflowVersionRoutes(deps));
  };
}
