/**
 * Errors raised by @tend/core. Every input check throws a `TendInputError` whose message
 * names the function, the argument and what was expected, so a user can act on it.
 *
 * @example
 * try { ks2samp([], [1]); } catch (e) { (e as TendInputError).argument; } // 'reference'
 */

/** Machine-readable reason an input was refused. */
export type TendInputErrorCode =
  | 'empty'
  | 'length_mismatch'
  | 'not_finite'
  | 'out_of_range'
  | 'invalid_type'
  | 'invalid_option'
  | 'invalid_state';

/**
 * An input that a function cannot accept: `fn` is the function, `argument` the parameter
 * (or option) at fault, `code` the reason.
 *
 * @example
 * new TendInputError('ks2samp', 'reference', 'empty', 'must hold at least one value').message
 * // 'ks2samp: reference must hold at least one value'
 */
export class TendInputError extends Error {
  override readonly name = 'TendInputError';
  constructor(
    readonly fn: string,
    readonly argument: string,
    readonly code: TendInputErrorCode,
    detail: string,
  ) {
    super(`${fn}: ${argument} ${detail}`);
  }
}
