/**
 * Distinct values of one column, keyed by their bytes: a client, a status or a manager is
 * looked up by its bytes on every row and made a string only the first time it is seen.
 * Open addressing over an Int32Array (number + 1 per slot) and the values' bytes side by
 * side in one pool; no object per value.
 */
export class ByteInterner {
  private slots: Int32Array;
  private mask: number;
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private offsets: Int32Array<ArrayBuffer> = new Int32Array(1025);
  private pool = new Uint8Array(1 << 16);
  /** Values stored. */
  size = 0;
  /** Whether the last `find` stored a new value. */
  added = false;

  constructor(
    /** Past this many values, or this many bytes of them, nothing new is stored: `find` says -1 and the row is read as text. */
    private readonly maxValues = 1 << 20,
    private readonly maxBytes = 64 << 20,
  ) {
    this.slots = new Int32Array(1 << 12);
    this.mask = (1 << 12) - 1;
  }

  /**
   * The number of the value `bytes[start, end)`, stored now if it is new (`added` says so);
   * -1 when it is new and the interner is full.
   */
  find(bytes: Uint8Array, start: number, end: number): number {
    return this.findHashed(bytes, start, end, fnvBytes(bytes, start, end));
  }

  /**
   * `find` for a span whose `fnvBytes` hash the caller already has: the fused reader
   * (load/deal-fused.ts) takes it in the same walk that finds the field's end.
   */
  findHashed(bytes: Uint8Array, start: number, end: number, fnv: number): number {
    const h = fnv ^ (fnv >>> 15);
    const length = end - start;
    const { slots, mask, offsets, pool, hashes } = this;
    let i = h & mask;
    for (;;) {
      const slot = slots[i] as number;
      if (slot === 0) break;
      const v = slot - 1;
      if (hashes[v] === h) {
        const from = offsets[v] as number;
        if ((offsets[v + 1] as number) - from === length) {
          let k = 0;
          while (k < length && pool[from + k] === bytes[start + k]) k++;
          if (k === length) {
            this.added = false;
            return v;
          }
        }
      }
      i = (i + 1) & mask;
    }
    const at = this.offsets[this.size] as number;
    if (this.size >= this.maxValues || at + length > this.maxBytes) return -1;
    const v = this.store(bytes, start, end, h, at);
    this.slots[i] = v + 1;
    if (this.size * 4 > this.slots.length * 3) this.grow();
    this.added = true;
    return v;
  }

  private store(bytes: Uint8Array, start: number, end: number, h: number, at: number): number {
    const v = this.size++;
    if (v + 1 >= this.hashes.length) {
      this.hashes = doubled(this.hashes);
      this.offsets = doubled(this.offsets);
    }
    const length = end - start;
    if (at + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, at + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), at);
    this.hashes[v] = h;
    this.offsets[v + 1] = at + length;
    return v;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let v = 0; v < this.size; v++) {
      let i = (this.hashes[v] as number) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = v + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** FNV-1a's offset basis and prime: `fnvBytes` is the fold of `h = Math.imul(h ^ byte, FNV_PRIME)` from `FNV_OFFSET`. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The 32-bit FNV-1a hash of `bytes[start, end)`, the key `ByteInterner.findHashed` takes. */
export function fnvBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  return h;
}

/** A copy of `a` twice as long: the per-value arrays grow by doubling. */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
