/**
 * The output of the machine formats as a sequence of strings (or bytes: a workbook), written one after another:
 * a million-lead queue never has to exist as one string. Pieces are joined into chunks of
 * about `CHUNK` characters, so a writer makes a few thousand writes, not millions.
 * A piece is never cut, so a chunk never ends inside a character's surrogate pair.
 */
export type Chunks = Iterable<string | Uint8Array>;

export const CHUNK = 1 << 16;

export function* batched(pieces: Iterable<string>, size: number = CHUNK): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
