import { readFileSync } from 'node:fs';
import { benjaminiHochberg, bonferroni, holm, ks2samp, normal } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { defaultCorrection, driftOfColumns, skipReason } from './column-drift.js';
import { DriftConfigError, type DriftInput } from './drift-input.js';

/** n exact normal quantiles (i + ½)/n, shifted: a deterministic "sample" of N(shift, 1). */
function quantiles(n: number, shift = 0): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => shift + normal.ppf((i + 0.5) / n));
}
function close(actual: number | undefined, expected: number, label: string): void {
  expect(actual, label).toBeDefined();
  const tol = Number.isFinite(expected) ? Math.max(1e-9 * Math.abs(expected), 1e-12) : 0;
  if (tol === 0) expect(actual, label).toBe(expected);
  else expect(Math.abs((actual as number) - expected), label).toBeLessThanOrEqual(tol);
}

interface Case {
  name: string;
  kind: 'numerical' | 'categorical';
  reference: (number | string)[];
  current: (number | string)[];
  method: string;
  statistic: number | string | null;
  pValue: number | string | null;
  drifted: boolean;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/evidently-drift.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const num = (v: number | string) => (v === 'inf' ? Number.POSITIVE_INFINITY : Number(v));
function toInput(c: Case): DriftInput {
  const data = (v: (number | string)[]) =>
    c.kind === 'numerical' ? Float64Array.from(v as number[]) : (v as string[]);
  return { name: c.name, kind: c.kind, reference: data(c.reference), current: data(c.current) };
}

describe('driftOfColumns, Evidently preset', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))(
    "reproduces Evidently's choice, score and decision: %s",
    (_, c) => {
      const [drift] = driftOfColumns([toInput(c)], { preset: 'evidently' });
      expect(drift?.method).toBe(c.method);
      expect(drift?.drifted).toBe(c.drifted);
      expect(drift?.adjustedPValue).toBeUndefined(); // Evidently corrects nothing
      if (c.pValue !== null) close(drift?.pValue, num(c.pValue), `${c.name} p-value`);
      if (c.statistic !== null) close(drift?.statistic, num(c.statistic), `${c.name} statistic`);
    },
  );
});

describe('forcing ks', () => {
  it('reproduces ks2samp from @tend/core exactly, statistic and p-value, under both presets', () => {
    const reference = quantiles(3000);
    const current = quantiles(2000, 0.08);
    const expected = ks2samp(reference, current);
    for (const preset of ['tend', 'evidently'] as const) {
      const [drift] = driftOfColumns([{ name: 'age', kind: 'numerical', reference, current }], {
        preset,
        stattest: { '*': 'ks' },
        correction: 'none',
      });
      expect(drift?.statistic).toBe(expected.statistic);
      expect(drift?.pValue).toBe(expected.pValue);
      expect(drift?.reason.startsWith('ks forced by --stattest ks;')).toBe(true);
    }
  });

  it('a per-column test wins over "*"; the others get the "*" test', () => {
    const columns: DriftInput[] = [
      { name: 'age', kind: 'numerical', reference: quantiles(100), current: quantiles(100, 1) },
      { name: 'income', kind: 'numerical', reference: quantiles(100), current: quantiles(100, 1) },
    ];
    const drifts = driftOfColumns(columns, { preset: 'tend', stattest: { '*': 'psi', age: 'ks' } });
    expect(drifts.map((d) => d?.method)).toEqual(['ks', 'psi']);
    expect(drifts[0]?.reason).toMatch(/^ks forced by --stattest age=ks;/);
    expect(drifts[1]?.reason).toMatch(/^psi forced by --stattest psi;/);
  });

  it("--threshold overrides the test's threshold", () => {
    const column: DriftInput = {
      name: 'x',
      kind: 'numerical',
      reference: quantiles(1000),
      current: quantiles(1000, 0.3),
    };
    const [loose] = driftOfColumns([column], { preset: 'evidently', stattest: { x: 'ks' } });
    const [strict] = driftOfColumns([column], {
      preset: 'evidently',
      stattest: { x: 'ks' },
      threshold: 1e-9,
    });
    expect(loose).toMatchObject({ threshold: 0.05, drifted: true });
    expect(strict).toMatchObject({ threshold: 1e-9, drifted: false });
    expect(strict!.pValue!).toBeGreaterThan(1e-9);
  });
});

describe('multiple-testing correction', () => {
  // Welch t p-values ≈ 0.001, 0.012, 0.033, 0.044, 0.6 on 100 vs 100 values; Cohen's d ≥ 0.2
  // for the first four, so under Tend's rule only the correction decides.
  const shifts = [0.472, 0.358, 0.303, 0.286, 0.074];
  const columns: DriftInput[] = shifts.map((s, i) => ({
    name: `c${i}`,
    kind: 'numerical',
    reference: quantiles(100),
    current: quantiles(100, s),
  }));
  const options = { preset: 'tend' as const, stattest: { '*': 't_test' } };

  it("Benjamini–Hochberg (Tend's default) turns two uncorrected discoveries into none", () => {
    const raw = driftOfColumns(columns, { ...options, correction: 'none' });
    const bh = driftOfColumns(columns, options);
    const p = raw.map((d) => d!.pValue!);
    expect(p.map((x) => Number(x.toFixed(3)))).toEqual([0.001, 0.012, 0.033, 0.044, 0.601]);
    expect(raw.map((d) => d!.drifted)).toEqual([true, true, true, true, false]);
    expect(raw.every((d) => d!.adjustedPValue === undefined)).toBe(true);
    const expected = benjaminiHochberg(p).adjusted;
    expect(bh.map((d) => d!.adjustedPValue)).toEqual([...expected]);
    // adjusted: 0.005, 0.03, 0.055, 0.055, 0.601
    expect(bh.map((d) => d!.drifted)).toEqual([true, true, false, false, false]);
    expect(bh[2]!.reason).toContain('not drifted: p adjusted (benjamini-hochberg) = 0.0552 ≥ 0.05');
  });

  it('Holm (step-down) keeps the second here, Bonferroni (0.012 × 5 = 0.06) does not', () => {
    const p = driftOfColumns(columns, { ...options, correction: 'none' }).map((d) => d!.pValue!);
    const h = driftOfColumns(columns, { ...options, correction: 'holm' });
    const b = driftOfColumns(columns, { ...options, correction: 'bonferroni' });
    expect(h.map((d) => d!.adjustedPValue)).toEqual([...holm(p).adjusted]);
    expect(b.map((d) => d!.adjustedPValue)).toEqual([...bonferroni(p).adjusted]);
    expect(h.map((d) => d!.drifted)).toEqual([true, true, false, false, false]);
    expect(b.map((d) => d!.drifted)).toEqual([true, false, false, false, false]);
  });

  it('leaves distances out of the correction', () => {
    const mixed = driftOfColumns(columns, {
      preset: 'tend',
      stattest: { '*': 't_test', c4: 'psi' },
    });
    expect(mixed[4]?.adjustedPValue).toBeUndefined();
    const p = driftOfColumns(columns.slice(0, 4), { ...options, correction: 'none' }).map(
      (d) => d!.pValue!,
    );
    expect(mixed.slice(0, 4).map((d) => d!.adjustedPValue)).toEqual([
      ...benjaminiHochberg(p).adjusted,
    ]);
  });

  it('defaults: BH under tend, none under evidently', () => {
    expect(defaultCorrection('tend')).toBe('benjamini-hochberg');
    expect(defaultCorrection('evidently')).toBe('none');
  });
});

describe('a million rows: significant is not the same as drifted', () => {
  // The mean moved by 0.005 sd: real, detectable with 10⁶ rows, and of no consequence.
  const reference = quantiles(1_000_000);
  const current = reference.map((x) => x + 0.005);
  const column: DriftInput = { name: 'x', kind: 'numerical', reference, current };

  it("Tend's rule does not flag it: p < 0.05 but KS D = 0.002 < 0.1", () => {
    const [drift] = driftOfColumns([column], { preset: 'tend' });
    expect(drift).toMatchObject({ method: 'ks', drifted: false, minEffectSize: 0.1 });
    expect(drift!.adjustedPValue!).toBeLessThan(0.05);
    expect(drift!.effectSize!).toBeCloseTo(0.002, 3);
    expect(drift!.reason).toContain('(significant but negligible)');
  });

  it("nor with a forced t-test: p = 0.0004, Cohen's d = 0.005 < 0.2", () => {
    const [drift] = driftOfColumns([column], { preset: 'tend', stattest: { '*': 't_test' } });
    expect(drift!.pValue!).toBeLessThan(0.001);
    expect(drift!.effectSize!).toBeCloseTo(0.005, 6);
    expect(drift!.drifted).toBe(false);
  });

  it("Evidently's preset picks wasserstein (reference > 1000) and does not flag it either…", () => {
    const [drift] = driftOfColumns([column], { preset: 'evidently' });
    expect(drift).toMatchObject({ method: 'wasserstein', drifted: false });
    expect(drift!.statistic).toBeCloseTo(0.005, 6);
  });

  it('…but Evidently with a p-value test (--stattest ks or t_test) does', () => {
    const [ks] = driftOfColumns([column], { preset: 'evidently', stattest: { '*': 'ks' } });
    const [t] = driftOfColumns([column], { preset: 'evidently', stattest: { '*': 't_test' } });
    expect(ks).toMatchObject({ method: 'ks', drifted: true });
    expect(t).toMatchObject({ method: 't_test', drifted: true });
  });
});

describe("Tend's rule flags a real shift", () => {
  it('numerical: mean moved by 0.5 sd (KS D ≈ 0.2)', () => {
    const [drift] = driftOfColumns(
      [
        {
          name: 'x',
          kind: 'numerical',
          reference: quantiles(20_000),
          current: quantiles(5_000, 0.5),
        },
      ],
      { preset: 'tend' },
    );
    expect(drift).toMatchObject({ method: 'ks', drifted: true });
    expect(drift!.effectSize!).toBeGreaterThan(0.19);
    expect(drift!.reason).toMatch(
      /; drifted: p adjusted \(benjamini-hochberg\) = .* < 0.05, KS D = 0.19\d ≥ 0.1$/,
    );
  });

  it("categorical: 50/50 became 65/35 (Cramér's V ≈ 0.15)", () => {
    const reference = Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? 'yes' : 'no'));
    const current = Array.from({ length: 2000 }, (_, i) => (i % 20 < 13 ? 'yes' : 'no'));
    const [drift] = driftOfColumns([{ name: 'opt_in', kind: 'categorical', reference, current }], {
      preset: 'tend',
    });
    expect(drift).toMatchObject({ method: 'chisquare', drifted: true, minEffectSize: 0.1 });
    expect(drift!.effectSize!).toBeGreaterThan(0.13);
  });

  it('but not a change too small to matter among many rows: 50/50 → 51/49', () => {
    const reference = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? 'yes' : 'no'));
    const current = Array.from({ length: 200_000 }, (_, i) => (i % 100 < 51 ? 'yes' : 'no'));
    const [drift] = driftOfColumns([{ name: 'opt_in', kind: 'categorical', reference, current }], {
      preset: 'tend',
    });
    expect(drift!.pValue!).toBeLessThan(0.001);
    expect(drift!.effectSize!).toBeCloseTo(0.01, 3);
    expect(drift!.drifted).toBe(false);
  });
});

describe('skipped columns', () => {
  it('returns undefined for a column with no values on one side, with a reason', () => {
    const empty: DriftInput = { name: 'e', kind: 'categorical', reference: [], current: ['a'] };
    const fine: DriftInput = {
      name: 'f',
      kind: 'categorical',
      reference: ['a', 'b'],
      current: ['a'],
    };
    const drifts = driftOfColumns([empty, fine], { preset: 'tend' });
    expect(drifts[0]).toBeUndefined();
    expect(drifts[1]?.method).toBe('chisquare');
    expect(skipReason(empty)).toBe('no values in the reference');
    expect(skipReason({ ...empty, reference: ['a'], current: [] })).toBe(
      'no values in the current dataset',
    );
    expect(skipReason({ ...empty, current: [] })).toBe('no values in either dataset');
    expect(skipReason(fine)).toBeUndefined();
  });

  it('still refuses a wrong --stattest for a skipped column', () => {
    const empty: DriftInput = { name: 'e', kind: 'categorical', reference: [], current: ['a'] };
    expect(() => driftOfColumns([empty], { preset: 'tend', stattest: { e: 'ks' } })).toThrow(
      "--stattest e=ks: column 'e' is categorical; ks accepts numerical columns only",
    );
  });
});

describe('errors name the column and the option', () => {
  const age: DriftInput = {
    name: 'age',
    kind: 'numerical',
    reference: quantiles(50),
    current: quantiles(50),
  };
  const city: DriftInput = {
    name: 'city',
    kind: 'categorical',
    reference: ['a', 'b'],
    current: ['b'],
  };

  it('an unknown test', () => {
    expect(() =>
      driftOfColumns([age], { preset: 'tend', stattest: { age: 'kolmogorov' } }),
    ).toThrow(/^--stattest age=kolmogorov: column 'age': unknown test "kolmogorov"/);
  });

  it("a test that does not accept the column's kind, forced on that column", () => {
    const call = () =>
      driftOfColumns([age, city], { preset: 'evidently', stattest: { city: 'ks' } });
    expect(call).toThrow(DriftConfigError);
    expect(call).toThrow(
      "--stattest city=ks: column 'city' is categorical; ks accepts numerical columns only",
    );
  });

  it('a test forced for every column applies to the kinds it accepts, the others keep theirs', () => {
    const [a, c] = driftOfColumns([age, city], { preset: 'evidently', stattest: { '*': 'ks' } });
    expect(a?.method).toBe('ks');
    expect(a?.reason).toMatch(/^ks forced by --stattest ks/);
    expect(c?.method).not.toBe('ks');
    expect(c?.reason).toMatch(/\(--stattest ks takes numerical columns only\)/);
  });

  it('a p-value that is undefined leaves the column undrifted and out of the correction', () => {
    const flat = {
      name: 'flat',
      kind: 'numerical' as const,
      reference: Float64Array.of(1, 1, 1),
      current: Float64Array.of(1, 1, 1, 1),
    };
    const [d, a] = driftOfColumns([flat, age], { preset: 'tend', stattest: { flat: 't_test' } });
    expect(Number.isNaN(d?.pValue)).toBe(true);
    expect(d?.drifted).toBe(false);
    expect(d?.reason).toMatch(/p-value is undefined/);
    expect(a?.adjustedPValue).toBe(a?.pValue); // corrected alone: one p-value
  });

  it('a bad --threshold', () => {
    expect(() => driftOfColumns([age], { preset: 'tend', threshold: -1 })).toThrow(
      '--threshold is -1; expected a number > 0',
    );
    // A p-value level above 1 is refused by the test itself, with the column named.
    expect(() => driftOfColumns([age], { preset: 'tend', threshold: 2 })).toThrow(
      /^column 'age', ks: runDriftTest: threshold is 2/,
    );
    try {
      driftOfColumns([age], { preset: 'tend', threshold: 2 });
    } catch (err) {
      expect(err).toBeInstanceOf(DriftConfigError);
      expect(err).toMatchObject({ column: 'age', option: '--threshold' });
    }
  });

  it('a bad correction or alpha', () => {
    expect(() => driftOfColumns([age], { preset: 'tend', correction: 'fdr' as 'holm' })).toThrow(
      '--correction is "fdr"; expected one of benjamini-hochberg, holm, bonferroni, none',
    );
    expect(() => driftOfColumns([age], { preset: 'tend', alpha: 1 })).toThrow(
      'alpha is 1; expected a number in (0, 1)',
    );
  });

  it('values of the wrong type for the kind', () => {
    const bad = {
      name: 'n',
      kind: 'numerical',
      reference: ['1'],
      current: ['2'],
    } as unknown as DriftInput;
    expect(() => driftOfColumns([bad], { preset: 'tend' })).toThrow(
      "column 'n' is numerical but its reference values are not a Float64Array",
    );
  });

  it('a NaN left among the values', () => {
    const withNaN: DriftInput = { ...age, current: Float64Array.of(1, Number.NaN, 3) };
    expect(() => driftOfColumns([withNaN], { preset: 'tend' })).toThrow(/^column 'age', ks: /);
  });
});

describe('categorical data as counts', () => {
  it('gives the same verdicts as the labels themselves, under both presets', () => {
    const labels = (spec: [string, number][]) => spec.flatMap(([l, n]) => Array<string>(n).fill(l));
    const ref: [string, number][] = [
      ['a', 60],
      ['b', 30],
      ['c', 10],
    ];
    const cur: [string, number][] = [
      ['a', 40],
      ['b', 35],
      ['c', 20],
      ['d', 5],
    ];
    for (const preset of ['tend', 'evidently'] as const) {
      const [asLabels] = driftOfColumns(
        [{ name: 'k', kind: 'categorical', reference: labels(ref), current: labels(cur) }],
        { preset },
      );
      const [asCounts] = driftOfColumns(
        [{ name: 'k', kind: 'categorical', reference: new Map(ref), current: new Map(cur) }],
        { preset },
      );
      expect(asCounts).toEqual(asLabels);
    }
  });
});
