import { describe, expect, it } from 'vitest';
import { RevenueLedger } from '../../src/analyses/ledger.js';
import { RepeatTable } from '../../src/normalize/repeat-table.js';
import { statusClassifier, NO_USER_VOCABULARY } from '../../src/normalize/vocabulary.js';

// What the parts of a file read on other threads hand over, and how it is added to the first
// part's: each expectation is the same rows read in one go on one object.

describe('RepeatTable handed over', () => {
  it('gives its entries in order, with their lines, and another table takes them as the same rows', () => {
    const a = new RepeatTable(4);
    // Enough IDs to grow the index twice, lines in steps past 255 too.
    for (let i = 0; i < 600; i++) a.seen(i * 7919, i ^ 0x5bd1e995, i, i * 3, i * 5, 2 + i * (i % 3 === 0 ? 300 : 1));
    const { words, lines } = a.entries();
    expect(lines.length).toBe(600);
    for (const e of [0, 1, 255, 256, 599]) expect(lines[e]).toBe(a.line(e));
    const b = new RepeatTable(4);
    for (let e = 0; e < lines.length; e++) expect(b.add(words, e, lines[e] as number)).toBe(-1);
    for (let e = 0; e < 600; e += 37) {
      expect(b.find(words, e)).toBe(e);
      expect(b.sameRest(e, e, e * 3)).toBe(true);
      expect(b.sameTag(e, e * 5)).toBe(true);
      expect(b.line(e)).toBe(a.line(e));
    }
    // An ID already there is found by `add` and not stored again.
    expect(b.add(words, 5, 1)).toBe(5);
    expect(b.size).toBe(600);
    expect(new RepeatTable().find(words, 0)).toBe(-1);
  });
});

describe('RevenueLedger.absorb', () => {
  it('adds a later part as if its rows had come after: sums, and clients and managers in first-seen order', () => {
    const rows: [string, string, number, number][] = [
      ['Acme', 'Olga', 10, 500_000],
      ['Beta', '', 3, 0],
      ['  acme ', 'Ivan', 1, 700_000],
      ['Gamma', 'Olga', 2, 0],
      ['Beta', 'Olga', 4, 250_000],
      ['Acme', 'Olga', 0, 100_000],
    ];
    const once = new RevenueLedger();
    for (const r of rows) once.add(...r);
    const first = new RevenueLedger();
    const later = new RevenueLedger();
    rows.forEach((r, i) => (i < 2 ? first : later).add(...r));
    first.absorb(later.toData());
    expect(first.toData()).toEqual(once.toData());
    expect(first.toData().map(([key]) => key)).toEqual(['acme', 'beta', 'gamma']);
  });
});

describe('RevenueLedger by client numbers', () => {
  it('sums by a reader’s numbers as by spellings, and takes another numbering’s rows by spelling', () => {
    const rows: [string, string, number, number, number][] = [
      ['Acme', 'Olga', 10, 500_000, 0],
      ['Beta', '', 3, 0, 1],
      ['  acme ', 'Ivan', 1, 700_000, 2],
      ['Acme', 'Olga', 0, 100_000, 0],
      ['Beta', 'Olga', 4, 250_000, 1],
    ];
    const bySpelling = new RevenueLedger();
    for (const [client, manager, whole, micro] of rows) bySpelling.add(client, manager, whole, micro);
    const byNumber = new RevenueLedger();
    const mine = {};
    const other = {};
    // The other numbering's 0 is Beta: were it taken as this one's, Beta's sum would go to Acme.
    rows.forEach(([client, manager, whole, micro, n], i) =>
      byNumber.add(client, manager, whole, micro, i === 4 ? 0 : n, i === 4 ? other : mine),
    );
    expect(byNumber.toData()).toEqual(bySpelling.toData());
  });
});

describe('PhraseClassifier.absorb', () => {
  it('counts a later part’s spellings, known and unknown, as one pass would', () => {
    const values = ['Won', 'Paused', 'Lost', 'Paused', 'Frozen', 'Won'];
    const once = statusClassifier(NO_USER_VOCABULARY);
    for (const v of values) once.classify(v);
    const first = statusClassifier(NO_USER_VOCABULARY);
    const later = statusClassifier(NO_USER_VOCABULARY);
    values.forEach((v, i) => (i < 3 ? first : later).classify(v));
    expect(first.absorb(later.snapshot())).toBe(true);
    expect(first.unknown()).toEqual(once.unknown());
    expect(first.unknownRows).toBe(3);
  });

  it('refuses, unchanged, when both parts together have more spellings than it keeps', () => {
    const first = statusClassifier(NO_USER_VOCABULARY);
    const later = statusClassifier(NO_USER_VOCABULARY);
    for (let i = 0; i < 6000; i++) first.classify(`a${i}`);
    for (let i = 0; i < 6000; i++) later.classify(`b${i}`);
    expect(first.absorb(later.snapshot())).toBe(false);
    expect(first.unknownRows).toBe(6000);
  });
});
