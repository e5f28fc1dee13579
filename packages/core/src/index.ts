/**
 * @tend/core: the statistics every Tend decision rests on. Pure computation, no I/O, no
 * Node-only API, no run-time dependency: it runs in Node and in the browser.
 */
export { TendInputError, type TendInputErrorCode } from './errors.js';
export { createRng, type Rng, rngFromState } from './random/xoshiro128.js';
export type { NumericInput } from './validate.js';
