import { describe, expect, it } from 'vitest';
import { ByteKeyTable } from './byte-key-table.js';

describe('ByteKeyTable', () => {
  it('finds keys by their bytes anywhere in a buffer, and answers NOT_FOUND for others', () => {
    const t = new ByteKeyTable();
    const keys = Array.from({ length: 1000 }, (_, k) => `key-${k}-é`);
    keys.forEach((key, k) => {
      const b = Buffer.from(key);
      expect(t.set(b, 0, b.length, k)).toBe(true);
    });
    const hay = Buffer.from(`xx,${keys[123]},yy`);
    const start = 3;
    expect(t.get(hay, start, start + Buffer.byteLength(keys[123]))).toBe(123);
    expect(t.get(hay, start, start + 5)).toBe(ByteKeyTable.NOT_FOUND);
    expect(t.get(Buffer.from(''), 0, 0)).toBe(ByteKeyTable.NOT_FOUND);
    const empty = Buffer.from('');
    expect(t.set(empty, 0, 0, -1)).toBe(true);
    expect(t.get(hay, 2, 2)).toBe(-1);
  });

  it('tells short keys apart by every byte and by length, zero bytes included', () => {
    const t = new ByteKeyTable();
    const keys = [
      'plan_1',
      'plan_2',
      'a',
      'a\u0000',
      '\u0000',
      '',
      'abcdefgh',
      'abcdefgi',
      'abcdefghi',
    ];
    keys.forEach((key, k) => {
      const b = Buffer.from(key);
      expect(t.set(b, 0, b.length, k)).toBe(true);
    });
    keys.forEach((key, k) => {
      const b = Buffer.from(`,${key},`);
      expect(t.get(b, 1, b.length - 1), JSON.stringify(key)).toBe(k);
    });
    const other = Buffer.from('plan_3');
    expect(t.get(other, 0, other.length)).toBe(ByteKeyTable.NOT_FOUND);
  });

  it('refuses keys that are too long or beyond its capacity', () => {
    const t = new ByteKeyTable();
    const long = Buffer.alloc(ByteKeyTable.MAX_KEY_BYTES + 1, 97);
    expect(t.set(long, 0, long.length, 1)).toBe(false);
    expect(t.get(long, 0, long.length)).toBe(ByteKeyTable.NOT_FOUND);
    for (let k = 0; k < ByteKeyTable.MAX_ENTRIES; k++) {
      const b = Buffer.from(String(k));
      expect(t.set(b, 0, b.length, k)).toBe(true);
    }
    const extra = Buffer.from('one more');
    expect(t.set(extra, 0, extra.length, 1)).toBe(false);
    const b = Buffer.from('4095');
    expect(t.get(b, 0, b.length)).toBe(4095);
  });
});
