import { describe, expect, it } from 'vitest';
import { TendInputError } from '../errors.js';
import {
  falsePositiveRate,
  type GroupCounts,
  groupCounts,
  selectionRate,
  truePositiveRate,
} from './group-counts.js';

function refusal(f: () => unknown): TendInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TendInputError);
    return e as TendInputError;
  }
  return expect.fail('expected a TendInputError');
}

describe('groupCounts', () => {
  it('counts weighted confusion cells per group', () => {
    const c = groupCounts('f', [1, 0, 1, 0, 1], [1, 1, 0, 0, 1], ['p', 'p', 'u', 'u', 'u'], {
      privileged: 'p',
      sampleWeight: [1, 2, 3, 4, 5],
    });
    expect(c.privileged).toEqual({
      instances: 3,
      predictedFavorable: 3,
      positives: 1,
      negatives: 2,
      truePositives: 1,
      falsePositives: 2,
    });
    expect(c.unprivileged).toEqual({
      instances: 12,
      predictedFavorable: 5,
      positives: 8,
      negatives: 4,
      truePositives: 5,
      falsePositives: 0,
    });
  });

  it('matches the rate helpers’ doc examples', () => {
    const base: GroupCounts = {
      instances: 4,
      predictedFavorable: 1,
      positives: 2,
      negatives: 2,
      truePositives: 1,
      falsePositives: 1,
    };
    expect(selectionRate(base)).toBe(0.25);
    expect(truePositiveRate(base)).toBe(0.5);
    expect(falsePositiveRate(base)).toBe(0.5);
    expect(
      groupCounts('f', [1, 0], [1, 1], ['a', 'b'], { privileged: 'a' }).privileged.truePositives,
    ).toBe(1);
  });

  it('refuses an empty group, naming the values seen', () => {
    const e = refusal(() => groupCounts('f', null, [1, 0], ['M', 'F'], { privileged: 'male' }));
    expect(e.argument).toBe('group');
    expect(e.message).toContain('no privileged rows');
    expect(e.message).toContain('"M", "F"');
    const all = refusal(() =>
      groupCounts('f', null, [1, 0], ['M', 'F'], { privileged: ['M', 'F'] }),
    );
    expect(all.message).toContain('no unprivileged rows');
    const zero = refusal(() =>
      groupCounts('f', null, [1, 0], ['M', 'F'], { privileged: 'M', sampleWeight: [1, 0] }),
    );
    expect(zero.message).toContain('of positive weight');
  });

  it('refuses bad labels, groups and options with the argument named', () => {
    const cases: [() => unknown, string][] = [
      [() => groupCounts('f', null, ['yes', 'no'], ['a', 'b'], { privileged: 'a' }), 'yPred'],
      [() => groupCounts('f', null, [0, 1, 2], ['a', 'b', 'a'], { privileged: 'a' }), 'yPred'],
      [() => groupCounts('f', [1], [1, 0], ['a', 'b'], { privileged: 'a' }), 'yPred'],
      [() => groupCounts('f', null, [1, 0], ['a'], { privileged: 'a' }), 'group'],
      [
        () => groupCounts('f', null, [1, 0], ['a', null as unknown as string], { privileged: 'a' }),
        'group',
      ],
      [() => groupCounts('f', null, [1, 0], ['a', 1], { privileged: 'a' }), 'group'],
      [() => groupCounts('f', null, [1, 0], ['a', 'b'], { privileged: 1 }), 'privileged'],
      [() => groupCounts('f', null, [1, 0], ['a', 'b'], { privileged: [] }), 'privileged'],
      [
        () =>
          groupCounts('f', null, [1, 0], ['a', 'b'], { privileged: 'a', sampleWeight: [1, -1] }),
        'sampleWeight',
      ],
      [
        () => groupCounts('f', null, [1, 0], ['a', 'b'], { privileged: 'a', sampleWeight: [1] }),
        'sampleWeight',
      ],
      [() => groupCounts('f', null, [], [], { privileged: 'a' }), 'yPred'],
    ];
    for (const [f, argument] of cases) {
      const e = refusal(f);
      expect(e.argument).toBe(argument);
      expect(e.message.startsWith(`f: ${argument} `)).toBe(true);
    }
  });
});
