/**
 * Number formatting for the page: short, readable, and honest about what is missing. Every
 * function returns "—" for a value that is absent or NaN, so "NaN" and "undefined" never
 * reach the reader. Digits use ASCII so figures copy cleanly into a spreadsheet.
 */

/**
 * What the page shows for an absent or NaN value.
 *
 * @example
 * formatNumber(Number.NaN) === MISSING; // true
 */
export const MISSING = '—';

function absent(x: number | undefined | null): x is undefined | null {
  return x === undefined || x === null || Number.isNaN(x);
}

function infinity(x: number): string {
  return x > 0 ? '∞' : '-∞';
}

/** Drop trailing zeros of a fixed or exponential rendering ("1.500" → "1.5", "2.00e-5" → "2e-5"). */
function trimZeros(s: string): string {
  const [mantissa, exponent] = s.split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? m : `${m}e${exponent.replace(/^\+/, '')}`;
}

/**
 * A measurement with 4 significant digits; scientific notation below 0.001 or from 1e6 up,
 * where fixed notation would hide the digits that matter.
 *
 * @example
 * formatNumber(0.123456); // '0.1235'
 */
export function formatNumber(x: number | undefined | null, digits = 4): string {
  if (absent(x)) return MISSING;
  if (!Number.isFinite(x)) return infinity(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e6) return trimZeros(x.toExponential(digits - 1));
  // toPrecision writes 123456 as "1.235e+5"; a round-trip through Number gives "123500".
  return trimZeros(String(Number(x.toPrecision(digits))));
}

/**
 * A count with thousands separators.
 *
 * @example
 * formatCount(1234567); // '1,234,567'
 */
export function formatCount(x: number | undefined | null): string {
  if (absent(x)) return MISSING;
  if (!Number.isFinite(x)) return infinity(x);
  if (!Number.isInteger(x)) return formatNumber(x);
  const sign = x < 0 ? '-' : '';
  return sign + String(Math.abs(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A p-value: 3 significant digits, scientific below 0.001 so 1e-12 and 1e-300 stay distinct.
 *
 * @example
 * formatPValue(0.0000123); // '1.23e-5'
 */
export function formatPValue(p: number | undefined | null): string {
  if (absent(p)) return MISSING;
  if (p === 0) return '0';
  if (p < 1e-3) return trimZeros(p.toExponential(2));
  return trimZeros(p.toPrecision(3));
}

/**
 * A share in [0, 1] as a percentage with one decimal; a tiny non-zero share says so rather
 * than rounding to "0.0 %".
 *
 * @example
 * formatPercent(0.375); // '37.5 %'
 */
export function formatPercent(share: number | undefined | null): string {
  if (absent(share)) return MISSING;
  if (!Number.isFinite(share)) return infinity(share);
  if (share !== 0 && Math.abs(share) < 0.0005) return share > 0 ? '< 0.1 %' : '> -0.1 %';
  return `${(share * 100).toFixed(1)} %`;
}

/**
 * A relative change as a signed percentage.
 *
 * @example
 * formatSignedPercent(0.12); // '+12.0 %'
 */
export function formatSignedPercent(change: number | undefined | null): string {
  if (absent(change)) return MISSING;
  const s = formatPercent(change);
  return change > 0 ? `+${s}` : s;
}
