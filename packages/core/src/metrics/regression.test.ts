import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { TendInputError } from '../errors.js';
import {
  explainedVarianceScore,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  r2Score,
  rootMeanSquaredError,
} from './index.js';

function expectRefusal(f: () => unknown, fn: string, argument: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, `${fn} should refuse ${argument}`).toBeInstanceOf(TendInputError);
  expect((error as TendInputError).fn).toBe(fn);
  expect((error as TendInputError).argument).toBe(argument);
}

const T = [3, -0.5, 2, 7];
const P = [2.5, 0, 2, 8];
const fns = {
  meanAbsoluteError,
  meanSquaredError,
  rootMeanSquaredError,
  meanAbsolutePercentageError,
  medianAbsoluteError,
  r2Score,
  explainedVarianceScore,
};

describe('regression metrics', () => {
  it('match their doc examples', () => {
    expect(meanAbsoluteError(T, P)).toBe(0.5);
    expect(meanSquaredError(T, P)).toBe(0.375);
    expect(meanSquaredError(T, P, { squared: false })).toBe(0.6123724356957945);
    expect(rootMeanSquaredError(T, P)).toBe(0.6123724356957945);
    expect(meanAbsolutePercentageError(T, P)).toBe(0.3273809523809524);
    expect(medianAbsoluteError(T, P)).toBe(0.5);
    expect(maxError([3, 2, 7, 1], [9, 2, 7, 1])).toBe(6);
    expect(r2Score(T, P)).toBe(0.9486081370449679);
    expect(explainedVarianceScore(T, P)).toBe(0.9571734475374732);
  });

  it('integer weights count like repeated samples', () => {
    const w = [1, 3, 2, 1];
    const rt = T.flatMap((v, i) => Array(w[i]).fill(v));
    const rp = P.flatMap((v, i) => Array(w[i]).fill(v));
    for (const [name, f] of Object.entries(fns)) {
      expectClose(f(T, P, { sampleWeight: w }), f(rt, rp), name, { rel: 1e-14 });
    }
  });

  it('handle constant targets as sklearn: 1 if perfect, else 0 (forceFinite)', () => {
    expect(r2Score([2, 2, 2], [2, 2, 2])).toBe(1);
    expect(r2Score([2, 2, 2], [2, 3, 2])).toBe(0);
    expect(r2Score([2, 2, 2], [2, 3, 2], { forceFinite: false })).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(r2Score([2, 2, 2], [2, 2, 2], { forceFinite: false }))).toBe(true);
    expect(Number.isNaN(r2Score([1], [2]))).toBe(true);
    expect(explainedVarianceScore([2, 2], [3, 3])).toBe(1);
  });

  it('refuse bad inputs, naming function and argument', () => {
    for (const [name, f] of Object.entries({ ...fns, maxError })) {
      expectRefusal(() => f([1, 2], [1]), name, 'yPred');
      expectRefusal(() => f([], []), name, 'yTrue');
      expectRefusal(() => f([1, Number.NaN], [1, 2]), name, 'yTrue');
      expectRefusal(() => f([1, 2], [1, Number.POSITIVE_INFINITY]), name, 'yPred');
    }
    for (const [name, f] of Object.entries(fns)) {
      expectRefusal(() => f([1, 2], [1, 2], { sampleWeight: [1] }), name, 'sampleWeight');
      expectRefusal(() => f([1, 2], [1, 2], { sampleWeight: [1, -1] }), name, 'sampleWeight');
    }
  });
});
