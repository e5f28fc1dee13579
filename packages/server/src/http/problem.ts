/**
 * Every error the API answers is an RFC 9457 problem document (`application/problem+json`):
 * `type`, `title`, `status`, `detail`, `instance`, and for bad input `errors`, one entry per
 * field naming it and what was expected. Bad input is a 4xx, never a 500: validation failures
 * are 422, unreadable bodies 400, oversized ones 413; a 500 means a fault in Tend itself, and
 * says so without leaking its internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '../domain-error.js';

export interface FieldError {
  /** Where: `body.name`, `query.limit`, `params.version`. */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
}

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/**
 * A problem document.
 *
 * @example
 * problem(404, 'not_found', 'no model named "churn"'); // { type: 'urn:tend:problem:not_found', status: 404, … }
 */
export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): Problem {
  const p: Problem = {
    type: `urn:tend:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
  if (errors !== undefined) p.errors = errors;
  return p;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** One field error from one Ajv error: the field's dotted path and what it should have been. */
function fieldError(context: string, e: AjvError): FieldError {
  const base = [PART[context] ?? context, ...e.instancePath.split('/').filter((s) => s !== '')]
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  if (e.keyword === 'required') {
    return { field: `${base}.${e.params.missingProperty}`, message: 'is required' };
  }
  if (e.keyword === 'additionalProperties') {
    return { field: `${base}.${e.params.additionalProperty}`, message: 'is not a known field' };
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { field: base, message: `must be one of ${allowed}` };
  }
  if (e.keyword === 'pattern') {
    return { field: base, message: `must match the pattern ${e.params.pattern}` };
  }
  return { field: base, message: e.message ?? `fails ${e.keyword}` };
}

/** Schema validation failures say every field at once, and drop Ajv's duplicates. */
function validationProblem(error: FastifyError): Problem {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const e of (error.validation ?? []) as unknown as AjvError[]) {
    // A union reports each branch's complaint and then that no branch matched: keep the latter.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const f = fieldError(context, e);
    const key = `${f.field} ${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(f);
    }
  }
  const first = errors[0];
  const detail =
    first === undefined
      ? 'the request does not match its schema'
      : `${first.field} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
  return problem(422, 'validation', detail, errors);
}

/**
 * The problem a thrown error becomes; `internal` is true for a fault of Tend's own (logged).
 *
 * @example
 * toProblem(new DomainError('conflict', 'a model named "churn" already exists', 'name')).status; // 409
 */
export function toProblem(error: unknown): { problem: Problem; internal: boolean } {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    const errors =
      error.errors ??
      (error.field === undefined ? undefined : [{ field: error.field, message: error.message }]);
    return { problem: problem(status, error.kind, error.message, errors), internal: false };
  }
  const e = error as FastifyError;
  if (e?.validation) return { problem: validationProblem(e), internal: false };
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        problem: problem(413, 'too_large', 'the request body is larger than this endpoint accepts'),
        internal: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { problem: problem(415, 'unsupported_media_type', e.message), internal: false };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { problem: problem(400, 'bad_request', e.message), internal: false };
  }
  // A body that is not JSON: the parser's SyntaxError carries a 400.
  if (e?.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 400 ? 'bad_request' : `http_${e.statusCode}`;
    return { problem: problem(e.statusCode, code, e.message), internal: false };
  }
  return {
    problem: problem(
      500,
      'internal',
      'Tend failed on this request; the server log has the details',
    ),
    internal: true,
  };
}

/**
 * Fastify's error handler: answer with the problem document.
 *
 * @example
 * app.setErrorHandler(problemHandler);
 */
export function problemHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { problem: p, internal } = toProblem(error);
  if (internal) request.log.error({ err: error }, 'request failed');
  p.instance = request.url;
  void reply.code(p.status).type('application/problem+json').send(p);
}

/**
 * Fastify's not-found handler: a problem document for an unknown route.
 *
 * @example
 * app.setNotFoundHandler(notFoundHandler);
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const p = problem(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  p.instance = request.url;
  void reply.code(404).type('application/problem+json').send(p);
}
