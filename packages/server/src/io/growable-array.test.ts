import { describe, expect, it } from 'vitest';
import { GrowableFloat64Array, GrowableInt32Array } from './growable-array.js';

describe('growable arrays', () => {
  it('keep every pushed value in order across many growths and trim to length', () => {
    const f = new GrowableFloat64Array();
    const i = new GrowableInt32Array();
    for (let k = 0; k < 5000; k++) {
      f.push(k / 2);
      i.push(-k);
    }
    expect(f.get(17)).toBe(8.5);
    const fa = f.toArray();
    const ia = i.toArray();
    expect(fa.length).toBe(5000);
    expect(ia.length).toBe(5000);
    // 8192 slots for 5000 values is more than an eighth spare: copied to the exact length.
    expect(fa.buffer.byteLength).toBe(5000 * 8);
    expect(fa[4999]).toBe(2499.5);
    expect(ia[1234]).toBe(-1234);
  });

  it('hand over a reserved block without copying when little of it is spare', () => {
    const f = new GrowableFloat64Array();
    f.push(1);
    f.reserve(2000);
    for (let k = 1; k < 1900; k++) f.push(k);
    const fa = f.toArray();
    expect(fa.length).toBe(1900);
    expect(fa.buffer.byteLength).toBe(2000 * 8);
    expect(fa[0]).toBe(1);
    expect(fa[1899]).toBe(1899);
    expect(f.length).toBe(0);
  });
});
