/**
 * Streaming drift detectors: feed one value at a time, read `{ drift, warning }`. Defaults and
 * update rules are River's (online-ml/river); every detector serialises with `toJSON()` and
 * resumes with its static `fromJSON(state)`.
 */
export { Adwin, type AdwinOptions, type AdwinState } from './adwin.js';
export { Cusum, type CusumMode, type CusumOptions, type CusumState } from './cusum.js';
export { Ddm, type DdmOptions, type DdmState } from './ddm.js';
export type {
  DetectorSignal,
  DetectorStateBase,
  DriftDetector,
  JsonNumber,
} from './detector.js';
export { Eddm, type EddmOptions, type EddmState } from './eddm.js';
export { HddmA, type HddmAOptions, type HddmAState } from './hddm-a.js';
export { HddmW, type HddmWOptions, type HddmWState } from './hddm-w.js';
export { Kswin, type KswinOptions, type KswinState } from './kswin.js';
export {
  PageHinkley,
  type PageHinkleyMode,
  type PageHinkleyOptions,
  type PageHinkleyState,
} from './page-hinkley.js';
