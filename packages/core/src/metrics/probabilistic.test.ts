import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { TendInputError } from '../errors.js';
import { brierScoreLoss, expectedCalibrationError, logLoss } from './index.js';

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

describe('probabilistic metrics', () => {
  it('match their doc examples', () => {
    const p = [
      [0.1, 0.9],
      [0.9, 0.1],
      [0.8, 0.2],
      [0.35, 0.65],
    ];
    expect(logLoss(['spam', 'ham', 'ham', 'spam'], p)).toBe(0.21616187468057912);
    expect(brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBe(0.03749999999999999);
    expectClose(expectedCalibrationError([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 0.175, 'ece', {
      rel: 1e-15,
    });
  });

  it('logLoss clips 0 and 1 at machine epsilon, finite as sklearn', () => {
    const v = logLoss([0, 1], [1, 0]);
    expectClose(v, -Math.log(2.220446049250313e-16), 'clipped', { rel: 1e-14 });
    expect(logLoss([0, 1], [0, 1])).toBeLessThan(1e-15);
  });

  it('ECE is 0 for a calibrated bin and |mean hit − mean confidence| with one bin', () => {
    expect(expectedCalibrationError([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0);
    const y = [1, 0, 1, 1, 0, 1];
    const p = [0.9, 0.2, 0.6, 0.4, 0.35, 0.8];
    const hit = y.reduce((a, b) => a + b, 0) / y.length;
    const conf = p.reduce((a, b) => a + b, 0) / p.length;
    expectClose(expectedCalibrationError(y, p, { nBins: 1 }), Math.abs(hit - conf), 'one bin');
  });

  it('ECE weights count like repeated samples; multiclass uses the top class', () => {
    const y = ['a', 'b', 'c', 'a'];
    const rows = [
      [0.6, 0.3, 0.1],
      [0.5, 0.4, 0.1],
      [0.2, 0.2, 0.6],
      [0.34, 0.33, 0.33],
    ];
    const w = [2, 1, 3, 1];
    const ry: string[] = [];
    const rr: number[][] = [];
    y.forEach((v, i) => {
      for (let k = 0; k < w[i]; k++) {
        ry.push(v);
        rr.push(rows[i]);
      }
    });
    expectClose(
      expectedCalibrationError(y, rows, { sampleWeight: w }),
      expectedCalibrationError(ry, rr),
      'weights',
      { rel: 1e-14 },
    );
    // Top classes: a 0.6 (hit, bin 6), a 0.5 (miss, bin 5), c 0.6 (hit, bin 6), a 0.34 (hit, bin 3).
    const expected = (2 * Math.abs(1 - 0.6) + Math.abs(0 - 0.5) + Math.abs(1 - 0.34)) / 4;
    expectClose(expectedCalibrationError(y, rows), expected, 'by hand', { rel: 1e-14 });
  });

  it('refuse probabilities outside [0, 1] and other bad inputs', () => {
    expectRefusal(() => logLoss([0, 1, 1], [0.2, 1.5, 0.9]), 'logLoss', 'yPred');
    expectRefusal(
      () =>
        logLoss(
          [0, 1],
          [
            [0.2, -0.1],
            [0.5, 0.5],
          ],
        ),
      'logLoss',
      'yPred[0]',
    );
    expectRefusal(() => logLoss([1, 1, 1], [0.2, 0.5, 0.9]), 'logLoss', 'yTrue');
    expectRefusal(() => logLoss([1, 1], [0.2, 0.5], { labels: [1] }), 'logLoss', 'labels');
    expectRefusal(() => logLoss([0, 1, 2], [0.2, 0.5, 0.9]), 'logLoss', 'yPred');
    expectRefusal(
      () => logLoss([0, 1, 3], [0.2, 0.5, 0.9], { labels: [0, 1] }),
      'logLoss',
      'yTrue',
    );
    expectRefusal(() => logLoss([0, 1], [0.2]), 'logLoss', 'yPred');
    expectRefusal(() => logLoss([], []), 'logLoss', 'yTrue');
    expectRefusal(() => logLoss([0, 1], [0.2, 0.5], { eps: -1 }), 'logLoss', 'eps');
    expectRefusal(() => logLoss([0, 1], [0.2, Number.NaN]), 'logLoss', 'yPred');
    expectRefusal(() => logLoss([0, 1], [[0.2, 0.8], [0.5]]), 'logLoss', 'yPred');
    expectRefusal(() => brierScoreLoss([0, 1, 1], [0.2, 1.5, 0.9]), 'brierScoreLoss', 'yProb');
    expectRefusal(() => brierScoreLoss([0, 1, 1], [0.2, -0.1, 0.9]), 'brierScoreLoss', 'yProb');
    expectRefusal(() => brierScoreLoss([0, 1, 2], [0.2, 0.5, 0.9]), 'brierScoreLoss', 'yTrue');
    expectRefusal(() => brierScoreLoss(['a', 'b'], [0.2, 0.5]), 'brierScoreLoss', 'posLabel');
    expectRefusal(
      () => brierScoreLoss([0, 1], [0.2, 0.5], { sampleWeight: [1, -2] }),
      'brierScoreLoss',
      'sampleWeight',
    );
    expectRefusal(
      () => expectedCalibrationError([0, 1], [0.2, 1.1]),
      'expectedCalibrationError',
      'yProb',
    );
    expectRefusal(
      () => expectedCalibrationError([0, 1], [0.2, 0.5], { nBins: 0 }),
      'expectedCalibrationError',
      'nBins',
    );
    expectRefusal(
      () =>
        expectedCalibrationError(
          [0, 1, 2],
          [
            [0.2, 0.8],
            [0.5, 0.5],
            [0.1, 0.9],
          ],
        ),
      'expectedCalibrationError',
      'yProb',
    );
    expectRefusal(
      () => expectedCalibrationError(['x', 'y'], [0.2, 0.5]),
      'expectedCalibrationError',
      'posLabel',
    );
  });
});
