import { describe, expect, it } from 'vitest';
import { HyperLogLog, hllHash } from './hyper-log-log.js';

function hllOf(from: number, to: number, p = 12, key = (i: number): string | number => i) {
  const h = new HyperLogLog({ p });
  for (let i = from; i < to; i++) h.update(key(i));
  return h;
}

function withinSe(h: HyperLogLog, truth: number, z = 3): void {
  const relErr = Math.abs(h.estimate() - truth) / truth;
  expect(relErr, `estimate ${h.estimate()} for ${truth}`).toBeLessThanOrEqual(
    z * h.relativeStandardError(),
  );
}

describe('HyperLogLog', () => {
  it('runs the doc examples', () => {
    const h = new HyperLogLog();
    for (let i = 0; i < 1000; i++) h.update(i % 100);
    expect(Math.round(h.estimate())).toBe(100);
    const s = new HyperLogLog();
    for (const v of ['a', 'b', 'a']) s.update(v);
    expect(Math.round(s.estimate())).toBe(2);
    expect(new HyperLogLog({ p: 12 }).relativeStandardError()).toBe(0.01625);
    const a = new HyperLogLog();
    a.update('x');
    const b = new HyperLogLog();
    b.update('y');
    expect(Math.round(a.merge(b).estimate())).toBe(2);
    expect(new HyperLogLog().estimate()).toBe(0);
  });

  it.each([1000, 100000, 1000000])('is within 3 standard errors at %i distinct numbers', (n) => {
    withinSe(hllOf(0, n), n);
  });

  it('is within 3 standard errors on strings, repeated values and other precisions', () => {
    withinSe(
      hllOf(0, 100000, 12, (i) => `user-${i}`),
      100000,
    );
    withinSe(
      hllOf(0, 300000, 12, (i) => `k${i % 50000}`),
      50000,
    );
    withinSe(hllOf(0, 100000, 8), 100000);
    // With m = 16 the estimate's law is skewed (sd 0.28 and a long right tail over 200 seeds),
    // so 3 standard errors is not a 99.7 % band there; this only checks p = 4 works at all.
    withinSe(hllOf(0, 100000, 4), 100000, 5);
    withinSe(hllOf(0, 100000, 18), 100000);
    withinSe(
      hllOf(0, 1000000, 14, (i) => i * 0.001 - 17),
      1000000,
    );
  });

  it('tells numbers from strings and treats −0 as 0', () => {
    expect(hllHash('a')).toEqual([348772482, 2512740293]); // the doc example, pinned
    expect(hllHash(1)).not.toEqual(hllHash('1'));
    expect(hllHash(-0)).toEqual(hllHash(0));
    expect(hllHash(Number.NaN)).toEqual(hllHash(0 / 0));
    expect(hllHash('é')).not.toEqual(hllHash('e'));
    const h = new HyperLogLog();
    for (const v of [0, -0, 1, '1', 'x'.repeat(500)]) h.update(v);
    expect(Math.round(h.estimate())).toBe(4);
  });

  it('merged equals the sketch of the union, exactly', () => {
    const a = hllOf(0, 600000);
    const b = hllOf(400000, 1000000);
    const union = hllOf(0, 1000000);
    a.merge(b);
    expect(a.toBytes()).toEqual(union.toBytes());
    expect(a.estimate()).toBe(union.estimate());
    withinSe(a, 1000000);
  });

  it('round-trips through 3075 bytes at p = 12', () => {
    const h = hllOf(0, 200000, 12, (i) => `s${i}`);
    const bytes = h.toBytes();
    expect(bytes.length).toBe(3075);
    const back = HyperLogLog.fromBytes(bytes);
    expect(back.estimate()).toBe(h.estimate());
    expect(back.toBytes()).toEqual(bytes);
    expect(back.toJSON()).toEqual(h.toJSON());
    expect(HyperLogLog.fromBytes(new HyperLogLog({ p: 4 }).toBytes()).p).toBe(4);
  });

  it('refuses bad input', () => {
    expect(() => new HyperLogLog({ p: 3 })).toThrow(/HyperLogLog: p is 3/);
    expect(() => new HyperLogLog({ p: 19 })).toThrow(/HyperLogLog: p is 19/);
    const h = new HyperLogLog();
    expect(() => h.update(null as unknown as string)).toThrow(/HyperLogLog.update: value is null/);
    expect(() => h.update({} as unknown as string)).toThrow(/value is object/);
    expect(() => h.merge(new HyperLogLog({ p: 10 }))).toThrow(
      /HyperLogLog.merge: other has p = 10/,
    );
    expect(() => h.merge([] as unknown as HyperLogLog)).toThrow(/must be a HyperLogLog/);
    const b = h.toBytes();
    expect(() => HyperLogLog.fromBytes(b.slice(0, 100))).toThrow(
      /HyperLogLog.fromBytes: bytes is truncated/,
    );
    const tag = b.slice();
    tag[0] = 0x4b;
    expect(() => HyperLogLog.fromBytes(tag)).toThrow(/kind tag 0x4b, expected 0x48/);
    const version = b.slice();
    version[1] = 2;
    expect(() => HyperLogLog.fromBytes(version)).toThrow(/format version 2/);
    const badP = b.slice();
    badP[2] = 30;
    expect(() => HyperLogLog.fromBytes(badP)).toThrow(/corrupt: p = 30/);
    const badReg = b.slice();
    badReg[3] = 63;
    expect(() => HyperLogLog.fromBytes(badReg)).toThrow(/corrupt: register 0 is 63/);
  });
});
