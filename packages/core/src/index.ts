/**
 * @tend/core: the statistics every Tend decision rests on. Pure computation, no I/O, no
 * Node-only API, no run-time dependency: it runs in Node and in the browser.
 *
 * @example
 * import { ks2samp } from '@tend/core';
 * ks2samp([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).pValue; // 0.007936507936507936
 */
export * from './correction/index.js';
export * from './detectors/index.js';
export * from './distances/index.js';
export * from './distributions/index.js';
export * from './drift/index.js';
export { TendInputError, type TendInputErrorCode } from './errors.js';
export * from './fairness/index.js';
export * from './metrics/index.js';
export * from './multivariate/index.js';
export { createRng, type Rng, rngFromState } from './random/xoshiro128.js';
export * from './sketches/index.js';
export { sortInts, sortNumbers } from './sort-numbers.js';
export * from './special/index.js';
export * from './stattests/index.js';
export * from './trend/index.js';
export {
  checkedSorted,
  type NumericInput,
  ScaledSortedSample,
  sortedFromScaled,
} from './validate.js';
