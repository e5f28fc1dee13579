/**
 * How the text of one cell is read: which texts mean "missing", which are numbers and which
 * are ISO-8601 dates. The rules are stricter than JavaScript's `Number()` and `Date.parse()`,
 * which accept hexadecimal, `Infinity`, blank strings and local-time dates that would make a
 * column's kind depend on the machine or hide bad data.
 *
 * - Missing: the cell, after removing leading and trailing spaces and tabs, is one of
 *   {@link MISSING_MARKERS} (the empty text included, so a blank cell is missing too).
 * - Number: optional sign, decimal digits with an optional decimal point (`.` only; `1,5` and
 *   `1,000` are text), optional exponent (`-1.5e3`), surrounding spaces/tabs allowed, and the
 *   value must be finite. `inf`, `Infinity`, `0x1F`, `1e400` are not numbers.
 * - Datetime: `YYYY-MM-DD`, optionally followed by `T` or a space and `hh:mm`, `hh:mm:ss` or
 *   `hh:mm:ss.fff…` (digits past milliseconds are dropped), and an optional `Z` or `±hh:mm`
 *   offset. Without an offset the time is read as UTC, never as the machine's local time.
 */

/**
 * Texts that mean "no value" (compared after trimming spaces and tabs).
 *
 * @example
 * MISSING_MARKERS.includes('N/A'); // true
 */
export const MISSING_MARKERS: readonly string[] = [
  '',
  'NA',
  'N/A',
  'NaN',
  'nan',
  'null',
  'NULL',
  'None',
];

const missingSet = new Set(MISSING_MARKERS);

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The text without leading and trailing spaces and tabs (the same string when there are none). */
function trimBlanks(text: string): string {
  const n = text.length;
  if (n === 0 || (!isBlank(text.charCodeAt(0)) && !isBlank(text.charCodeAt(n - 1)))) return text;
  let start = 0;
  let end = n;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * Whether a cell's text means "missing".
 *
 * @example
 * isMissingText(' NA '); // true
 */
export function isMissingText(text: string): boolean {
  // Every marker is at most 4 characters, so long cells skip the set lookup.
  const n = text.length;
  if (n <= 4 && missingSet.has(text)) return true;
  if (!isBlank(text.charCodeAt(0)) && !isBlank(text.charCodeAt(n - 1))) return false;
  return missingSet.has(trimBlanks(text));
}

/** Powers of ten that a double holds exactly (10^0 … 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The finite number a cell's text spells, or NaN when it is not one by the rules above.
 *
 * @example
 * parseNumberText('-1.5e3'); // -1500
 */
export function parseNumberText(text: string): number {
  // Any character outside ASCII makes the text not a number, and stays outside ASCII in UTF-8.
  const bytes = Buffer.from(text, 'utf8');
  return parseNumberBytes(bytes, 0, bytes.length);
}

/**
 * {@link parseNumberText} of the UTF-8 bytes `bytes[start, end)`, without making a string: how
 * a CSV reader parses a million cells.
 *
 * The value is what `Number(text)` gives. When the digits fit in 15 and the decimal exponent
 * in ±22, it is computed directly (Clinger's fast path: an exact integer times or divided by
 * an exact power of ten, rounded once, is the correctly rounded value); otherwise `Number()`
 * does it.
 *
 * @example
 * parseNumberBytes(Buffer.from('x,-1.5e3'), 2, 8); // -1500
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && isBlank(bytes[i])) i++;
  while (end > i && isBlank(bytes[end - 1])) end--;
  const from = i;
  // Reads stay inside [i, end): -1 stands for "past the end".
  let c = i < end ? bytes[i] : -1;
  const negative = c === 45;
  if (c === 43 || c === 45) c = ++i < end ? bytes[i] : -1; // + or -
  let digits = 0;
  let mantissa = 0;
  let fractionDigits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    mantissa = mantissa * 10 + (c - 48);
    c = ++i < end ? bytes[i] : -1;
  }
  if (c === 46) {
    c = ++i < end ? bytes[i] : -1;
    while (c >= 48 && c <= 57) {
      digits++;
      fractionDigits++;
      mantissa = mantissa * 10 + (c - 48);
      c = ++i < end ? bytes[i] : -1;
    }
  }
  if (digits === 0) return Number.NaN;
  let exponent = 0;
  if (c === 101 || c === 69) {
    // e or E: the exponent needs at least one digit
    c = ++i < end ? bytes[i] : -1;
    const negativeExponent = c === 45;
    if (c === 43 || c === 45) c = ++i < end ? bytes[i] : -1;
    let expDigits = 0;
    while (c >= 48 && c <= 57) {
      expDigits++;
      if (exponent < 1e6) exponent = exponent * 10 + (c - 48);
      c = ++i < end ? bytes[i] : -1;
    }
    if (expDigits === 0) return Number.NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return Number.NaN;
  const scale = exponent - fractionDigits;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const magnitude =
      scale < 0 ? mantissa / EXACT_POWERS_OF_TEN[-scale] : mantissa * EXACT_POWERS_OF_TEN[scale];
    return negative ? -magnitude : magnitude;
  }
  // The grammar above is a subset of what Number() reads, so Number() gives the exact value.
  const ascii = Buffer.from(bytes.buffer, bytes.byteOffset + from, end - from).toString('latin1');
  const value = Number(ascii);
  return Number.isFinite(value) ? value : Number.NaN;
}

const ISO_DATETIME =
  /^[ \t]*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?[ \t]*$/;

/** 400 Gregorian years are exactly 146 097 days, so shifting by them keeps every calendar date. */
const FOUR_CENTURIES_MS = 146097 * 86400000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The epoch milliseconds (UTC) an ISO-8601 date or datetime spells, or NaN when the text is
 * not one by the rules above (including impossible dates such as `2023-02-29`).
 *
 * @example
 * parseDatetimeText('2024-03-01T12:30:00+01:00'); // 1709292600000
 */
export function parseDatetimeText(text: string): number {
  // Cheap rejection first: every accepted text has a '-' at index 4 once blanks are trimmed.
  if (text.length < 10) return Number.NaN;
  const m = ISO_DATETIME.exec(text);
  if (m === null) return Number.NaN;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const millis = m[7] === undefined ? 0 : +m[7].slice(0, 3).padEnd(3, '0');
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = +digits.slice(1, 3);
    const om = +digits.slice(3, 5);
    if (oh > 23 || om > 59) return Number.NaN;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Date.UTC reads years 0–99 as 1900–1999; shift such years by four centuries and back.
  const shift = year < 100 ? FOUR_CENTURIES_MS : 0;
  const utc = Date.UTC(year + (shift ? 400 : 0), month - 1, day, hour, minute, second, millis);
  return utc - shift - offsetMinutes * 60000;
}
