import { describe, expect, it } from 'vitest';
import type { ColumnDrift } from '../report-types.js';
import { datasetDrift } from './dataset-drift.js';

function verdict(drifted: boolean): ColumnDrift {
  return { method: 'ks', statistic: 0.2, pValue: 0.01, threshold: 0.05, drifted, reason: 'test' };
}

describe('datasetDrift', () => {
  it("is Evidently's rule: share of drifted columns ≥ 0.5, the boundary included", () => {
    const result = datasetDrift(
      ['a', 'b', 'c', 'd'],
      [verdict(true), verdict(false), verdict(true), verdict(false)],
      { correction: 'benjamini-hochberg' },
    );
    expect(result).toEqual({
      driftedColumns: ['a', 'c'],
      testedColumns: 4,
      share: 0.5,
      drifted: true,
      shareThreshold: 0.5,
      rule: 'dataset drifts when ≥ 50 % of tested features drift',
      correction: 'benjamini-hochberg',
    });
  });

  it('does not count untested columns, and takes another share threshold', () => {
    const result = datasetDrift(
      ['a', 'b', 'c', 'd'],
      [verdict(true), undefined, verdict(false), verdict(false)],
      {
        shareThreshold: 0.3,
        correction: 'none',
      },
    );
    expect(result).toMatchObject({
      driftedColumns: ['a'],
      testedColumns: 3,
      drifted: true,
      shareThreshold: 0.3,
    });
    expect(result.share).toBeCloseTo(1 / 3, 15);
    expect(result.rule).toBe('dataset drifts when ≥ 30 % of tested features drift');
    const below = datasetDrift(['a', 'b', 'c'], [verdict(true), verdict(false), verdict(false)], {
      correction: 'none',
    });
    expect(below.drifted).toBe(false);
  });

  it('with no tested column: share 0, not drifted, and says so', () => {
    const result = datasetDrift(['a'], [undefined], { correction: 'none' });
    expect(result).toMatchObject({
      driftedColumns: [],
      testedColumns: 0,
      share: 0,
      drifted: false,
    });
    expect(result.rule).toBe(
      'dataset drifts when ≥ 50 % of tested features drift; no feature was tested',
    );
  });

  it('refuses mismatched lists and a share threshold outside (0, 1]', () => {
    expect(() => datasetDrift(['a', 'b'], [verdict(true)], { correction: 'none' })).toThrow(
      'datasetDrift: 2 column names but 1 drift results',
    );
    expect(() => datasetDrift([], [], { shareThreshold: 0, correction: 'none' })).toThrow(
      'drift share threshold is 0; expected a number in (0, 1]',
    );
    expect(() => datasetDrift([], [], { shareThreshold: 1.5, correction: 'none' })).toThrow(
      'drift share threshold is 1.5',
    );
  });
});
