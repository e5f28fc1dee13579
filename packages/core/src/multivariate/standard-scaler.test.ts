import { describe, expect, it } from 'vitest';
import { fitScaler, standardize } from './standard-scaler.js';

describe('fitScaler / standardize', () => {
  it('uses the ddof-0 standard deviation and scale 1 for a constant column', () => {
    const m = { rows: 4, cols: 2, data: Float64Array.of(1, 7, 2, 7, 3, 7, 4, 7) };
    const s = fitScaler(m);
    expect(Array.from(s.mean)).toEqual([2.5, 7]);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(s.scale[1]).toBe(1);
    const z = standardize(m, s);
    expect(z.data[1]).toBe(0);
    expect(z.data[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 15);
  });

  it('treats rounding-level variance as constant, as sklearn', () => {
    // Two values one ulp apart around 1e8: variance 5.6e-17 is below sklearn's bound
    // n·ε·var + (n·mean·ε)² ≈ 2e-15, so sklearn 1.2 reports scale_ = [1.]; so do we.
    const s = fitScaler({
      rows: 2,
      cols: 1,
      data: Float64Array.of(1e8, 1e8 + 1.4901161193847656e-8),
    });
    expect(s.scale[0]).toBe(1);
    expect(fitScaler({ rows: 2, cols: 1, data: Float64Array.of(1, 3) }).scale[0]).toBe(1);
    expect(fitScaler({ rows: 2, cols: 1, data: Float64Array.of(1, 1.5) }).scale[0]).toBe(0.25);
  });
});
