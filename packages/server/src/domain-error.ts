/**
 * The one error type of Tend's services: a kind the HTTP layer maps to a status, a message a
 * user can act on, and the field it is about. Services throw it for every refusal; anything
 * else that escapes a service is a fault of Tend's own.
 */

export type DomainErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large';

/**
 * A refusal with a reason.
 *
 * @example
 * throw new DomainError('not_found', 'no model named "churn"', 'name');
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
    /** Every field at fault, when there are several (the rows of a refused batch). */
    readonly errors?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
