import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { TendInputError } from '../errors.js';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve } from './index.js';

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

const rows3 = [
  [0.7, 0.2, 0.1],
  [0.2, 0.5, 0.3],
  [0.1, 0.3, 0.6],
  [0.3, 0.4, 0.3],
];

describe('ranking metrics', () => {
  it('match their doc examples', () => {
    expect(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(Array.from(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).tpr)).toEqual([
      0, 0.5, 0.5, 1, 1,
    ]);
    expect(Array.from(precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).precision)).toEqual(
      [0.5, 0.6666666666666666, 0.5, 1, 1],
    );
    expect(averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.8333333333333333);
  });

  it('AUC equals the Mann–Whitney probability, ties counting one half', () => {
    const y = [0, 1, 0, 1, 1, 0, 0, 1];
    const s = [0.2, 0.5, 0.5, 0.9, 0.1, 0.3, 0.5, 0.5];
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < y.length; i++) {
      for (let j = 0; j < y.length; j++) {
        if (y[i] === 1 && y[j] === 0) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
        }
      }
    }
    expectClose(rocAucScore(y, s), wins / pairs, 'auc', { rel: 1e-15 });
  });

  it('multiclass one-vs-rest returns per-class AUCs for average null', () => {
    const per = rocAucScore([0, 1, 2, 1], rows3, { average: null });
    expect(per).toBeInstanceOf(Float64Array);
    expect(per.length).toBe(3);
    const macro = rocAucScore([0, 1, 2, 1], rows3);
    expectClose(macro, (per[0] + per[1] + per[2]) / 3, 'macro');
  });

  it('refuse a target with one class and other undefined cases', () => {
    expectRefusal(() => rocAucScore([1, 1, 1], [0.2, 0.5, 0.9]), 'rocAucScore', 'yTrue');
    expectRefusal(() => rocAucScore([0, 1, 2], [0.1, 0.5, 0.9]), 'rocAucScore', 'yScore');
    expectRefusal(
      () =>
        rocAucScore(
          [0, 1, 2],
          [
            [0.5, 0.5],
            [0.5, 0.5],
            [0.5, 0.5],
          ],
        ),
      'rocAucScore',
      'yScore',
    );
    expectRefusal(
      () =>
        rocAucScore(
          [0, 1],
          [
            [0.5, 0.5],
            [0.4, 0.6],
          ],
        ),
      'rocAucScore',
      'yScore',
    );
    expectRefusal(
      () =>
        rocAucScore(
          [0, 1, 2, 2],
          [
            [0.2, 0.8, 0.1],
            [0.1, 0.1, 0.8],
            [0.3, 0.3, 0.4],
            [0.5, 0.4, 0.1],
          ],
        ),
      'rocAucScore',
      'yScore',
    );
    expectRefusal(
      () => rocAucScore([0, 1, 2, 1], rows3, { labels: [2, 1, 0] }),
      'rocAucScore',
      'labels',
    );
    expectRefusal(
      () => rocAucScore([0, 1, 3, 1], rows3, { labels: [0, 1, 2] }),
      'rocAucScore',
      'yTrue',
    );
    expectRefusal(
      () => rocAucScore([0, 1, 0, 1], rows3, { labels: [0, 1, 2] }),
      'rocAucScore',
      'yTrue',
    );
    expectRefusal(
      () => rocAucScore([0, 1, 2, 1], [rows3[0], rows3[1], [0.5, 0.5], rows3[3]]),
      'rocAucScore',
      'yScore',
    );
    expectRefusal(
      () => rocAucScore([0, 1, 2, 1], rows3, { average: 'samples' as never }),
      'rocAucScore',
      'average',
    );
    expectRefusal(
      () => rocAucScore([0, 1, 2, 1], rows3, { multiClass: 'ovo' as never }),
      'rocAucScore',
      'multiClass',
    );
  });

  it('refuse bad inputs of the curves', () => {
    expectRefusal(() => rocAucScore([0, 1], [0.1, 0.5, 0.9]), 'rocAucScore', 'yScore');
    expectRefusal(() => rocAucScore([], []), 'rocAucScore', 'yTrue');
    expectRefusal(
      () => rocAucScore([0, 1, 1], [0.2, Number.POSITIVE_INFINITY, 0.9]),
      'rocAucScore',
      'yScore',
    );
    expectRefusal(() => rocCurve([0, 1, 2], [0.2, 0.5, 0.9]), 'rocCurve', 'yTrue');
    expectRefusal(() => rocCurve([3, 5], [0.2, 0.5]), 'rocCurve', 'posLabel');
    expectRefusal(() => rocCurve([0, 1], [0.2, Number.NaN]), 'rocCurve', 'yScore');
    expectRefusal(
      () => rocCurve([0, 1], [0.2, 0.4], { sampleWeight: [1, 2, 3] }),
      'rocCurve',
      'sampleWeight',
    );
    expectRefusal(
      () => precisionRecallCurve(['a', 'b'], [0.2, 0.4]),
      'precisionRecallCurve',
      'posLabel',
    );
    expectRefusal(() => precisionRecallCurve([0, 1], [0.2]), 'precisionRecallCurve', 'probasPred');
    expectRefusal(
      () => averagePrecisionScore([0, 1, 1], [0.2, 0.5, 0.9], { posLabel: 2 }),
      'averagePrecisionScore',
      'posLabel',
    );
    expectRefusal(
      () => averagePrecisionScore([0, 1, 2], [0.2, 0.5, 0.9]),
      'averagePrecisionScore',
      'yTrue',
    );
  });

  it('give NaN rates where yTrue lacks a class, as sklearn', () => {
    const r = rocCurve([1, 1], [0.2, 0.4]);
    expect(Number.isNaN(r.fpr[1])).toBe(true);
    expect(Array.from(r.tpr)).toEqual([0, 0.5, 1]);
  });
});
