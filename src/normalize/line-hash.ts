/**
 * A 52-bit hash of a row's fields (two 32-bit FNV-1a variants, one with a field separator
 * mixed in), exact as a JS number key. Used with the row's ID, so two different rows are
 * taken for one only if their IDs and both hashes collide.
 */
export function lineHash(fields: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ fields.length;
  for (const field of fields) {
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

/** The same hash of a single text (an ID), without building an array. */
export function textHash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  a = Math.imul(a ^ 0x1f, 0x01000193);
  b = Math.imul(b ^ 0x1e, 0x5bd1e995) ^ (b >>> 13);
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
