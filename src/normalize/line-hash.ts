/**
 * 64-bit fingerprints of a row, held as two 32-bit halves (A and B). Each field is hashed on
 * its own (two 32-bit hashes seeded with the field's position) and a row's halves are the sums
 * of its fields' halves mod 2^32, so one pass over the characters gives the row's fingerprint,
 * any field's, and the row's without one field (the amount) by subtraction.
 */
export class RowHasher {
  /** Each field's halves, for the last row hashed (int32). */
  readonly fieldA: number[] = [];
  readonly fieldB: number[] = [];
  /** The last row's halves (int32). */
  lineA = 0;
  lineB = 0;
  private readonly one = new Int32Array(2);

  /**
   * `positions[f]` is the position field `f` is hashed at (the same cells of two files whose
   * columns come in another order hash alike); without it, its own.
   */
  hash(fields: readonly string[], positions?: readonly number[] | null): void {
    let sumA = 0;
    let sumB = 0;
    if (this.fieldA.length !== fields.length) {
      this.fieldA.length = fields.length;
      this.fieldB.length = fields.length;
    }
    for (let f = 0; f < fields.length; f++) {
      hashText(fields[f] as string, positions ? (positions[f] as number) : f, this.one);
      const a = this.one[0] as number;
      const b = this.one[1] as number;
      this.fieldA[f] = a;
      this.fieldB[f] = b;
      sumA = (sumA + a) | 0;
      sumB = (sumB + b) | 0;
    }
    this.lineA = sumA;
    this.lineB = sumB;
  }

  /** The last row's fingerprint as one exact JS number (52 of its 64 bits), to compare rows at a glance. */
  get line(): number {
    return (this.lineA >>> 0) * 0x100000 + (this.lineB >>> 12);
  }
}

/** A field's two halves (what RowHasher sums for a row) from its text, hashed at `position`, into `out`. */
export function hashText(text: string, position: number, out: Int32Array): void {
  let a = 0x811c9dc5 ^ position;
  let b = 0x01000193 ^ Math.imul(position + 1, 0x9e3779b1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // The length ends each field (`ab`+`c` is not `a`+`bc`), and the final mix spreads every
  // character over all 32 bits: the table takes its slot from the low bits.
  out[0] = mix(a ^ text.length);
  out[1] = mix(b ^ Math.imul(text.length, 0x27d4eb2f));
}

/**
 * The same halves from the field's bytes, without making its text: an ASCII byte is its own
 * code unit, a high byte of a single-byte code page is looked up in `units`. False, with
 * nothing written, for a high byte of UTF-8 (`units` null): the caller hashes the decoded text.
 */
export function hashBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  position: number,
  units: Uint16Array | null,
  out: Int32Array,
): boolean {
  let a = 0x811c9dc5 ^ position;
  let b = 0x01000193 ^ Math.imul(position + 1, 0x9e3779b1);
  for (let i = start; i < end; i++) {
    let c = bytes[i] as number;
    if (c >= 0x80) {
      if (units === null) return false;
      c = units[c] as number;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const length = end - start;
  out[0] = mix(a ^ length);
  out[1] = mix(b ^ Math.imul(length, 0x27d4eb2f));
  return true;
}

/**
 * The first half of an ID's fingerprint when the ID is a number of one to nine digits without
 * a leading zero (its value; the second half stays its text's hash), else -1. The index of IDs
 * places an ID by the first half: numbered IDs, which most exports write in order, then fill
 * it in order, a cache line for sixteen of them, instead of one line each at random.
 */
export function numericId(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9 || text.charCodeAt(0) === 48) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** `numericId` of an ID's bytes. */
export function numericIdBytes(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 9 || bytes[start] === 48) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The murmur3 finaliser: every input bit reaches every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
