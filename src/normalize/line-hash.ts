/**
 * A 52-bit hash of a row's fields (two 32-bit FNV-1a variants, one with a field separator
 * mixed in), exact as a JS number key. `skip` leaves one field out (the amount, to tell a
 * changed amount from a different row).
 */
export function lineHash(fields: readonly string[], skip = -1): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ fields.length;
  for (let f = 0; f < fields.length; f++) {
    if (f === skip) continue;
    const field = fields[f] as string;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1e, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
