import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { TendInputError } from '../errors.js';
import {
  accuracyScore,
  balancedAccuracyScore,
  confusionMatrix,
  f1Score,
  fbetaScore,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from './index.js';

/** Assert a TendInputError naming the function and the argument. */
function expectRefusal(f: () => unknown, fn: string, argument: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, `${fn} should refuse ${argument}`).toBeInstanceOf(TendInputError);
  const e = error as TendInputError;
  expect(e.fn).toBe(fn);
  expect(e.argument).toBe(argument);
  expect(e.message.startsWith(`${fn}: ${argument} `)).toBe(true);
}

describe('classification metrics on labels', () => {
  it('match their doc examples', () => {
    expect(
      precisionRecallFscoreSupport([0, 1, 1, 0], [0, 1, 0, 0], { average: 'binary' }).recall,
    ).toBe(0.5);
    expect(precisionScore([0, 1, 1, 0], [1, 1, 1, 0])).toBe(0.6666666666666666);
    expect(recallScore([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.5);
    expect(f1Score([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.6666666666666666);
    expect(fbetaScore([0, 1, 1, 0], [0, 1, 0, 0], { beta: 2 })).toBe(0.5555555555555556);
    expect(confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b']).matrix).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(accuracyScore(['cat', 'dog', 'dog'], ['cat', 'dog', 'cat'])).toBe(0.6666666666666666);
    expect(balancedAccuracyScore([0, 0, 0, 1], [0, 0, 1, 1])).toBe(0.8333333333333333);
    expect(matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1])).toBe(-0.3333333333333333);
  });

  it('return per-class arrays in label order for average null', () => {
    const y = ['b', 'a', 'c', 'a', 'b', 'c'];
    const p = ['b', 'a', 'a', 'a', 'c', 'c'];
    const r = precisionRecallFscoreSupport(y, p);
    expect(r.labels).toEqual(['a', 'b', 'c']);
    expect(Array.from(r.support)).toEqual([2, 2, 2]);
    expect(Array.from(r.recall)).toEqual([1, 0.5, 0.5]);
    const sub = precisionScore(y, p, { average: null, labels: ['c', 'a'] });
    expect(Array.from(sub)).toEqual([0.5, 2 / 3]);
    const cm = confusionMatrix(y, p, { labels: ['c', 'a'] });
    expect(cm.labels).toEqual(['c', 'a']);
    expect(cm.matrix).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });

  it('weights count like repeated samples', () => {
    const y = [0, 1, 1, 0, 1];
    const p = [0, 1, 0, 1, 1];
    const w = [2, 1, 3, 1, 2];
    const ry: number[] = [];
    const rp: number[] = [];
    y.forEach((v, i) => {
      for (let k = 0; k < w[i]; k++) {
        ry.push(v);
        rp.push(p[i]);
      }
    });
    for (const f of [accuracyScore, balancedAccuracyScore, matthewsCorrcoef, f1Score] as const) {
      expectClose(f(y, p, { sampleWeight: w }), f(ry, rp), f.name, { rel: 1e-14 });
    }
    expect(accuracyScore(y, p, { normalize: false, sampleWeight: w })).toBe(5);
  });

  it('apply zeroDivision where a ratio is 0/0', () => {
    const y = [0, 1, 1];
    const p = [0, 0, 0];
    expect(precisionScore(y, p)).toBe(0);
    expect(precisionScore(y, p, { zeroDivision: 1 })).toBe(1);
    expect(precisionScore(y, p, { zeroDivision: 0 })).toBe(0);
    expect(f1Score(y, p, { zeroDivision: 1 })).toBe(0);
  });

  it('refuse bad labels and lengths, naming function and argument', () => {
    expectRefusal(() => accuracyScore([0, 1, 1], [0, 1]), 'accuracyScore', 'yPred');
    expectRefusal(() => accuracyScore([], []), 'accuracyScore', 'yTrue');
    expectRefusal(() => accuracyScore([0.5, 1.5], [0.5, 1.5]), 'accuracyScore', 'yTrue');
    expectRefusal(() => accuracyScore([0, Number.NaN], [0, 1]), 'accuracyScore', 'yTrue');
    expectRefusal(() => accuracyScore([0, 'a'], [0, 1]), 'accuracyScore', 'yTrue');
    expectRefusal(() => accuracyScore([0, 1, 1], ['a', 'b', 'b']), 'accuracyScore', 'yPred');
    expectRefusal(
      () => accuracyScore([true, false] as never, [true, true] as never),
      'accuracyScore',
      'yTrue',
    );
    expectRefusal(() => accuracyScore('ab' as never, 'ab' as never), 'accuracyScore', 'yTrue');
    expectRefusal(
      () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1] }),
      'accuracyScore',
      'sampleWeight',
    );
    expectRefusal(
      () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -1] }),
      'accuracyScore',
      'sampleWeight',
    );
    expectRefusal(
      () => accuracyScore([0, 1], [0, 1], { sampleWeight: [0, 0] }),
      'accuracyScore',
      'sampleWeight',
    );
    expectRefusal(() => balancedAccuracyScore([0], [0, 1]), 'balancedAccuracyScore', 'yPred');
    expectRefusal(() => matthewsCorrcoef([], []), 'matthewsCorrcoef', 'yTrue');
  });

  it('refuse bad options of the precision/recall family', () => {
    expectRefusal(() => precisionScore([0, 1, 2], [0, 1, 1]), 'precisionScore', 'average');
    expectRefusal(() => precisionScore(['a', 'b'], ['a', 'a']), 'precisionScore', 'posLabel');
    expectRefusal(() => f1Score([0, 1], [0, 1], { posLabel: 3 }), 'f1Score', 'posLabel');
    expectRefusal(
      () => recallScore([0, 1], [0, 1], { average: 'samples' as never }),
      'recallScore',
      'average',
    );
    expectRefusal(
      () => precisionScore([0, 1], [0, 1], { zeroDivision: 2 as never }),
      'precisionScore',
      'zeroDivision',
    );
    expectRefusal(() => fbetaScore([0, 1], [0, 1], { beta: -1 }), 'fbetaScore', 'beta');
    expectRefusal(() => fbetaScore([0, 1], [0, 1], {} as never), 'fbetaScore', 'beta');
    expectRefusal(
      () => precisionRecallFscoreSupport([0, 1], [0, 1], { labels: [0, 0] }),
      'precisionRecallFscoreSupport',
      'labels',
    );
    expectRefusal(
      () => precisionRecallFscoreSupport([0, 1], [0, 1], { labels: ['a'] }),
      'precisionRecallFscoreSupport',
      'labels',
    );
  });

  it('refuse bad confusion matrix options', () => {
    expectRefusal(
      () => confusionMatrix([0, 1, 1], [0, 1, 0], { labels: [5, 6] }),
      'confusionMatrix',
      'labels',
    );
    expectRefusal(
      () => confusionMatrix([0, 1], [0, 1], { labels: [] }),
      'confusionMatrix',
      'labels',
    );
    expectRefusal(
      () => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' as never }),
      'confusionMatrix',
      'normalize',
    );
  });
});
