/**
 * MurmurHash3_x86_128 (Austin Appleby, SMHasher, public domain), in 32-bit integer arithmetic
 * so it runs at full speed without BigInt. The sketches keep its first 64 bits (h1, h2), so a
 * HyperLogLog does not saturate at 10⁷ or 10⁹ distinct values as a 32-bit hash would.
 */

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function word(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
}

/**
 * MurmurHash3_x86_128 of the first `length` bytes of `key` with a 32-bit seed, as four unsigned
 * 32-bit words [h1, h2, h3, h4] (the C function's output array; as one little-endian 128-bit
 * integer, h1 is the low word). `out` may be passed to avoid an allocation.
 *
 * @example
 * murmurHash3X86128(new TextEncoder().encode('Hello, world!'), 13, 123)[0]; // 0x61c9129e
 */
export function murmurHash3X86128(
  key: Uint8Array,
  length = key.length,
  seed = 0,
  out: Uint32Array = new Uint32Array(4),
): Uint32Array {
  let h1 = seed | 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  const blocks = length >>> 4;
  for (let b = 0; b < blocks; b++) {
    const i = b << 4;
    let k1 = word(key, i);
    let k2 = word(key, i + 4);
    let k3 = word(key, i + 8);
    let k4 = word(key, i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // Tail: the C switch's fall-through, lane by lane.
  const t = blocks << 4;
  const rem = length & 15;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  for (let j = rem - 1; j >= 0; j--) {
    const v = key[t + j] << ((j & 3) * 8);
    if (j >= 12) k4 ^= v;
    else if (j >= 8) k3 ^= v;
    else if (j >= 4) k2 ^= v;
    else k1 ^= v;
  }
  if (rem > 12) h4 ^= Math.imul(rotl(Math.imul(k4, C4), 18), C1);
  if (rem > 8) h3 ^= Math.imul(rotl(Math.imul(k3, C3), 17), C4);
  if (rem > 4) h2 ^= Math.imul(rotl(Math.imul(k2, C2), 16), C3);
  if (rem > 0) h1 ^= Math.imul(rotl(Math.imul(k1, C1), 15), C2);
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  out[0] = h1;
  out[1] = h2;
  out[2] = h3;
  out[3] = h4;
  return out;
}
