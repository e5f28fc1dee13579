import { describe, expect, it } from 'vitest';
import { murmurHash3X86128 } from './murmur-hash3.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Words as 8-digit hex, the way published MurmurHash3_x86_128 vectors print them. */
const hex = (key: Uint8Array, seed: number) =>
  Array.from(murmurHash3X86128(key, key.length, seed), (w) => w.toString(16).padStart(8, '0')).join(
    '',
  );

describe('murmurHash3X86128', () => {
  it('reproduces published test vectors (PeterScott/murmur3 test.c; Ian Boyd; karanlyons)', () => {
    // PeterScott/murmur3 test.c, as quoted in mmh3's test suite (little-endian 128-bit integers).
    expect(Array.from(murmurHash3X86128(utf8('Hello, world!'), 13, 123))).toEqual([
      0x61c9129e, 0x5a1aacd7, 0xa4162162, 0x9e37c886,
    ]);
    expect(Array.from(murmurHash3X86128(new Uint8Array(0), 0, 123))).toEqual([
      0xfedc5245, 0x26f3e799, 0x26f3e799, 0x26f3e799,
    ]);
    expect(hex(utf8(''), 0)).toBe('00000000000000000000000000000000');
    expect(hex(utf8(''), 1)).toBe('88c4adec54d201b954d201b954d201b9');
    expect(hex(utf8('aaa'), 0x9747b28c)).toBe('838389be9aad7f889aad7f889aad7f88');
    expect(hex(utf8('The quick brown fox jumps over the lazy dog'), 0x9747b28c)).toBe(
      '8ad4d55e4cb861718ea73a9ccdb6793e',
    );
    expect(hex(utf8('a'.repeat(256)), 0x9747b28c)).toBe('d3f2b7bbf666c0ccd4a400605ec8d32a');
    expect(hex(utf8('ππππππππ'), 0x9747b28c)).toBe('af2ad3253a74df8838cc7534f197cc0d');
    expect(
      hex(
        Uint8Array.from({ length: 64 }, (_, i) => i),
        0,
      ),
    ).toBe('cc32c3983052e6520858cfaa82d82209');
    expect(
      hex(
        Uint8Array.from({ length: 31 }, (_, i) => i),
        0,
      ),
    ).toBe('24ab92eeac1d89ca45f5bc189ad5dda3');
  });

  it('hashes only the first `length` bytes and fills a given output', () => {
    const out = new Uint32Array(4);
    const key = utf8('Hello, world!!!!');
    expect(murmurHash3X86128(key, 13, 123, out)).toBe(out);
    expect(out[0]).toBe(0x61c9129e);
  });
});
