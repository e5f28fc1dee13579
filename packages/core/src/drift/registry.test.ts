import { describe, expect, it } from 'vitest';
import { sample } from '../../test/support/samples.js';
import { TendInputError } from '../errors.js';
import { ks2samp } from '../stattests/ks-2samp.js';
import { driftTests, runDriftTest } from './registry.js';

const ref = sample({ kind: 'normal', n: 400, seed: 1, mean: 0, sd: 1 });
const same = sample({ kind: 'normal', n: 300, seed: 2, mean: 0, sd: 1 });
const shifted = sample({ kind: 'normal', n: 300, seed: 3, mean: 1, sd: 1 });
const catRef = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
const catSame = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
const catShift = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 'b' : 'a'));

describe('runDriftTest', () => {
  it('gives every registered test the one result shape and a decision that follows its rule', () => {
    for (const test of driftTests.values()) {
      for (const kind of test.kinds) {
        const [r, s, d] = kind === 'numerical' ? [ref, same, shifted] : [catRef, catSame, catShift];
        const calm = runDriftTest(test.name, r, s, { kind });
        const moved = runDriftTest(test.name, r, d, { kind });
        for (const res of [calm, moved]) {
          expect(res.method).toBe(test.name);
          expect(Number.isFinite(res.statistic)).toBe(true);
          expect(res.threshold).toBe(test.defaultThreshold);
          if (test.decision === 'pValue') {
            expect(res.pValue).toBeGreaterThanOrEqual(0);
            expect(res.pValue).toBeLessThanOrEqual(1);
            expect(res.drifted).toBe((res.pValue as number) < res.threshold);
          } else {
            expect(res.pValue).toBeUndefined();
            expect(res.drifted).toBe(res.statistic >= res.threshold);
          }
        }
        expect(moved.drifted, `${test.name} on a shifted ${kind} column`).toBe(true);
        if (test.name !== 'ed')
          expect(calm.drifted, `${test.name} on an unchanged ${kind} column`).toBe(false);
      }
    }
  });

  it('returns the underlying test’s numbers unchanged', () => {
    const res = runDriftTest('ks', ref, shifted);
    const direct = ks2samp(ref, shifted);
    expect(res.statistic).toBe(direct.statistic);
    expect(res.pValue).toBe(direct.pValue);
    expect(res.effectSize).toBe(direct.statistic);
  });

  it('takes a threshold and refuses one outside the test’s range', () => {
    expect(runDriftTest('ks', ref, same, { threshold: 1 }).drifted).toBe(true);
    expect(() => runDriftTest('ks', ref, same, { threshold: 2 })).toThrow(/threshold is 2/);
    expect(runDriftTest('psi', ref, same, { threshold: 5 }).threshold).toBe(5);
  });

  it('names an unknown test and a column kind the test does not accept', () => {
    expect(() => runDriftTest('nope', ref, same)).toThrow(TendInputError);
    expect(() => runDriftTest('nope', ref, same)).toThrow(/name is "nope"; expected one of "ks"/);
    expect(() => runDriftTest('ks', catRef, catSame, { kind: 'categorical' })).toThrow(
      /kind is "categorical"; ks accepts numerical columns/,
    );
  });

  it('refuses a third category in the tests defined on 2×2 tables', () => {
    expect(() => runDriftTest('z', ['a', 'b'], ['c'], { kind: 'categorical' })).toThrow(
      /at most 2/,
    );
  });
});
