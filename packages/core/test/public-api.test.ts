/**
 * The package's promises about itself: the public names issue #2 lists are exported, the
 * source uses no Node-only API (it must run in a browser), and every exported function,
 * class and constant carries a doc comment with an `@example`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

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
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      const re = /^export (?:async )?(?:function|class|const) (\w+)/gm;
      const seen = new Set<string>();
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (!(m[1] in core)) continue; // internal helper shared between files
        if (seen.has(m[1])) continue; // a further overload: the doc sits on the first
        seen.add(m[1]);
        const before = text.slice(0, m.index);
        const docEnd = before.lastIndexOf('*/');
        const doc = docEnd >= 0 && /^\s*$/.test(before.slice(docEnd + 2)) ? before : '';
        const docStart = doc.lastIndexOf('/**');
        if (docStart < 0 || !doc.slice(docStart).includes('@example')) {
          missing.push(`${relative(SRC, file)}: ${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
