/**
 * Two-sample tests: on numbers (Kolmogorov–Smirnov, Cramér–von Mises, Mann–Whitney U,
 * Welch's t, Anderson–Darling k-sample, energy and Wasserstein distances) and on categories
 * (chi-square homogeneity, two-proportion z, Fisher's exact), each as its SciPy namesake.
 */
export {
  type AndersonKsampOptions,
  type AndersonKsampResult,
  andersonKsamp,
} from './anderson-ksamp.js';
export {
  type AlignedCounts,
  alignCounts,
  type CategoricalInput,
  type Category,
  countCategories,
} from './categories.js';
export {
  type ChiSquareHomogeneityOptions,
  type ChiSquareHomogeneityResult,
  chiSquareHomogeneity,
} from './chi-square-homogeneity.js';
export {
  type CramerVonMises2sampOptions,
  type CramerVonMises2sampResult,
  cramerVonMises2samp,
} from './cramer-von-mises-2samp.js';
export { energyDistance } from './energy-distance.js';
export {
  type FisherExactOptions,
  type FisherExactResult,
  fisherExact,
  type Table2x2,
} from './fisher-exact.js';
export {
  type Alternative,
  type Ks2sampOptions,
  type Ks2sampResult,
  ks2samp,
} from './ks-2samp.js';
export {
  type MannWhitneyUOptions,
  type MannWhitneyUResult,
  mannWhitneyU,
} from './mann-whitney-u.js';
export { averageRanks } from './ranks.js';
export {
  type TwoProportionZTestOptions,
  type TwoProportionZTestResult,
  twoProportionZTest,
} from './two-proportion-z-test.js';
export { wassersteinDistance, wassersteinDistanceNormed } from './wasserstein-distance.js';
export {
  type WelchTTestOptions,
  type WelchTTestResult,
  welchTTest,
} from './welch-t-test.js';
