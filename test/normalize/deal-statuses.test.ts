import { describe, expect, it } from 'vitest';
import { statusCounts } from '../../src/load/statuses.js';
import { mapColumns } from '../helpers/map-columns.js';
import { DEAL_FIELDS, DealConverter, type Deal } from '../../src/normalize/deals.js';
import { Problems } from '../../src/normalize/problems.js';
import { RowFeed } from '../../src/normalize/row-feed.js';
import { NO_USER_VOCABULARY, statusClassifier } from '../../src/normalize/vocabulary.js';

function read(header: string[], rows: string[][]): { conv: DealConverter; deals: Deal[] } {
  const conv = new DealConverter(
    mapColumns('d.csv', header, DEAL_FIELDS),
    { file: 'd.csv', decimal: null, dayOrder: null, vocabulary: NO_USER_VOCABULARY },
    new Problems(true),
  );
  const deals: Deal[] = [];
  const feed = new RowFeed(conv, (d) => deals.push({ ...d }));
  rows.forEach((r, i) => feed.push(r, i + 2));
  feed.end();
  return { conv, deals };
}

describe("a deal row's status", () => {
  it('is counted once, also on a row that waited for its column to settle', () => {
    // `1,234` could be a thousand or a fraction: the row waits until `2,5` shows a decimal
    // comma, and is converted again then. Three Won rows, one Lost.
    const { conv, deals } = read(
      ['Client', 'Amount', 'Status'],
      [
        ['Acme', '1,234', 'Won'],
        ['Beta', '7', 'Lost'],
        ['Acme', '2,5', 'Won'],
        ['Gamma', '10', 'Won'],
      ],
    );
    expect(deals.filter((d) => d.status === 'won').map((d) => [d.client, d.whole, d.micro])).toEqual([
      ['Acme', 2, 500_000],
      ['Acme', 1, 234_000],
      ['Gamma', 10, 0],
    ]);
    expect(statusCounts(conv.statuses)).toEqual([
      { value: 'Won', role: 'won', rows: 3 },
      { value: 'Lost', role: 'lost', rows: 1 },
    ]);
  });

  it('under a refund status takes a positive amount as negative, and leaves a negative one', () => {
    const { conv, deals } = read(
      ['Client', 'Amount', 'Status'],
      [
        ['Acme', '100.50', 'Возврат'],
        ['Acme', '-30', 'Credit note'],
        ['Acme', '0', 'Refund'],
      ],
    );
    // `+ 0` reads the reader's −0 millionths of `-30` as 0.
    expect(deals.map((d) => [d.status, d.whole + 0, d.micro + 0])).toEqual([
      ['refund', -100, -500_000],
      ['refund', -30, 0],
      ['refund', 0, 0],
    ]);
    expect(conv.refundsFlipped).toBe(1);
  });
});

describe('statusCounts', () => {
  it('lists 100 values, most rows first, and sums the rest by role', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    // 101 unknown spellings of 2 rows each, then 5 won rows of one spelling and 3 lost.
    for (let i = 0; i < 101; i++) for (let n = 0; n < 2; n++) c.classify(`v${String(i).padStart(3, '0')}`);
    for (let n = 0; n < 5; n++) c.classify('Won');
    for (let n = 0; n < 3; n++) c.classify('Lost');
    const counts = statusCounts(c);
    expect(counts).toHaveLength(101);
    expect(counts[0]).toEqual({ value: 'Won', role: 'won', rows: 5 });
    expect(counts[1]).toEqual({ value: 'Lost', role: 'lost', rows: 3 });
    expect(counts[99]).toEqual({ value: 'v097', role: 'unknown', rows: 2 });
    // v098, v099 and v100: 6 rows, summed.
    expect(counts[100]).toEqual({ value: null, role: 'unknown', rows: 6 });
    expect(counts.reduce((n, s) => n + s.rows, 0)).toBe(202 + 8);
  });
});
