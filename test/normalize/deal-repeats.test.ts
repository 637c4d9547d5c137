import { describe, expect, it } from 'vitest';
import { DealRepeats } from '../../src/normalize/deal-repeats.js';
import { RowHasher } from '../../src/normalize/line-hash.js';

describe('DealRepeats', () => {
  it("hashes a file with the same headers in another order at the first file's positions", () => {
    const r = new DealRepeats();
    // The first file, and any in its order, are hashed at their own positions (null).
    expect(r.begin('a.csv', ['Deal ID', 'Company', 'Amount']).positions).toBeNull();
    expect(r.begin('a2.csv', ['deal id', 'company', 'amount']).positions).toBeNull();
    // Headers compared as folio compares them: `deal_id` is `Deal ID`.
    const b = r.begin('b.csv', ['amount', 'deal_id', 'COMPANY']);
    expect(b).toEqual({ index: 2, positions: [2, 0, 1] });
    // So the same cells give the same line hash, whatever the column order.
    const h = new RowHasher();
    h.hash(['D1', 'Acme', '100']);
    const first = h.line;
    h.hash(['100', 'D1', 'Acme'], b.positions);
    expect(h.line).toBe(first);
    // Without the positions the reordered line would not be the same line.
    h.hash(['100', 'D1', 'Acme']);
    expect(h.line).not.toBe(first);
  });

  it("keeps a file's own order when its headers are not the first file's", () => {
    const r = new DealRepeats();
    r.begin('en.csv', ['Client', 'Amount']);
    expect(r.begin('ru.csv', ['Сумма', 'Клиент']).positions).toBeNull();
    expect(r.begin('more.csv', ['Client', 'Amount', 'Date']).positions).toBeNull();
  });

  it('pairs repeated headers in the order they come', () => {
    const r = new DealRepeats();
    r.begin('a.csv', ['', 'Client', '', 'Amount']);
    expect(r.begin('b.csv', ['Amount', '', 'Client', '']).positions).toEqual([3, 0, 1, 2]);
  });

  it('tells where a line was first seen, naming the file when it is another one', () => {
    const r = new DealRepeats();
    r.begin('jan.csv', ['Client']);
    r.begin('feb.csv', ['Client']);
    const at = r.where(0, 5);
    expect(r.fileOf(at)).toBe(0);
    expect(r.locate(at, 0)).toEqual({ line: 5, of: null });
    expect(r.locate(at, 1)).toEqual({ line: 5, of: 'jan.csv' });
    expect(r.locate(r.where(1, 4_000_000), 1)).toEqual({ line: 4_000_000, of: null });
  });
});
