/**
 * The two Encoding Standard classes @tend/core uses (UTF-8 for sketch bytes and hashing).
 * They are globals in every browser and in Node 20, but live in TypeScript's DOM library,
 * which this package leaves out on purpose so that no other browser-only or Node-only API
 * slips into the source.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
