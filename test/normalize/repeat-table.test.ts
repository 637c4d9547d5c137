import { describe, expect, it } from 'vitest';
import { Lines, RepeatTable } from '../../src/normalize/repeat-table.js';
import { DealRepeats } from '../../src/normalize/deal-repeats.js';
import { RowHasher } from '../../src/normalize/line-hash.js';

describe('RepeatTable', () => {
  it('stores the first row of an ID and finds it again', () => {
    const t = new RepeatTable();
    expect(t.seen(11, 12, 100, 0x12345678, 7, 2)).toBe(-1);
    expect(t.seen(21, 22, 200, 0, 8, 3)).toBe(-1);
    // Entries are numbered in the order IDs were first seen.
    expect(t.seen(11, 12, 999, 999, 999, 9)).toBe(0);
    expect(t.seen(21, 22, 0, 0, 0, 10)).toBe(1);
    expect(t.size).toBe(2);
    // What the second sighting brought is not stored: the first row stays.
    expect(t.sameRest(0, 100, 0x12345678)).toBe(true);
    expect(t.sameTag(0, 7)).toBe(true);
    expect(t.sameTag(0, 8)).toBe(false);
    expect(t.line(0)).toBe(2);
    expect(t.line(1)).toBe(3);
  });

  it('tells the ID apart by both halves of its fingerprint', () => {
    const t = new RepeatTable();
    expect(t.seen(5, 1, 0, 0, 0, 1)).toBe(-1);
    expect(t.seen(5, 2, 0, 0, 0, 2)).toBe(-1);
    expect(t.seen(6, 1, 0, 0, 0, 3)).toBe(-1);
    expect([t.seen(5, 1, 0, 0, 0, 4), t.seen(5, 2, 0, 0, 0, 5), t.seen(6, 1, 0, 0, 0, 6)]).toEqual([0, 1, 2]);
  });

  it('compares 42 bits of the rest and 22 bits of the amount', () => {
    const t = new RepeatTable();
    const high = 0xffc00000 | 0;
    t.seen(1, 1, 0x0badf00d, high, 0x2abcde, 1);
    expect(t.sameRest(0, 0x0badf00d, high)).toBe(true);
    expect(t.sameRest(0, 0x0badf00c, high)).toBe(false);
    expect(t.sameRest(0, 0x0badf00d, 0x7fc00000)).toBe(false);
    // The low 22 bits of the rest's second half hold the amount's fingerprint instead.
    expect(t.sameRest(0, 0x0badf00d, high + 0x3fffff)).toBe(true);
    expect(t.sameRest(0, 0x0badf00d, high - 0x400000)).toBe(false);
    expect(t.sameTag(0, 0x2abcde)).toBe(true);
    expect(t.sameTag(0, 0x2abcdf)).toBe(false);
    expect(t.sameTag(0, 0x0abcde)).toBe(false);
    expect(t.sameTag(0, 0x6abcde)).toBe(true);
  });

  it('grows across many doublings and still finds every ID, with its line', () => {
    // Two slots to begin with: 10,000 IDs make it double 13 times. It doubles past 85 % full,
    // so it ends at 16,384 slots (0.85 × 8,192 = 6,963.2 < 10,000 ≤ 0.85 × 16,384 = 13,926.4).
    const t = new RepeatTable(1);
    const n = 10_000;
    for (let i = 0; i < n; i++) expect(t.seen(Math.imul(i, 0x9e3779b1), i, i, 0, 0, 2 + 3 * i)).toBe(-1);
    expect(t.capacity).toBe(16_384);
    for (let i = 0; i < n; i++) {
      expect(t.seen(Math.imul(i, 0x9e3779b1), i, 0, 0, 0, 0)).toBe(i);
      expect(t.line(i)).toBe(2 + 3 * i);
      expect(t.sameRest(i, i, 0)).toBe(true);
    }
    expect(t.size).toBe(n);
  });

  it('keeps IDs whose slots collide apart, before and after growing', () => {
    // The first half is the slot: with the low 20 bits alike, all 3,000 IDs start at slot 0
    // of every index up to 2^20 slots and queue up behind one another.
    const t = new RepeatTable(2);
    const n = 3_000;
    for (let i = 0; i < n; i++) expect(t.seen(i << 20, 77, 0, 0, 0, i + 1)).toBe(-1);
    // The same first half with another second half is another ID too.
    for (let i = 0; i < n; i++) expect(t.seen(i << 20, 78, 0, 0, 0, n + i + 1)).toBe(-1);
    for (let i = 0; i < n; i++) {
      expect(t.seen(i << 20, 77, 0, 0, 0, 0)).toBe(i);
      expect(t.seen(i << 20, 78, 0, 0, 0, 0)).toBe(n + i);
    }
    expect(t.size).toBe(2 * n);
    expect(t.line(n - 1)).toBe(n);
    expect(t.line(2 * n - 1)).toBe(2 * n);
  });
  it('finds IDs by their marks through growth, whatever the bits of their second half', () => {
    // The slot keeps the high bits of the second half beside the entry number, fewer of them
    // after each doubling. Second halves spread over all 32 bits (negative ones too), and
    // pairs that share a first half and differ only in the bits the mark drops, must all be
    // found after 2 → 8,192 slots.
    const t = new RepeatTable(1);
    const n = 5_000;
    const second = (i: number): number => Math.imul(i + 1, 0x85ebca6b) ^ (i << 3);
    for (let i = 0; i < n; i++)
      expect(t.seen(i >> 1, i % 2 === 0 ? second(i) : second(i - 1) ^ 1, 0, 0, 0, i + 1)).toBe(-1);
    expect(t.capacity).toBe(8_192);
    for (let i = 0; i < n; i++) expect(t.seen(i >> 1, i % 2 === 0 ? second(i) : second(i - 1) ^ 1, 0, 0, 0, 0)).toBe(i);
    // A second half never seen, with a known first half, is a new ID.
    expect(t.seen(0, second(0) ^ 0x40000000, 0, 0, 0, 1)).toBe(-1);
    expect(t.size).toBe(n + 1);
  });
});

describe('Lines', () => {
  it('gives back every line: small steps, long gaps, going back (a new file), block edges', () => {
    // The expected lines are the plain list pushed; a fixed mix of steps covers every case.
    const lines = new Lines();
    const pushed: number[] = [];
    let line = 1;
    for (let e = 0; e < 2_000; e++) {
      if (e % 97 === 0)
        line = 2 + (e % 5); // another file: back to its first lines
      else if (e % 31 === 0)
        line += 256; // a step one past what a byte holds
      else if (e % 13 === 0) line += 70_000;
      else line += 1 + (e % 255);
      pushed.push(line);
      lines.push(line);
    }
    pushed.forEach((l, e) => expect(lines.at(e)).toBe(l));
  });

  it('keeps a line repeated at once (a step of 0)', () => {
    const lines = new Lines();
    [5, 5, 6, 6].forEach((l) => lines.push(l));
    expect([0, 1, 2, 3].map((e) => lines.at(e))).toEqual([5, 5, 6, 6]);
  });
});

describe('DealRepeats entries', () => {
  it('tells the file of an entry from the entries stored when each file began', () => {
    const r = new DealRepeats();
    r.begin('jan.csv', ['Client']);
    r.idLines.seen(1, 1, 0, 0, 0, 2);
    r.idLines.seen(2, 2, 0, 0, 0, 3);
    r.begin('empty.csv', ['Client']);
    r.begin('feb.csv', ['Client']);
    r.idLines.seen(3, 3, 0, 0, 0, 2);
    expect([0, 1, 2].map((e) => r.fileOfEntry(e))).toEqual([0, 0, 2]);
    expect(r.locate(r.whereOfEntry(1), 2)).toEqual({ line: 3, of: 'jan.csv' });
    expect(r.locate(r.whereOfEntry(2), 2)).toEqual({ line: 2, of: null });
  });
});

describe('RowHasher', () => {
  it('gives the row without one field by subtraction', () => {
    const h = new RowHasher();
    const rest = (fields: string[]): [number, number] => {
      h.hash(fields);
      return [(h.lineA - (h.fieldA[2] as number)) | 0, (h.lineB - (h.fieldB[2] as number)) | 0];
    };
    // The same cells but the third: the same rest; another second cell: another rest.
    expect(rest(['D1', 'Acme', '100'])).toEqual(rest(['D1', 'Acme', '250']));
    expect(rest(['D1', 'Acme', '100'])).not.toEqual(rest(['D1', 'Acme Ltd', '100']));
    // Cells swapped are another row (each field is seeded with its position).
    h.hash(['a', 'b']);
    const ab = [h.lineA, h.lineB];
    h.hash(['b', 'a']);
    expect([h.lineA, h.lineB]).not.toEqual(ab);
    // Characters moved across a field boundary are another row (the length ends each field).
    h.hash(['ab', 'c']);
    const first = h.line;
    h.hash(['a', 'bc']);
    expect(h.line).not.toBe(first);
  });
});
