/** Special functions, named as scipy.special names them. */

export { kv, kve } from './bessel-k.js';
export { betainc, betaln } from './beta.js';
export { betaincinv } from './betaincinv.js';
export { erf, erfc, erfcx } from './erf.js';
export { gammainc, gammaincc, gammaln, lgamma1p } from './gamma.js';
export { gammainccinv, gammaincinv } from './gammaincinv.js';
export { log1pmx } from './log1pmx.js';
export { logNdtr, ndtr, ndtri } from './ndtr.js';
