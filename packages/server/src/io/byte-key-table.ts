/**
 * A small hash table from byte strings to integers, looked up with a byte range so that a CSV
 * reader finds a category's code without first making a string of the cell: a million cells
 * of a categorical column cost a million hash probes rather than a million strings.
 *
 * It holds at most {@link ByteKeyTable.MAX_ENTRIES} keys of at most
 * {@link ByteKeyTable.MAX_KEY_BYTES} bytes; `set` refuses more, and the caller then falls back
 * to decoding the text (a column with that many distinct values is an id or free text, where
 * each string is needed anyway). Open addressing with linear probing. A key of at most 8 bytes
 * — most categories: `red`, `mobile`, `plan_12` — is packed into two 32-bit integers, hashed
 * and compared as those, twice as fast as hashing and comparing it byte by byte (FNV-1a),
 * which longer keys get.
 */

/** FNV-1a over bytes[start, end). */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/**
 * Byte strings → integer values.
 *
 * @example
 * const t = new ByteKeyTable(); t.set(Buffer.from('red'), 0, 3, 7); t.get(Buffer.from('a,red'), 2, 5); // 7
 */
export class ByteKeyTable {
  /** What `get` answers for a key not in the table. */
  static readonly NOT_FOUND = -0x80000000;
  static readonly MAX_ENTRIES = 4096;
  static readonly MAX_KEY_BYTES = 64;

  /** Entry index + 1 per slot; 0 is an empty slot. Twice MAX_ENTRIES keeps probes short. */
  private readonly slots = new Int32Array(ByteKeyTable.MAX_ENTRIES * 2);
  private readonly pool = new Uint8Array(ByteKeyTable.MAX_ENTRIES * ByteKeyTable.MAX_KEY_BYTES);
  private readonly offsets = new Int32Array(ByteKeyTable.MAX_ENTRIES);
  private readonly lengths = new Int32Array(ByteKeyTable.MAX_ENTRIES);
  private readonly values = new Int32Array(ByteKeyTable.MAX_ENTRIES);
  private entries = 0;
  private poolUsed = 0;
  /** Keys of at most 8 bytes, packed: bytes 0–3 in `shortLo`, 4–7 in `shortHi`; length −1 is empty. */
  private readonly shortLo = new Int32Array(ByteKeyTable.MAX_ENTRIES * 2);
  private readonly shortHi = new Int32Array(ByteKeyTable.MAX_ENTRIES * 2);
  private readonly shortLength = new Int32Array(ByteKeyTable.MAX_ENTRIES * 2).fill(-1);
  private readonly shortValue = new Int32Array(ByteKeyTable.MAX_ENTRIES * 2);
  /** The packed halves of the last short key looked at (set by `pack`). */
  private lo = 0;
  private hi = 0;

  /** Pack bytes[start, end) (at most 8) into `lo` and `hi`; the slot to start probing at. */
  private pack(bytes: Uint8Array, start: number, end: number): number {
    let lo = 0;
    let hi = 0;
    for (let i = start; i < end; i++) {
      const shift = (i - start) * 8;
      if (shift < 32) lo |= bytes[i] << shift;
      else hi |= bytes[i] << (shift - 32);
    }
    this.lo = lo;
    this.hi = hi;
    const h = Math.imul(lo ^ Math.imul(hi ^ (end - start), 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 15)) & (this.shortLength.length - 1);
  }

  /** The value stored for bytes[start, end), or NOT_FOUND. */
  get(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length <= 8) {
      const mask = this.shortLength.length - 1;
      for (let s = this.pack(bytes, start, end); ; s = (s + 1) & mask) {
        const l = this.shortLength[s];
        if (l === -1) return ByteKeyTable.NOT_FOUND;
        if (l === length && this.shortLo[s] === this.lo && this.shortHi[s] === this.hi) {
          return this.shortValue[s];
        }
      }
    }
    if (length > ByteKeyTable.MAX_KEY_BYTES) return ByteKeyTable.NOT_FOUND;
    const mask = this.slots.length - 1;
    const pool = this.pool;
    for (let s = hashOf(bytes, start, end) & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s] - 1;
      if (entry < 0) return ByteKeyTable.NOT_FOUND;
      if (this.lengths[entry] !== length) continue;
      const offset = this.offsets[entry];
      let k = 0;
      while (k < length && pool[offset + k] === bytes[start + k]) k++;
      if (k === length) return this.values[entry];
    }
  }

  /** Store a value for a key not yet in the table; false when the table is full or the key too long. */
  set(bytes: Uint8Array, start: number, end: number, value: number): boolean {
    const length = end - start;
    if (length > ByteKeyTable.MAX_KEY_BYTES || this.entries === ByteKeyTable.MAX_ENTRIES) {
      return false;
    }
    if (length <= 8) {
      const mask = this.shortLength.length - 1;
      let s = this.pack(bytes, start, end);
      while (this.shortLength[s] !== -1) s = (s + 1) & mask;
      this.shortLo[s] = this.lo;
      this.shortHi[s] = this.hi;
      this.shortLength[s] = length;
      this.shortValue[s] = value;
      this.entries++;
      return true;
    }
    const mask = this.slots.length - 1;
    let s = hashOf(bytes, start, end) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    const entry = this.entries++;
    this.slots[s] = entry + 1;
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.offsets[entry] = this.poolUsed;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.poolUsed += length;
    return true;
  }
}
