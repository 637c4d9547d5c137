/**
 * What was seen of each ID, in typed arrays with open addressing: a fraction of the memory
 * of a Map and no per-entry objects for the garbage collector to walk. Keys and hashes are
 * 52-bit values held exactly in float64.
 */
export class RepeatTable {
  private keys = new Float64Array(1 << 16);
  private lineHashes = new Float64Array(1 << 16);
  private restHashes = new Float64Array(1 << 16);
  private lines = new Float64Array(1 << 16);
  private mask = (1 << 16) - 1;
  private size = 0;

  /**
   * The slot of `key` if it was seen (read it with `lineHash`, `restHash`, `line`), or -1
   * after storing this row as the first one with that key. `line` is where the row is, as
   * the caller counts it (a line, or a file and a line in one number).
   */
  seen(key: number, lineHash: number, restHash: number, line: number): number {
    const k = key === 0 ? 1 : key;
    let i = (k >>> 0) & this.mask;
    for (;;) {
      const at = this.keys[i] as number;
      if (at === 0) {
        this.keys[i] = k;
        this.lineHashes[i] = lineHash;
        this.restHashes[i] = restHash;
        this.lines[i] = line;
        if (++this.size * 2 > this.mask) this.grow();
        return -1;
      }
      if (at === k) return i;
      i = (i + 1) & this.mask;
    }
  }

  lineHash(slot: number): number {
    return this.lineHashes[slot] as number;
  }

  restHash(slot: number): number {
    return this.restHashes[slot] as number;
  }

  line(slot: number): number {
    return this.lines[slot] as number;
  }

  private grow(): void {
    const old = { keys: this.keys, lineHashes: this.lineHashes, restHashes: this.restHashes, lines: this.lines };
    const capacity = old.keys.length * 2;
    this.keys = new Float64Array(capacity);
    this.lineHashes = new Float64Array(capacity);
    this.restHashes = new Float64Array(capacity);
    this.lines = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < old.keys.length; j++) {
      const k = old.keys[j] as number;
      if (k === 0) continue;
      let i = (k >>> 0) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.lineHashes[i] = old.lineHashes[j] as number;
      this.restHashes[i] = old.restHashes[j] as number;
      this.lines[i] = old.lines[j] as number;
    }
  }
}
