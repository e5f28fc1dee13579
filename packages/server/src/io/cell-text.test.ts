import { createRng } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { isMissingText, MISSING_MARKERS, parseDatetimeText, parseNumberText } from './cell-text.js';

describe('isMissingText', () => {
  it('knows every documented marker, trimmed of spaces and tabs', () => {
    expect(MISSING_MARKERS).toEqual(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None']);
    for (const m of MISSING_MARKERS) {
      expect(isMissingText(m)).toBe(true);
      expect(isMissingText(` \t${m}  `)).toBe(true);
    }
    expect(isMissingText('   ')).toBe(true);
  });

  it('does not treat look-alikes as missing', () => {
    for (const t of ['na', 'none', 'Null', 'NONE', '-', '0', 'NA NA', 'n/a', 'nil']) {
      expect(isMissingText(t), t).toBe(false);
    }
  });
});

describe('parseNumberText', () => {
  it('reads decimal and scientific notation', () => {
    expect(parseNumberText('42')).toBe(42);
    expect(parseNumberText('-1.5e3')).toBe(-1500);
    expect(parseNumberText('+2.5E-2')).toBe(0.025);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('5.')).toBe(5);
    expect(parseNumberText('007')).toBe(7);
    expect(parseNumberText('  3.25\t')).toBe(3.25);
    expect(parseNumberText('0.1')).toBe(0.1);
    expect(Object.is(parseNumberText('-0'), -0)).toBe(true);
  });

  it('gives exactly what Number() gives, fast path or not, on 10 000 random numerals', () => {
    const rng = createRng(3);
    const digits = (k: number) =>
      Array.from({ length: k }, () => Math.floor(rng.next() * 10)).join('');
    const mismatches: string[] = [];
    for (let t = 0; t < 10_000; t++) {
      const sign = rng.next() < 0.3 ? '-' : rng.next() < 0.1 ? '+' : '';
      const int = digits(Math.floor(rng.next() * 12));
      const frac = rng.next() < 0.7 ? `.${digits(Math.floor(rng.next() * 12))}` : '';
      const exp =
        rng.next() < 0.3 ? `e${rng.next() < 0.5 ? '-' : ''}${Math.floor(rng.next() * 40)}` : '';
      const text = `${sign}${int}${frac}${exp}`;
      const expected = Number(text);
      if (!/[0-9]/.test(int + frac) || !Number.isFinite(expected)) continue;
      if (!Object.is(parseNumberText(text), expected)) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
    expect(parseNumberText('123456789012345678')).toBe(Number('123456789012345678'));
    expect(parseNumberText('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
    expect(parseNumberText('5e-324')).toBe(5e-324);
    expect(parseNumberText('1e-400')).toBe(0);
  });

  it('refuses what Number() would wrongly accept, and non-finite values', () => {
    for (const t of [
      '',
      ' ',
      '0x1F',
      '0b101',
      '0o7',
      'Infinity',
      '-Infinity',
      'inf',
      '-inf',
      'nan',
      '1e400',
      '1,5',
      '1,000',
      '1.2.3',
      '1e',
      '1e+',
      'e5',
      '.',
      '-',
      '+',
      '--1',
      '1 2',
      '12abc',
      '١٢',
    ]) {
      expect(parseNumberText(t), JSON.stringify(t)).toBeNaN();
    }
  });
});

describe('parseDatetimeText', () => {
  it('reads dates and datetimes as UTC epoch milliseconds', () => {
    expect(parseDatetimeText('1970-01-01')).toBe(0);
    expect(parseDatetimeText('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseDatetimeText('2024-03-01T12:30')).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(parseDatetimeText('2024-03-01 12:30:15')).toBe(Date.UTC(2024, 2, 1, 12, 30, 15));
    expect(parseDatetimeText('2024-03-01T12:30:15.1234567Z')).toBe(
      Date.UTC(2024, 2, 1, 12, 30, 15, 123),
    );
    expect(parseDatetimeText('2024-03-01T12:30:00+01:00')).toBe(1709292600000);
    expect(parseDatetimeText('2024-03-01T12:30:00-0530')).toBe(Date.UTC(2024, 2, 1, 18, 0));
    expect(parseDatetimeText('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDatetimeText('0001-01-01')).toBe(-62135596800000);
  });

  it('refuses impossible dates and other formats', () => {
    for (const t of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-01-01T24:00',
      '2024-01-01T12:60',
      '2024-1-1',
      '01/02/2024',
      '2024/01/02',
      '20240102',
      '2024-01-02T',
      '2024-01-02T10',
      'yesterday',
      '2024-01-02 10:00 UTC',
      '2024-01-02T10:00:00+25:00',
    ]) {
      expect(parseDatetimeText(t), t).toBeNaN();
    }
  });
});
