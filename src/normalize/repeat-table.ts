/**
 * The first row seen of each deal ID, in flat typed arrays: no object per ID, about 17 bytes
 * per ID plus 4 bytes per slot of the index (at most 85 % full, so 5 to 10 bytes per ID).
 *
 * An entry is four int32 words, in the order IDs were first seen: the ID's 64-bit fingerprint
 * (two words; the first is the value of a numbered ID, see `numericId`), 42 bits of the fingerprint of the rest of its first row (the row without the
 * amount) and 22 bits of the amount's. Its line is kept apart in about one byte (`Lines`).
 * The index is an open-addressing hash set with linear probing; it doubles when more than
 * 85 % full, rebuilt from the entries themselves. With 2^k slots, a slot's low k bits hold its
 * entry number + 1 (entries stay under 85 % of 2^k) and the high 32 − k bits the same bits of
 * the ID's second half, a mark that spares looking at the entries a probe passes by.
 */
const WORDS = 4;
/**
 * Entries live in chunks of 2^16 (1 MiB each), added as needed: one array doubled holds up to
 * twice what is used, and that memory is resident (measured on 7,000,000 IDs: 239 MB over the
 * process's start in one doubled array, 186 MB in chunks).
 */
const CHUNK_BITS = 16;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
/**
 * The part of the fourth word that holds the rest's fingerprint (with the third word, 42 bits);
 * the low 22 bits hold the amount's. The split weighs two odds at 1e7 rows (docs/rules.md):
 * a row of a known ID taken for its first row by chance (1e7 / 2^42 ≈ 2.3e-6 at most) and a
 * conflicting amount taken for the same one (2^-22 ≈ 2.4e-7 a conflicting row).
 */
const REST_BITS = 0xffc00000 | 0;
const TAG_BITS = 0x3fffff;
// 85 % rather than 70 %: with the marks, the longer probes cost no measurable time, and the
// index at 1e7 rows is 2^23 slots (32 MB) instead of 2^24 (docs/benchmarks.md).
const MAX_LOAD = 0.85;

export class RepeatTable {
  /** Mark and entry number + 1 per slot; 0 is a free slot. */
  private slots: Int32Array;
  private mask: number;
  private readonly chunks: Int32Array[] = [];
  private readonly lines = new Lines();
  /** Entries stored: distinct IDs. */
  size = 0;

  /** Index size (in bits) for about `ids` IDs, so that reading them never grows it: at least the default 2^16 slots. */
  static slotBitsFor(ids: number): number {
    return Math.max(16, Math.min(26, Math.ceil(Math.log2(Math.max(1, ids) / MAX_LOAD))));
  }

  /** `slotBits`: the index starts with 2^slotBits slots (small in tests, to make it grow). */
  constructor(slotBits = 16) {
    this.slots = new Int32Array(1 << slotBits);
    this.mask = (1 << slotBits) - 1;
  }

  /**
   * The entry of the ID fingerprinted `idA`, `idB` if it was seen, or -1 after storing this
   * row as its first: the fingerprint of the row without its amount (`restA`, `restB`), the
   * amount's (`tag`), and the row's line.
   */
  seen(idA: number, idB: number, restA: number, restB: number, tag: number, line: number): number {
    const low = this.mask;
    const mark = idB & ~low;
    let i = home(idA, low);
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) break;
      // Only a slot whose mark agrees sends the probe out to the entry: each look at an
      // entry is a cache miss, while the slots a probe passes lie side by side. That is what
      // lets the index fill to 85 % (a new ID passes about 20 slots there, at worst).
      if ((slot & ~low) === mark) {
        const e = (slot & low) - 1;
        const chunk = this.chunks[e >>> CHUNK_BITS] as Int32Array;
        const at = (e & CHUNK_MASK) * WORDS;
        if (chunk[at] === (idA | 0) && chunk[at + 1] === (idB | 0)) return e;
      }
      i = (i + 1) & low;
    }
    const e = this.size++;
    if ((e & CHUNK_MASK) === 0) this.chunks.push(new Int32Array(WORDS << CHUNK_BITS));
    const chunk = this.chunks[e >>> CHUNK_BITS] as Int32Array;
    const at = (e & CHUNK_MASK) * WORDS;
    chunk[at] = idA;
    chunk[at + 1] = idB;
    chunk[at + 2] = restA;
    chunk[at + 3] = (restB & REST_BITS) | (tag & TAG_BITS);
    this.lines.push(line);
    this.slots[i] = mark | (e + 1);
    if (this.size > MAX_LOAD * this.slots.length) this.grow();
    return -1;
  }

  /** Whether entry `e`'s first row had the same rest (all but the amount) as `restA`, `restB`. */
  sameRest(e: number, restA: number, restB: number): boolean {
    const chunk = this.chunks[e >>> CHUNK_BITS] as Int32Array;
    const at = (e & CHUNK_MASK) * WORDS;
    return chunk[at + 2] === (restA | 0) && ((chunk[at + 3] as number) & REST_BITS) === (restB & REST_BITS);
  }

  /** Whether entry `e`'s first row had the same amount fingerprint as `tag`. */
  sameTag(e: number, tag: number): boolean {
    const chunk = this.chunks[e >>> CHUNK_BITS] as Int32Array;
    return ((chunk[(e & CHUNK_MASK) * WORDS + 3] as number) & TAG_BITS) === (tag & TAG_BITS);
  }

  line(e: number): number {
    return this.lines.at(e);
  }

  /** Every entry's four words and line, in the order stored: what a part read on another thread hands over. */
  entries(): { words: Int32Array; lines: Int32Array } {
    const words = new Int32Array(this.size * WORDS);
    for (let c = 0; c < this.chunks.length; c++) {
      const from = c << CHUNK_BITS;
      const count = Math.min(this.size - from, 1 << CHUNK_BITS);
      words.set((this.chunks[c] as Int32Array).subarray(0, count * WORDS), from * WORDS);
    }
    return { words, lines: this.allLines() };
  }

  /** Every entry's line, in order. */
  allLines(): Int32Array {
    return this.lines.all();
  }

  /** Each chunk of entries in place (four words an entry, as `entries` gives them) with how many it holds: for looking them up elsewhere without a copy. */
  eachChunk(fn: (words: Int32Array, count: number) => void): void {
    for (let c = 0; c < this.chunks.length; c++)
      fn(this.chunks[c] as Int32Array, Math.min(this.size - (c << CHUNK_BITS), 1 << CHUNK_BITS));
  }

  /** The entry of entry `e` of `words`' ID, or -1 when it is not here (nothing is stored). */
  find(words: Int32Array, e: number): number {
    const idA = words[e * WORDS] as number;
    const idB = words[e * WORDS + 1] as number;
    const low = this.mask;
    const mark = idB & ~low;
    for (let i = home(idA, low); ; i = (i + 1) & low) {
      const slot = this.slots[i] as number;
      if (slot === 0) return -1;
      if ((slot & ~low) !== mark) continue;
      const f = (slot & low) - 1;
      const chunk = this.chunks[f >>> CHUNK_BITS] as Int32Array;
      const at = (f & CHUNK_MASK) * WORDS;
      if (chunk[at] === idA && chunk[at + 1] === idB) return f;
    }
  }

  /**
   * Store entry `e` of `words` (as `entries` gives them) at `line`, unless its ID is here
   * already: then its entry number, and nothing is stored.
   */
  add(words: Int32Array, e: number, line: number): number {
    const at = e * WORDS;
    const last = words[at + 3] as number;
    return this.seen(words[at] as number, words[at + 1] as number, words[at + 2] as number, last, last, line);
  }

  /** Slots in the index, for tests of its growth. */
  get capacity(): number {
    return this.slots.length;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    this.slots = new Int32Array(capacity);
    const low = capacity - 1;
    this.mask = low;
    for (let e = 0; e < this.size; e++) {
      const chunk = this.chunks[e >>> CHUNK_BITS] as Int32Array;
      const at = (e & CHUNK_MASK) * WORDS;
      let i = home(chunk[at] as number, low);
      while (this.slots[i] !== 0) i = (i + 1) & low;
      this.slots[i] = ((chunk[at + 1] as number) & ~low) | (e + 1);
    }
  }
}

/**
 * The slot where a probe for an ID starts. IDs are placed in blocks of sixteen slots, one
 * cache line: the first half of a numbered ID's fingerprint is its value (`numericId`), so
 * sixteen IDs in a row share a block and a run of IDs exported in order costs a cache miss per
 * sixteen. The blocks themselves are spread by an odd multiplier, which maps 2^k block numbers
 * in a row to 2^k different blocks; placing IDs by value alone would fold the values past the
 * index's size onto the ones below it and let linear probing build runs of thousands of slots.
 */
function home(idA: number, low: number): number {
  return ((Math.imul(idA >>> 4, 0x9e3779b1) << 4) | (idA & 15)) & low;
}

/** Block of entries whose first line is kept whole; the others keep their step from the one before. */
const BLOCK = 256;

/**
 * The line of each entry, in about one byte: rows are read in order, so an entry's line is
 * mostly a small step after the previous entry's. Steps outside 1..255 (a new file, a held row
 * read later, a long run of rows with no new ID) are kept whole in a map; every 256th line is
 * kept whole, so reading a line adds at most 255 steps (it is read only for a message).
 */
export class Lines {
  private steps = new Uint8Array(1 << 16);
  private readonly starts: number[] = [];
  private readonly far = new Map<number, number>();
  private last = 0;
  private size = 0;

  push(line: number): void {
    const e = this.size++;
    if (e >= this.steps.length) {
      const wider = new Uint8Array(this.steps.length * 2);
      wider.set(this.steps);
      this.steps = wider;
    }
    const step = line - this.last;
    if (e % BLOCK === 0) this.starts.push(line);
    else if (step > 0 && step < 256) this.steps[e] = step;
    else this.far.set(e, line);
    this.last = line;
  }

  /** Every line, in order. */
  all(): Int32Array {
    const out = new Int32Array(this.size);
    let line = 0;
    for (let e = 0; e < this.size; e++) {
      if (e % BLOCK === 0) line = this.starts[e / BLOCK] as number;
      else {
        const step = this.steps[e] as number;
        line = step === 0 ? (this.far.get(e) as number) : line + step;
      }
      out[e] = line;
    }
    return out;
  }

  at(e: number): number {
    const first = e - (e % BLOCK);
    let line = this.starts[first / BLOCK] as number;
    for (let j = first + 1; j <= e; j++) {
      const step = this.steps[j] as number;
      // A step of 0 is never stored: that entry's line is in `far`.
      line = step === 0 ? (this.far.get(j) as number) : line + step;
    }
    return line;
  }
}
