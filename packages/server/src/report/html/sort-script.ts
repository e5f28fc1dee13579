/**
 * The page's only script: click (or press Enter/Space on) a column header's button to sort a
 * table by that column, again to reverse. It touches no network and no user data, and the
 * page is complete without it: the rows are already in report order. Cells sort by their
 * `data-sort` number when they have one, else by their text; missing values sort last in both
 * directions so they never crowd out real ones. Before printing it opens every `<details>`
 * so the printout holds every column.
 */

/**
 * The inline script (ES5, so any browser runs it).
 *
 * @example
 * `<script>${SORT_SCRIPT}</script>`; // at the end of the page body
 */
export const SORT_SCRIPT = `(function () {
  'use strict';
  document.documentElement.className = 'js';
  function key(cell) {
    var raw = cell.getAttribute('data-sort');
    if (raw !== null) return raw === '' ? null : Number(raw);
    var text = cell.textContent.trim();
    return text === '' || text === '\\u2014' ? null : text;
  }
  function compare(a, b) {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b), undefined, { numeric: true });
  }
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var headers = table.querySelectorAll('thead th');
    Array.prototype.forEach.call(table.querySelectorAll('thead th button'), function (button) {
      button.addEventListener('click', function () {
        var th = button.parentNode;
        var col = Number(button.getAttribute('data-col'));
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.map.call(body.rows, function (row, i) {
          return { row: row, key: key(row.cells[col]), i: i };
        });
        rows.sort(function (a, b) {
          if (a.key === null || b.key === null) {
            return a.key === b.key ? a.i - b.i : a.key === null ? 1 : -1;
          }
          return dir * compare(a.key, b.key) || a.i - b.i;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();`;
