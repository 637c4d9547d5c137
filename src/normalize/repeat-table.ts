/**
 * Line hash per ID hash, in two typed arrays with open addressing: a quarter of the memory
 * of a Map and no per-entry objects for the garbage collector to walk. Keys and values are
 * 52-bit hashes held exactly in float64.
 */
export class RepeatTable {
  private keys = new Float64Array(1 << 16);
  private values = new Float64Array(1 << 16);
  private mask = (1 << 16) - 1;
  private size = 0;

  /** The value stored for `key`, or -1; stores `value` when the key is new. */
  getOrSet(key: number, value: number): number {
    const k = key === 0 ? 1 : key;
    let i = (k >>> 0) & this.mask;
    for (;;) {
      const at = this.keys[i] as number;
      if (at === 0) {
        this.keys[i] = k;
        this.values[i] = value;
        if (++this.size * 2 > this.mask) this.grow();
        return -1;
      }
      if (at === k) return this.values[i] as number;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j] as number;
      if (k === 0) continue;
      let i = (k >>> 0) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.values[i] = oldValues[j] as number;
    }
  }
}
