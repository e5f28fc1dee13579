/**
 * The binary layout shared by every sketch: byte 0 is the kind tag, byte 1 the format version,
 * then the sketch's fields, little-endian (IEEE doubles, unsigned 32-bit integers, UTF-8
 * strings prefixed by their byte length). One reader and one writer, so every `fromBytes`
 * refuses a wrong tag, a wrong version or a truncated buffer with the same clear message.
 */
import { TendInputError } from '../errors.js';

/**
 * Kind tags of the sketches' binary forms (byte 0), ASCII initials: K, H, F, M, C.
 *
 * @example
 * new KllSketch().toBytes()[0] === SketchTag.kll; // true
 */
export const SketchTag = {
  kll: 0x4b,
  hyperLogLog: 0x48,
  frequentItems: 0x46,
  moments: 0x4d,
  columnCounts: 0x43,
} as const;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Appends little-endian fields to a growing buffer. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(tag: number, version: number, capacity = 64) {
    this.buf = new Uint8Array(Math.max(capacity, 16));
    this.view = new DataView(this.buf.buffer);
    this.u8(tag);
    this.u8(version);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.pos, v);
    this.pos += 1;
  }

  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  f64s(values: ArrayLike<number>): void {
    this.ensure(8 * values.length);
    for (let i = 0; i < values.length; i++) {
      this.view.setFloat64(this.pos, values[i], true);
      this.pos += 8;
    }
  }

  bytes(values: Uint8Array): void {
    this.ensure(values.length);
    this.buf.set(values, this.pos);
    this.pos += values.length;
  }

  string(s: string): void {
    const b = utf8Encoder.encode(s);
    this.u32(b.length);
    this.bytes(b);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Reads the fields a {@link ByteWriter} wrote, throwing `TendInputError` on truncation. */
export class ByteReader {
  private readonly view: DataView;
  private pos = 2;

  /** Checks the type, the tag and the version of `bytes`; `fn` is e.g. 'KllSketch.fromBytes'. */
  constructor(
    private readonly fn: string,
    private readonly bytes: Uint8Array,
    tag: number,
    version: number,
  ) {
    if (!(bytes instanceof Uint8Array)) {
      throw new TendInputError(fn, 'bytes', 'invalid_type', 'must be a Uint8Array');
    }
    if (bytes.length < 2) {
      throw new TendInputError(fn, 'bytes', 'invalid_state', 'is truncated: no header');
    }
    if (bytes[0] !== tag) {
      throw new TendInputError(
        fn,
        'bytes',
        'invalid_state',
        `has kind tag 0x${bytes[0].toString(16)}, expected 0x${tag.toString(16)}: not this sketch`,
      );
    }
    if (bytes[1] !== version) {
      throw new TendInputError(
        fn,
        'bytes',
        'invalid_state',
        `has format version ${bytes[1]}, this reader understands version ${version}`,
      );
    }
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) {
      throw new TendInputError(
        this.fn,
        'bytes',
        'invalid_state',
        `is truncated: needs ${this.pos + n} bytes, has ${this.bytes.length}`,
      );
    }
  }

  /** Throw a TendInputError about corrupt content. */
  corrupt(detail: string): never {
    throw new TendInputError(this.fn, 'bytes', 'invalid_state', `is corrupt: ${detail}`);
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.pos++);
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  f64s(count: number): Float64Array {
    this.need(8 * count);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      out[i] = this.view.getFloat64(this.pos, true);
      this.pos += 8;
    }
    return out;
  }

  bytesOf(count: number): Uint8Array {
    this.need(count);
    const out = this.bytes.slice(this.pos, this.pos + count);
    this.pos += count;
    return out;
  }

  string(): string {
    const len = this.u32();
    const b = this.bytesOf(len);
    try {
      return utf8Decoder.decode(b);
    } catch {
      return this.corrupt('a string is not valid UTF-8');
    }
  }

  /** Throw unless every byte was read: trailing bytes mean a different layout. */
  end(): void {
    if (this.pos !== this.bytes.length) {
      this.corrupt(`${this.bytes.length - this.pos} unexpected trailing bytes`);
    }
  }
}
