/**
 * The columns of the sample report (see sample-report.ts), one of each kind of case the page
 * must render: drifted and stable, numerical and categorical, untested, and hostile.
 */
import type {
  ColumnDrift,
  ColumnHistogram,
  ColumnQuality,
  ColumnReport,
  ColumnSummary,
} from '../report-types.js';

/**
 * The hostile column name the sample carries, for escaping tests.
 *
 * @example
 * renderHtml(sampleReport()).includes(HOSTILE_NAME); // false: it is escaped
 */
export const HOSTILE_NAME = '<script>alert(1)</script>';

function quality(over: Partial<ColumnQuality> = {}): ColumnQuality {
  return {
    missingShare: 0,
    invalidCount: 0,
    distinct: 100,
    mostFrequentShare: 0.02,
    nearConstant: false,
    ...over,
  };
}

function numericSummary(count: number, mean: number, std: number): ColumnSummary {
  return {
    count,
    mean,
    std,
    min: mean - 3 * std,
    q25: mean - 0.674 * std,
    median: mean,
    q75: mean + 0.674 * std,
    max: mean + 3 * std,
  };
}

function categorical(values: [string, number][]): ColumnSummary {
  return {
    count: values.reduce((a, [, c]) => a + c, 0),
    top: values.map(([value, count]) => ({ value, count })),
  };
}

function categoricalHistogram(ref: [string, number][], cur: number[]): ColumnHistogram {
  return {
    kind: 'categorical',
    categories: ref.map(([v]) => v),
    reference: ref.map(([, c]) => c),
    current: cur,
  };
}

function drift(
  over: Partial<ColumnDrift> & Pick<ColumnDrift, 'method' | 'statistic'>,
): ColumnDrift {
  return { threshold: 0.05, drifted: false, reason: 'numerical, 5000 rows > 1000', ...over };
}

/**
 * The sample's columns: age (numerical, drifted), income (numerical, stable, forced ks),
 * city (categorical, drifted, new categories), plan (categorical, stable), a hostile name
 * (categorical, near-constant now), signup_date (datetime, untested), region (segment),
 * churned (target) and score (prediction, drifted). Fresh objects on every call.
 *
 * @example
 * sampleColumns().map((c) => c.name)[0]; // 'age'
 */
export function sampleColumns(): ColumnReport[] {
  const cityRef: [string, number][] = [
    ['Lyon', 1500],
    ['Paris', 2000],
    ['Nantes', 900],
    ['Lille', 600],
  ];
  const planRef: [string, number][] = [
    ['basic', 3000],
    ['pro', 1500],
    ['enterprise', 500],
  ];
  const hostileRef: [string, number][] = [
    ['<b>bold</b>', 2500],
    ['a & b', 2500],
  ];
  return [
    {
      name: 'age',
      kind: 'numerical',
      role: 'feature',
      kindSource: 'inferred',
      quality: {
        reference: quality({ missingShare: 0.01, distinct: 62 }),
        current: quality({
          missingShare: 0.04,
          distinct: 65,
          outOfRangeCount: 37,
          invalidCount: 2,
        }),
      },
      summary: {
        reference: numericSummary(4950, 41.2, 11.5),
        current: numericSummary(4032, 47.9, 12.1),
      },
      drift: drift({
        method: 'wasserstein',
        statistic: 0.2143,
        effectSize: 0.2143,
        threshold: 0.1,
        drifted: true,
        reason: 'numerical, 5000 rows > 1000: wasserstein (Evidently)',
      }),
      histogram: {
        kind: 'numerical',
        edges: [18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 80],
        reference: [310, 520, 700, 820, 860, 700, 480, 310, 170, 80],
        current: [120, 260, 420, 560, 700, 720, 600, 380, 190, 82],
      },
    },
    {
      name: 'income',
      kind: 'numerical',
      role: 'feature',
      kindSource: 'inferred',
      quality: {
        reference: quality({ distinct: 4800 }),
        current: quality({ distinct: 4100, outOfRangeCount: 0 }),
      },
      summary: {
        reference: numericSummary(5000, 52000, 15000),
        current: numericSummary(4200, 52400, 15100),
      },
      drift: drift({
        method: 'ks',
        statistic: 0.0172,
        pValue: 0.4312,
        adjustedPValue: 0.539,
        effectSize: 0.0172,
        minEffectSize: 0.1,
        drifted: false,
        reason: 'numerical: ks with effect size (Tend)',
      }),
      histogram: {
        kind: 'numerical',
        edges: [7000, 32000, 42000, 48000, 52000, 56000, 62000, 72000, 97000],
        reference: [625, 625, 625, 625, 625, 625, 625, 625],
        current: [520, 530, 515, 540, 525, 520, 530, 520],
      },
    },
    {
      name: 'city',
      kind: 'categorical',
      role: 'feature',
      kindSource: 'inferred',
      quality: {
        reference: quality({ distinct: 4, mostFrequentShare: 0.4 }),
        current: quality({
          distinct: 6,
          mostFrequentShare: 0.33,
          newCategoryCount: 310,
          newCategories: ['Bordeaux', 'Nice'],
        }),
      },
      summary: {
        reference: categorical(cityRef),
        current: categorical([
          ['Paris', 1400],
          ['Lyon', 1390],
          ['Nantes', 800],
          ['Lille', 300],
          ['Bordeaux', 250],
          ['Nice', 60],
        ]),
      },
      drift: drift({
        method: 'chisquare',
        statistic: 412.7,
        pValue: 1.2e-14,
        adjustedPValue: 6.0e-14,
        effectSize: 0.18,
        minEffectSize: 0.1,
        drifted: true,
        reason: 'categorical, 4 categories: chi-square with Cramér’s V (Tend)',
      }),
      histogram: categoricalHistogram([...cityRef, ['other', 0]], [1390, 1400, 800, 300, 310]),
    },
    {
      name: 'plan',
      kind: 'categorical',
      role: 'feature',
      kindSource: 'given',
      quality: {
        reference: quality({ distinct: 3, mostFrequentShare: 0.6 }),
        current: quality({ distinct: 3, mostFrequentShare: 0.61, newCategoryCount: 0 }),
      },
      summary: {
        reference: categorical(planRef),
        current: categorical([
          ['basic', 2560],
          ['pro', 1220],
          ['enterprise', 420],
        ]),
      },
      drift: drift({
        method: 'psi',
        statistic: 0.0021,
        threshold: 0.1,
        reason: 'categorical: psi',
      }),
      histogram: categoricalHistogram(planRef, [2560, 1220, 420]),
    },
    {
      name: HOSTILE_NAME,
      kind: 'categorical',
      role: 'feature',
      kindSource: 'inferred',
      quality: {
        reference: quality({ distinct: 2, mostFrequentShare: 0.5 }),
        current: quality({ distinct: 2, mostFrequentShare: 0.97, nearConstant: true }),
      },
      summary: {
        reference: categorical(hostileRef),
        current: categorical([
          ['<b>bold</b>', 4074],
          ['a & b', 126],
        ]),
      },
      drift: drift({
        method: 'jensenshannon',
        statistic: 0.0412,
        threshold: 0.1,
        reason: 'categorical: jensenshannon',
      }),
      histogram: categoricalHistogram(hostileRef, [4074, 126]),
    },
    {
      name: 'signup_date',
      kind: 'datetime',
      role: 'feature',
      kindSource: 'inferred',
      quality: { reference: quality({ distinct: 900 }), current: quality({ distinct: 400 }) },
      summary: { reference: { count: 5000 }, current: { count: 4200 } },
    },
    {
      name: 'region',
      kind: 'categorical',
      role: 'segment',
      kindSource: 'inferred',
      quality: {
        reference: quality({ distinct: 2, mostFrequentShare: 0.55 }),
        current: quality({ distinct: 2, mostFrequentShare: 0.52 }),
      },
      summary: {
        reference: categorical([
          ['north', 2750],
          ['south', 2250],
        ]),
        current: categorical([
          ['north', 2184],
          ['south', 2016],
        ]),
      },
      drift: drift({
        method: 'chisquare',
        statistic: 1.9,
        pValue: 0.168,
        adjustedPValue: 0.168,
        effectSize: 0.014,
        reason: 'categorical: chisquare',
      }),
      histogram: categoricalHistogram(
        [
          ['north', 2750],
          ['south', 2250],
        ],
        [2184, 2016],
      ),
    },
    {
      name: 'churned',
      kind: 'categorical',
      role: 'target',
      kindSource: 'given',
      quality: {
        reference: quality({ distinct: 2, mostFrequentShare: 0.8 }),
        current: quality({ distinct: 2, mostFrequentShare: 0.74 }),
      },
      summary: {
        reference: categorical([
          ['0', 4000],
          ['1', 1000],
        ]),
        current: categorical([
          ['0', 3108],
          ['1', 1092],
        ]),
      },
      drift: drift({
        method: 'chisquare',
        statistic: 38.2,
        pValue: 6.4e-10,
        effectSize: 0.066,
        minEffectSize: 0.1,
        reason: 'categorical target: chisquare',
      }),
      histogram: categoricalHistogram(
        [
          ['0', 4000],
          ['1', 1000],
        ],
        [3108, 1092],
      ),
    },
    {
      name: 'score',
      kind: 'numerical',
      role: 'prediction',
      kindSource: 'inferred',
      quality: {
        reference: quality({ distinct: 5000 }),
        current: quality({ distinct: 4200, outOfRangeCount: 0 }),
      },
      summary: {
        reference: numericSummary(5000, 0.21, 0.18),
        current: numericSummary(4200, 0.29, 0.2),
      },
      drift: drift({
        method: 'ks',
        statistic: 0.142,
        pValue: 3.1e-41,
        effectSize: 0.142,
        minEffectSize: 0.1,
        drifted: true,
        reason: 'prediction score: ks',
      }),
      histogram: {
        kind: 'numerical',
        edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
        reference: [1400, 1200, 900, 600, 380, 240, 140, 80, 40, 20],
        current: [800, 950, 850, 620, 400, 250, 160, 90, 50, 30],
      },
    },
  ];
}
