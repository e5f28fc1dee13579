/**
 * `npm run example`: what Tend does first when a model looks off. It compares the California
 * housing classifier's production period with its reference period, column by column,
 * corrects for testing many columns at once, and compares the model's performance once the
 * production labels have arrived, with bootstrap confidence intervals.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  accuracyScore,
  benjaminiHochberg,
  binNumeric,
  bootstrapCi,
  ks2samp,
  psi,
  rocAucScore,
} from '@tend/core';

type Table = Record<string, string[]>;

/** These files hold no quoted fields; a quote would mean a different file, so refuse it. */
function readCsv(name: string): Table {
  const path = fileURLToPath(new URL(`./data/${name}`, import.meta.url));
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const table: Table = Object.fromEntries(header.map((h) => [h, [] as string[]]));
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].includes('"')) throw new Error(`${name}:${i + 1}: quoted fields are not expected`);
    const cells = lines[i].split(',');
    if (cells.length !== header.length) {
      throw new Error(`${name}:${i + 1}: ${cells.length} fields, expected ${header.length}`);
    }
    header.forEach((h, j) => {
      table[h].push(cells[j]);
    });
  }
  return table;
}

const numbers = (xs: string[]): Float64Array => Float64Array.from(xs, Number);
const fmt = (x: number, digits = 4): string =>
  x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(2) : x.toFixed(digits);

const reference = readCsv('california_housing_reference.csv');
const current = readCsv('california_housing_current.csv');

const features = [
  'MedInc',
  'HouseAge',
  'AveRooms',
  'AveBedrms',
  'Population',
  'AveOccup',
  'Latitude',
  'Longitude',
  'y_pred_proba',
];
console.log(
  `California housing classifier: reference ${reference.id.length} rows, production ${current.id.length} rows\n`,
);

const rows = features.map((name) => {
  const ref = numbers(reference[name]);
  const cur = numbers(current[name]);
  const ks = ks2samp(ref, cur);
  const bins = binNumeric(ref, cur, { bins: 10 });
  return { name, ks, psi: psi(bins.reference, bins.current) };
});
const adjusted = benjaminiHochberg(
  rows.map((r) => r.ks.pValue),
  { alpha: 0.05 },
);
console.log('column         KS D     p-value   BH-adjusted  PSI     drifted');
rows.forEach((r, i) => {
  const drifted = adjusted.rejected[i] && r.psi >= 0.1 ? 'yes' : 'no';
  console.log(
    `${r.name.padEnd(14)} ${fmt(r.ks.statistic).padEnd(8)} ${fmt(r.ks.pValue).padEnd(9)} ${fmt(adjusted.adjusted[i]).padEnd(12)} ${fmt(r.psi).padEnd(7)} ${drifted}`,
  );
});
console.log('(drifted: significant after Benjamini–Hochberg at 5% and PSI ≥ 0.1)\n');

const refTrue = numbers(reference.clf_target);
const curTrue = numbers(current.clf_target);
console.log('performance    reference                   production');
for (const [metric, fn, column] of [
  ['roc_auc', rocAucScore, 'y_pred_proba'],
  ['accuracy', accuracyScore, 'y_pred'],
] as const) {
  const ref = bootstrapCi(fn, refTrue, numbers(reference[column]), { seed: 1 });
  const cur = bootstrapCi(fn, curTrue, numbers(current[column]), { seed: 1 });
  const show = (ci: typeof ref) => `${fmt(ci.estimate)} [${fmt(ci.low)}, ${fmt(ci.high)}]`;
  console.log(`${metric.padEnd(14)} ${show(ref).padEnd(27)} ${show(cur)}`);
}
console.log('(95% percentile bootstrap intervals, 1000 resamples, seed 1)');
