export type {
  ColumnKind,
  DriftTest,
  DriftTestOptions,
  DriftTestResult,
  Measured,
} from './drift-test.js';
export { driftTests, runDriftTest } from './registry.js';
