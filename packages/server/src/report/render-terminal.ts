/**
 * The summary `tend report` prints: the verdict first, then one line per column tested,
 * drifted columns first, then performance and conditions. Plain text, no colour codes, so it
 * reads the same in a terminal, a CI log or a file.
 */
import type { ColumnReport, MetricValue, Report } from './report-types.js';

/**
 * A number for a narrow column: 4 significant digits, scientific below 0.001.
 *
 * @example
 * fmt(0.000012345); // '1.23e-5'
 */
export function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-3) return x.toExponential(2);
  if (Math.abs(x) >= 1e6) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

function pad(s: string, n: number): string {
  return s.length >= n ? `${s.slice(0, n - 1)}…` : s.padEnd(n);
}

function metric(m: MetricValue | undefined): string {
  if (!m) return '—';
  return m.low === undefined ? fmt(m.value) : `${fmt(m.value)} [${fmt(m.low)}, ${fmt(m.high)}]`;
}

function columnLine(c: ColumnReport): string {
  const d = c.drift;
  const mark = !d ? ' ' : d.drifted ? '✗' : '✓';
  const p = d?.adjustedPValue ?? d?.pValue;
  return [
    mark,
    pad(c.name, 24),
    pad(c.kind, 12),
    pad(d?.method ?? 'not tested', 17),
    pad(fmt(d?.statistic), 10),
    pad(fmt(p), 10),
    pad(fmt(d?.effectSize), 9),
    c.quality.current.missingShare > 0
      ? `missing ${fmt(c.quality.current.missingShare * 100)}%`
      : '',
  ].join(' ');
}

/**
 * The terminal summary of a report.
 *
 * @example
 * renderTerminal(report).split('\n')[0]; // 'Dataset drift: NO — 2 of 12 features drifted (17%; the rule: ≥ 50%)'
 */
export function renderTerminal(report: Report): string {
  const out: string[] = [];
  const { drift, quality } = report.dataset;
  out.push(
    `Dataset drift: ${drift.drifted ? 'YES' : 'NO'} — ${drift.driftedColumns.length} of ${drift.testedColumns} features drifted (${fmt(drift.share * 100)}%; ${drift.rule})`,
  );
  out.push(
    `reference ${report.reference.path}: ${quality.referenceRows} rows · current ${report.current.path}: ${quality.currentRows} rows (${quality.volumeChange >= 0 ? '+' : ''}${fmt(quality.volumeChange * 100)}%)`,
  );
  for (const line of [drift.prediction, drift.target]) {
    if (line) {
      out.push(
        `${line === drift.prediction ? 'Prediction' : 'Target'} drift (${line.column}): ${line.drifted ? 'YES' : 'no'} — ${line.method} ${fmt(line.statistic)}${line.pValue === undefined ? '' : `, p = ${fmt(line.pValue)}`}`,
      );
    }
  }
  const mv = drift.multivariate;
  if (mv?.domainClassifier) {
    out.push(
      `Multivariate: domain classifier ROC AUC ${fmt(mv.domainClassifier.rocAuc)} (drift at ≥ ${mv.domainClassifier.threshold})${mv.pcaReconstruction ? `; PCA reconstruction error ${mv.pcaReconstruction.relativeChange >= 0 ? '+' : ''}${fmt(mv.pcaReconstruction.relativeChange * 100)}%` : ''}`,
    );
  }
  const issues: string[] = [];
  if (quality.missingColumns.length)
    issues.push(`missing columns: ${quality.missingColumns.join(', ')}`);
  if (quality.addedColumns.length) issues.push(`new columns: ${quality.addedColumns.join(', ')}`);
  if (quality.duplicateRows.current)
    issues.push(`${quality.duplicateRows.current} duplicated rows`);
  if (issues.length) out.push(`Data quality: ${issues.join('; ')}`);
  out.push('');
  out.push(
    `  ${pad('column', 24)} ${pad('kind', 12)} ${pad('method', 17)} ${pad('statistic', 10)} ${pad(drift.correction === 'none' ? 'p-value' : 'adj. p', 10)} ${pad('effect', 9)}`,
  );
  const tested = [...report.columns].sort(
    (a, b) => Number(b.drift?.drifted ?? false) - Number(a.drift?.drifted ?? false),
  );
  for (const c of tested) out.push(columnLine(c));
  const perf = report.performance;
  if (perf) {
    out.push('', `Performance (${perf.task}): reference → current`);
    for (const name of Object.keys({ ...perf.reference, ...perf.current })) {
      out.push(
        `  ${pad(name, 24)} ${pad(metric(perf.reference[name]), 30)} → ${metric(perf.current[name])}`,
      );
    }
  }
  if (report.conditions) {
    const failed = report.conditions.results.filter((r) => !r.passed);
    out.push(
      '',
      `Conditions: ${report.conditions.results.length - failed.length} of ${report.conditions.results.length} hold`,
    );
    for (const r of report.conditions.results) {
      out.push(`  ${r.passed ? '✓' : '✗'} ${r.condition}${r.passed ? '' : ` — ${r.message}`}`);
    }
  }
  return `${out.join('\n')}\n`;
}
