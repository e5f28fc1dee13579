import { describe, expect, it } from 'vitest';
import { evaluateConditions, parseCondition } from './conditions.js';
import { ReportInputError } from './errors.js';
import { sampleReport } from './html/sample-report.js';

describe('parseCondition', () => {
  it('reads per-column, dataset and metric conditions', () => {
    expect(parseCondition('missingShare(age) < 0.05')).toMatchObject({
      quantity: 'missingShare',
      column: 'age',
      op: '<',
      value: 0.05,
    });
    expect(parseCondition('drift.share<=0.3')).toMatchObject({ quantity: 'drift.share', op: '<=' });
    expect(parseCondition(' reference.accuracy >= 8e-1 ')).toMatchObject({
      quantity: 'reference.accuracy',
      value: 0.8,
    });
  });

  it('refuses what it cannot read, saying what is expected', () => {
    expect(() => parseCondition('accuracy')).toThrow(/expected QUANTITY OP NUMBER/);
    expect(() => parseCondition('accuracy >= high')).toThrow(/"high" is not a number/);
    expect(() => parseCondition('rocAuc(age) > 0.5')).toThrow(/not a per-column quantity/);
    expect(() => parseCondition('missingShare() < 1')).toThrow(ReportInputError);
  });
});

describe('evaluateConditions', () => {
  const report = sampleReport();
  const check = (...texts: string[]) => evaluateConditions(report, texts.map(parseCondition));

  it('passes when every condition holds and fails with the value when one does not', () => {
    const share = report.dataset.drift.share;
    expect(check(`drift.share <= ${share}`).passed).toBe(true);
    const failed = check(`drift.share < ${share}`, `drift.share >= 0`);
    expect(failed.passed).toBe(false);
    expect(failed.results[0]).toMatchObject({ passed: false, actual: share });
    expect(failed.results[0].message).toMatch(/does not hold: the value is/);
    expect(failed.results[1].passed).toBe(true);
  });

  it('reads column quality, drift verdicts and metrics', () => {
    const column = report.columns.find((c) => c.drift)!;
    const missing = column.quality.current.missingShare;
    expect(check(`missingShare(${column.name}) == ${missing}`).passed).toBe(true);
    expect(check(`drifted(${column.name}) == ${Number(column.drift!.drifted)}`).passed).toBe(true);
    const [name, metric] = Object.entries(report.performance!.current)[0];
    expect(check(`${name} == ${metric.value}`).passed).toBe(true);
    expect(check(`current.${name} == ${metric.value}`).passed).toBe(true);
    const ref = report.performance!.reference[name].value;
    expect(check(`reference.${name} == ${ref}`).passed).toBe(true);
  });

  it('fails, with the reason, a condition on something the report lacks', () => {
    const r = check('missingShare(no_such_column) < 1', 'noSuchMetric > 0').results;
    expect(r[0]).toMatchObject({
      passed: false,
      message: 'the report has no column "no_such_column"',
    });
    expect(r[1].passed).toBe(false);
    expect(r[1].message).toMatch(/no metric "noSuchMetric"/);
    expect(Number.isNaN(r[0].actual)).toBe(true);
  });
});
