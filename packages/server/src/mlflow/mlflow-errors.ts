/**
 * Refusals under `/api/2.0/mlflow/` in MLflow's own error body, `{ error_code, message }`, so
 * MLflow's clients raise the exceptions they raise against MLflow.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain-error.js';
import { toProblem } from '../http/problem.js';
import { mlflowError } from './mlflow-entities.js';
import { SearchFilterError } from './search-filter.js';

/**
 * The error handler under MLflow's prefix: MLflow's error body for every refusal; validation
 * failures are INVALID_PARAMETER_VALUE.
 *
 * @example
 * app.setErrorHandler(mlflowErrorHandler);
 */
export function mlflowErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof SearchFilterError) {
    void reply.code(400).send({ error_code: 'INVALID_PARAMETER_VALUE', message: error.message });
    return;
  }
  if (error instanceof DomainError) {
    const { status, body } = mlflowError(error);
    void reply.code(status).send(body);
    return;
  }
  const { problem, internal } = toProblem(error);
  if (internal) request.log.error({ err: error }, 'request failed');
  const code =
    problem.status === 404
      ? 'RESOURCE_DOES_NOT_EXIST'
      : problem.status >= 500
        ? 'INTERNAL_ERROR'
        : 'INVALID_PARAMETER_VALUE';
  void reply
    .code(problem.status === 422 ? 400 : problem.status)
    .send({ error_code: code, message: problem.detail });
}

/**
 * The not-found handler under MLflow's prefix: the endpoints Tend does not serve.
 *
 * @example
 * app.setNotFoundHandler(mlflowNotFound);
 */
export function mlflowNotFound(request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  void reply.code(404).send({
    error_code: 'ENDPOINT_NOT_FOUND',
    message: `no MLflow endpoint ${request.method} ${path} here: Tend serves the model registry's`,
  });
}
