import { type Encoding, singleByteTable } from './encoding.js';

/**
 * What the byte reader needs of a file's encoding: the text of a span of bytes, as the chunk
 * decoder would give it, and for a single-byte code page the UTF-16 code unit of each byte,
 * so that values can be read and hashed without making a string.
 */
export interface SpanText {
  /** The text of `bytes[start, end)`; throws on invalid UTF-8 (the file is then read again as text, which says where). */
  text: (bytes: Uint8Array, start: number, end: number) => string;
  /** Code unit of each byte of a single-byte code page; null for UTF-8. */
  units: Uint16Array | null;
}

/** Span decoding for UTF-8 or a single-byte code page (UTF-16 is never read by bytes). */
export function spanText(encoding: Encoding): SpanText {
  if (encoding === 'utf-8') {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return {
      units: null,
      text: (bytes, start, end) =>
        ascii(bytes, start, end) ? latin1(bytes, start, end) : fatal.decode(bytes.subarray(start, end)),
    };
  }
  const table = singleByteTable(encoding);
  const units = new Uint16Array(256);
  for (let b = 0; b < 256; b++) units[b] = (table[b] as string).charCodeAt(0);
  return {
    units,
    text(bytes, start, end) {
      if (ascii(bytes, start, end)) return latin1(bytes, start, end);
      let out = '';
      for (let i = start; i < end; i++) out += table[bytes[i] as number] as string;
      return out;
    },
  };
}

function ascii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
