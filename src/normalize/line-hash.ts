/**
 * 52-bit hashes of a row, exact as JS numbers. Each field is hashed on its own (two 32-bit
 * FNV-1a variants seeded with the field's position) and the row's hash is their sum, so one
 * pass over the characters gives the row's hash, any field's hash, and the hash of the row
 * without one field (the amount) by subtraction.
 */
const MOD = 2 ** 52;

export class RowHasher {
  /** Hash of each field of the last row hashed. */
  readonly fields: number[] = [];
  line = 0;

  /**
   * `positions[f]` is the position field `f` is hashed at (the same cells of two files whose
   * columns come in another order hash alike); without it, its own.
   */
  hash(fields: readonly string[], positions?: readonly number[] | null): void {
    let sum = 0;
    this.fields.length = fields.length;
    for (let f = 0; f < fields.length; f++) {
      const h = fieldHash(fields[f] as string, positions ? (positions[f] as number) : f);
      this.fields[f] = h;
      sum = (sum + h) % MOD;
    }
    this.line = sum;
  }

  /** The last row's hash without field `f`. */
  without(f: number): number {
    return (this.line - (this.fields[f] ?? 0) + MOD) % MOD;
  }
}

export function fieldHash(text: string, position: number): number {
  let a = 0x811c9dc5 ^ position;
  let b = 0x01000193 ^ Math.imul(position + 1, 0x9e3779b1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  a = Math.imul(a ^ text.length, 0x01000193);
  b = Math.imul(b ^ 0x1e, 0x5bd1e995) ^ (b >>> 13);
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
