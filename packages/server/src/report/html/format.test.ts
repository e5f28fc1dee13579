import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSignedPercent,
  MISSING,
} from './format.js';

describe('formatNumber', () => {
  it('keeps 4 significant digits without trailing zeros', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-3.14259)).toBe('-3.143');
    expect(formatNumber(123456)).toBe('123500');
  });

  it('switches to scientific notation for tiny and huge magnitudes', () => {
    expect(formatNumber(0.000012346)).toBe('1.235e-5');
    expect(formatNumber(2e-7)).toBe('2e-7');
    expect(formatNumber(12345678)).toBe('1.235e7');
  });

  it('shows NaN and absence as a dash and infinities as symbols', () => {
    expect(formatNumber(Number.NaN)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(-1000)).toBe('-1,000');
    expect(formatCount(Number.NaN)).toBe(MISSING);
  });
});

describe('formatPValue', () => {
  it('uses scientific notation below 0.001', () => {
    expect(formatPValue(0.0000123)).toBe('1.23e-5');
    expect(formatPValue(1e-300)).toBe('1e-300');
    expect(formatPValue(0.0312)).toBe('0.0312');
    expect(formatPValue(0.5)).toBe('0.5');
    expect(formatPValue(0)).toBe('0');
    expect(formatPValue(undefined)).toBe(MISSING);
  });
});

describe('formatPercent and formatSignedPercent', () => {
  it('shows one decimal and never rounds a non-zero share to zero', () => {
    expect(formatPercent(0.375)).toBe('37.5 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(0.00001)).toBe('< 0.1 %');
    expect(formatSignedPercent(0.12)).toBe('+12.0 %');
    expect(formatSignedPercent(-0.05)).toBe('-5.0 %');
    expect(formatSignedPercent(Number.NaN)).toBe(MISSING);
  });
});
