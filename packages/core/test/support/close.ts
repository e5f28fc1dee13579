/**
 * Agreement with a reference value: |actual − expected| ≤ max(rel·|expected|, abs).
 * The defaults are the project's bar for statistics and p-values (1e-9 relative, 1e-12
 * absolute near zero). Infinities and NaN must match exactly.
 */
import { expect } from 'vitest';

export interface Tolerance {
  rel?: number;
  abs?: number;
}

export function isClose(actual: number, expected: number, tol: Tolerance = {}): boolean {
  const rel = tol.rel ?? 1e-9;
  const abs = tol.abs ?? 1e-12;
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= Math.max(rel * Math.abs(expected), abs);
}

/** Assert closeness with a message that names the case and both numbers. */
export function expectClose(
  actual: number,
  expected: number,
  label: string,
  tol: Tolerance = {},
): void {
  if (!isClose(actual, expected, tol)) {
    const relErr = Math.abs(actual - expected) / Math.abs(expected);
    expect.fail(
      `${label}: got ${actual}, expected ${expected} (relative error ${relErr.toExponential(2)})`,
    );
  }
}
