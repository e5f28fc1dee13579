/**
 * The summary at the top of the page: what was compared, whether the dataset drifted and by
 * which rule, the prediction and target drift lines, multivariate drift, data-quality
 * highlights and the test-suite conditions. A reader who stops here knows the verdict.
 */
import type { ColumnDrift, ColumnReport, Report } from '../report-types.js';
import { driftBadge, passBadge } from './badge.js';
import { correctionName } from './drift-table.js';
import { escapeHtml as e } from './escape.js';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSignedPercent,
} from './format.js';

function datasets(r: Report): string {
  const row = (label: string, d: Report['reference']) =>
    `<tr><th scope="row">${label}</th><td class="mono">${e(d.path)}</td><td>${e(d.format)}</td>` +
    `<td class="num">${formatCount(d.rows)}</td><td class="num">${formatCount(d.columns)}</td></tr>`;
  return (
    '<div class="scroll"><table><caption>Datasets</caption><thead><tr><th scope="col">Dataset</th>' +
    '<th scope="col">File</th><th scope="col">Format</th><th scope="col" class="num">Rows</th>' +
    '<th scope="col" class="num">Columns</th></tr></thead><tbody>' +
    row('reference', r.reference) +
    row('current', r.current) +
    '</tbody></table></div>'
  );
}

/**
 * One drift line in words: test, statistic, p-value and effect size when present.
 *
 * @example
 * driftLine({ method: 'ks', statistic: 0.1, pValue: 0.002, threshold: 0.05, drifted: true, reason: '' }); // 'ks statistic 0.1, p 0.002 …'
 */
export function driftLine(d: ColumnDrift): string {
  const parts = [`${e(d.method)} statistic ${formatNumber(d.statistic)}`];
  if (d.pValue !== undefined) parts.push(`p ${formatPValue(d.pValue)}`);
  if (d.adjustedPValue !== undefined) parts.push(`adjusted p ${formatPValue(d.adjustedPValue)}`);
  if (d.effectSize !== undefined) parts.push(`effect size ${formatNumber(d.effectSize)}`);
  parts.push(`threshold ${formatNumber(d.threshold)}`);
  if (d.minEffectSize !== undefined) parts.push(`min effect ${formatNumber(d.minEffectSize)}`);
  return parts.join(', ');
}

function verdictCard(r: Report): string {
  const d = r.dataset.drift;
  const lines = [
    `<p class="verdict">${d.drifted ? '▲ Dataset drift detected' : '✓ No dataset drift'}</p>`,
    `<p><strong>${formatCount(d.driftedColumns.length)}</strong> of ${formatCount(d.testedColumns)} ` +
      `feature columns drifted (${formatPercent(d.share)}); ` +
      `the dataset drifts at ${formatPercent(d.shareThreshold)} or more.</p>`,
    `<p class="note">Rule: ${e(d.rule)}. Correction across columns: ${e(correctionName(d.correction))}.</p>`,
  ];
  if (d.driftedColumns.length > 0) {
    lines.push(`<p>Drifted: ${d.driftedColumns.map((c) => `<code>${e(c)}</code>`).join(', ')}</p>`);
  }
  return `<div class="card"><h3>Dataset drift ${driftBadge(d.drifted)}</h3>${lines.join('')}</div>`;
}

function modelCard(r: Report): string {
  const d = r.dataset.drift;
  const items: string[] = [];
  for (const [label, line] of [
    ['Prediction', d.prediction],
    ['Target', d.target],
  ] as const) {
    if (line) {
      items.push(
        `<li><strong>${label}</strong> <code>${e(line.column)}</code> ${driftBadge(line.drifted)}<br>` +
          `<span class="note">${driftLine(line)}</span></li>`,
      );
    }
  }
  const dc = d.multivariate?.domainClassifier;
  if (dc) {
    items.push(
      `<li><strong>Domain classifier</strong> ${driftBadge(dc.drifted)}<br><span class="note">` +
        `ROC AUC ${formatNumber(dc.rocAuc)} telling reference from current rows ` +
        `(${formatCount(dc.folds)}-fold, seed ${formatCount(dc.seed)}); drift above ${formatNumber(dc.threshold)}</span></li>`,
    );
  }
  const pca = d.multivariate?.pcaReconstruction;
  if (pca) {
    items.push(
      `<li><strong>PCA reconstruction</strong> ${driftBadge(pca.drifted)}<br><span class="note">` +
        `error ${formatNumber(pca.referenceError)} → ${formatNumber(pca.currentError)} ` +
        `(${formatSignedPercent(pca.relativeChange)}, ${formatCount(pca.components)} components); ` +
        `drift above ${formatSignedPercent(pca.threshold)}</span></li>`,
    );
  }
  if (items.length === 0) return '';
  return `<div class="card"><h3>Model and joint drift</h3><ul class="issues">${items.join('')}</ul></div>`;
}

function columnIssues(columns: ColumnReport[]): string[] {
  const issues: string[] = [];
  for (const c of columns) {
    const cur = c.quality.current;
    const name = `<code>${e(c.name)}</code>`;
    if (cur.invalidCount > 0)
      issues.push(`${name}: ${formatCount(cur.invalidCount)} invalid cells`);
    if ((cur.outOfRangeCount ?? 0) > 0) {
      issues.push(
        `${name}: ${formatCount(cur.outOfRangeCount)} values outside the reference's range`,
      );
    }
    if ((cur.newCategoryCount ?? 0) > 0) {
      const shown = (cur.newCategories ?? []).slice(0, 5).map((v) => `<code>${e(v)}</code>`);
      issues.push(
        `${name}: ${formatCount(cur.newCategoryCount)} rows in new categories` +
          (shown.length ? ` (${shown.join(', ')})` : ''),
      );
    }
    if (cur.nearConstant && !c.quality.reference.nearConstant) {
      issues.push(`${name}: near-constant now (${formatPercent(cur.mostFrequentShare)} one value)`);
    }
    const delta = cur.missingShare - c.quality.reference.missingShare;
    if (delta >= 0.01) {
      issues.push(
        `${name}: missing ${formatPercent(c.quality.reference.missingShare)} → ${formatPercent(cur.missingShare)}`,
      );
    }
  }
  return issues;
}

function qualityCard(r: Report): string {
  const q = r.dataset.quality;
  const list = (names: string[]) =>
    names.length ? names.map((n) => `<code>${e(n)}</code>`).join(', ') : 'none';
  const items = [
    `Rows ${formatCount(q.referenceRows)} → ${formatCount(q.currentRows)} (${formatSignedPercent(q.volumeChange)})`,
    `Duplicate rows: ${formatCount(q.duplicateRows.reference)} → ${formatCount(q.duplicateRows.current)}`,
    `Missing cells: ${formatPercent(q.missingShare.reference)} → ${formatPercent(q.missingShare.current)}`,
    `Columns missing from current: ${list(q.missingColumns)}`,
    `Columns added in current: ${list(q.addedColumns)}`,
    ...columnIssues(r.columns),
  ];
  return (
    '<div class="card"><h3>Data quality</h3><ul class="issues">' +
    items.map((i) => `<li>${i}</li>`).join('') +
    '</ul></div>'
  );
}

function conditions(r: Report): string {
  if (!r.conditions) return '';
  const results = r.conditions.results;
  const failed = results.filter((c) => !c.passed).length;
  const rows = results
    .map(
      (c) =>
        `<tr><th scope="row"><code>${e(c.condition)}</code></th>` +
        `<td class="num">${formatNumber(c.actual)}</td><td>${passBadge(c.passed)}</td>` +
        `<td>${c.message ? e(c.message) : ''}</td></tr>`,
    )
    .join('');
  return (
    `<h3 id="conditions">Conditions ${passBadge(r.conditions.passed)}</h3>` +
    `<p>${formatCount(results.length - failed)} passed, ${formatCount(failed)} failed.</p>` +
    '<div class="scroll"><table><thead><tr><th scope="col">Condition</th>' +
    '<th scope="col" class="num">Value</th><th scope="col">Result</th><th scope="col">Why</th>' +
    `</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/**
 * The summary section: datasets, verdict cards and conditions.
 *
 * @example
 * renderSummary(report); // '<section id="summary">…'
 */
export function renderSummary(r: Report): string {
  return (
    '<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>' +
    datasets(r) +
    `<div class="cards">${verdictCard(r)}${modelCard(r)}${qualityCard(r)}</div>` +
    conditions(r) +
    '</section>'
  );
}
