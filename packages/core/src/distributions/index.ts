/** Probability distributions with the methods of their scipy.stats namesakes. */
export { chi2 } from './chi2.js';
export { fisherF } from './fisher-f.js';
export { hypergeom } from './hypergeom.js';
export { kstwobign } from './kolmogorov.js';
export { ks2sampExact } from './ks-2samp-exact.js';
export { kstwo } from './kstwo.js';
export { normal } from './normal.js';
export { studentT } from './student-t.js';
