/**
 * The package's promises about itself: the public names issue #2 lists are exported, the
 * source uses no Node-only API (it must run in a browser), and every exported function,
 * class and constant carries a doc comment with an `@example`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportsWithoutExample, sourceFiles } from '../../../scripts/doc-examples.js';
import * as core from '../src/index.js';

const PROMISED = [
  'ks2samp',
  'cramerVonMises2samp',
  'mannWhitneyU',
  'welchTTest',
  'andersonKsamp',
  'energyDistance',
  'wassersteinDistance',
  'wassersteinDistanceNormed',
  'chiSquareHomogeneity',
  'twoProportionZTest',
  'fisherExact',
  'psi',
  'klDivergence',
  'jensenShannonDistance',
  'hellingerDistance',
  'totalVariationDistance',
  'lInfinityDistance',
  'bonferroni',
  'holm',
  'benjaminiHochberg',
  'KllSketch',
  'HyperLogLog',
  'FrequentItems',
  'Moments',
  'ColumnCounts',
  'Adwin',
  'Ddm',
  'Eddm',
  'HddmA',
  'HddmW',
  'PageHinkley',
  'Kswin',
  'Cusum',
  'accuracyScore',
  'balancedAccuracyScore',
  'precisionScore',
  'recallScore',
  'f1Score',
  'confusionMatrix',
  'matthewsCorrcoef',
  'rocAucScore',
  'averagePrecisionScore',
  'logLoss',
  'brierScoreLoss',
  'expectedCalibrationError',
  'meanAbsoluteError',
  'meanSquaredError',
  'rootMeanSquaredError',
  'meanAbsolutePercentageError',
  'medianAbsoluteError',
  'maxError',
  'r2Score',
  'explainedVarianceScore',
  'bootstrapCi',
  'normal',
  'chi2',
  'studentT',
  'fisherF',
  'hypergeom',
  'kstwo',
  'kstwobign',
  'runDriftTest',
  'statisticalParityDifference',
  'disparateImpact',
  'equalOpportunityDifference',
  'averageOddsDifference',
  'fairnessGaps',
  'pca',
  'reconstructionError',
  'LogisticRegression',
  'domainClassifierAuc',
  'TendInputError',
];

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('@tend/core public API', () => {
  it.each(PROMISED)('exports %s', (name) => {
    const exported: Record<string, unknown> = { ...core };
    expect(exported[name], `${name} is exported`).toBeDefined();
  });

  it('uses no Node-only API in its source, so it runs in a browser', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      if (/from 'node:|require\(|\bBuffer\b|\bprocess\.|\b__dirname\b/.test(text)) {
        offenders.push(relative(SRC, file));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('documents every public function, class and constant with an @example', () => {
    expect(
      exportsWithoutExample(SRC, { constants: true, include: (name) => name in core }),
    ).toEqual([]);
  });
});
