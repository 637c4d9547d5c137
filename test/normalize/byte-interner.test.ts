import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../../src/normalize/byte-interner.js';

// Each distinct byte string gets one number, in the order first seen, however many there are
// (the index grows from 4,096 slots); checked against a Map of the same strings.
describe('ByteInterner', () => {
  it('numbers distinct values densely in first-seen order, through growth, and finds them again', () => {
    const interner = new ByteInterner();
    const byText = new Map<string, number>();
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 50_000; i++) {
      // Many repeats, short and long values, and values that are prefixes of others.
      const text = `Client ${next() % 20_000}${i % 7 === 0 ? ' Ltd' : ''}`;
      const bytes = Buffer.from(`;${text};`);
      const v = interner.find(bytes, 1, bytes.length - 1);
      const known = byText.get(text);
      if (known === undefined) {
        expect(interner.added).toBe(true);
        expect(v).toBe(byText.size);
        byText.set(text, v);
      } else {
        expect(interner.added).toBe(false);
        expect(v).toBe(known);
      }
    }
    expect(interner.size).toBe(byText.size);
    expect(byText.size).toBeGreaterThan(4096);
  });

  it('tells apart two values whose hashes are equal, by their bytes', () => {
    // `c1062789` and `c1279192` are as long and hash alike (found by a search over c1000000, c1000001, ...).
    const interner = new ByteInterner();
    const find = (text: string): number => interner.find(Buffer.from(text), 0, text.length);
    expect([find('c1062789'), find('c1279192'), find('c1062789'), find('c1279192')]).toEqual([0, 1, 0, 1]);
  });

  it('stores nothing new once full, and still finds what it holds', () => {
    const interner = new ByteInterner(3);
    const find = (text: string): number => interner.find(Buffer.from(text), 0, Buffer.byteLength(text));
    expect([find('a'), find('b'), find('c'), find('d'), find('b'), find('')]).toEqual([0, 1, 2, -1, 1, -1]);
    const small = new ByteInterner(100, 4);
    expect([
      small.find(Buffer.from('abc'), 0, 3),
      small.find(Buffer.from('de'), 0, 2),
      small.find(Buffer.from('abc'), 0, 3),
    ]).toEqual([0, -1, 0]);
  });
});
