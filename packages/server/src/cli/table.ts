/**
 * Plain-text tables for the command line: columns padded to their widest cell, a header
 * underlined, nothing else — readable in any terminal and easy to grep.
 */

/**
 * Render rows under a header.
 *
 * @example
 * renderTable(['name', 'task'], [['churn', 'binary_classification']]);
 * // 'name   task\n-----  ---------------------\nchurn  binary_classification\n'
 */
export function renderTable(
  header: string[],
  rows: (string | number | null | undefined)[][],
): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = header.map((h, k) => Math.max(h.length, ...cells.map((r) => (r[k] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, k) => (k === r.length - 1 ? c : c.padEnd(widths[k])))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  return `${out.join('\n')}\n`;
}
