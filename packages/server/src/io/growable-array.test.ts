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
    const fa = f.toArray();
    const ia = i.toArray();
    expect(fa.length).toBe(5000);
    expect(ia.length).toBe(5000);
    expect(fa.buffer.byteLength).toBe(5000 * 8);
    expect(fa[4999]).toBe(2499.5);
    expect(ia[1234]).toBe(-1234);
    expect(f.get(17)).toBe(8.5);
  });
});
