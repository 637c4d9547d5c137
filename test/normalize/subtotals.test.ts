import { describe, expect, it } from 'vitest';
import { NUMBER_CELL, TEXT_CELL } from '../../src/io/cells.js';
import { SubtotalRows } from '../../src/normalize/subtotals.js';

type Row = (string | number)[];

/** Rows through the filter (amount in column `amountAt`), numbers typed as a workbook types them. */
function run(rows: Row[], amountAt: number): { out: string[][]; filter: SubtotalRows } {
  const out: string[][] = [];
  const filter = new SubtotalRows(amountAt, (fields) => out.push([...fields]));
  rows.forEach((row, i) => {
    const kinds = Uint8Array.from(row.map((v) => (typeof v === 'number' ? NUMBER_CELL : TEXT_CELL)));
    filter.push(
      row.map((v) => String(v)),
      i + 1,
      kinds,
    );
  });
  filter.end();
  return { out, filter };
}

describe('subtotal rows of a report', () => {
  it('drops group rows whose direct children add up to them, level by level, and fills their label down', () => {
    // Manager → client → document; every sum worked by hand: 700 + 300 = 1000, 1000 + 500 = 1500, 250 = 250.
    const { out, filter } = run(
      [
        ['Иванов', '', '', 1500],
        ['', 'Ромашка', '', 1000],
        ['', '', 'Реализация 1', 700],
        ['', '', 'Реализация 2', 300],
        ['', 'Лютик', 'Реализация 3', 500],
        ['Петров', '', '', 250],
        ['', 'Василёк', 'Реализация 4', 250],
        ['Итого', '', '', 1750],
      ],
      3,
    );
    expect(out).toEqual([
      ['Иванов', 'Ромашка', 'Реализация 1', '700'],
      ['Иванов', 'Ромашка', 'Реализация 2', '300'],
      ['Иванов', 'Лютик', 'Реализация 3', '500'],
      ['Петров', 'Василёк', 'Реализация 4', '250'],
      ['Итого', '', '', '1750'],
    ]);
    expect(filter.count).toBe(3);
    expect(filter.notes.map((n) => [n.line, n.label, n.amount, n.rows])).toEqual([
      [2, 'Ромашка', '1000', 2],
      [1, 'Иванов', '1500', 2],
      [6, 'Петров', '250', 1],
    ]);
    // Иванов into 3 rows, Ромашка into 2, Петров into 1.
    expect(filter.filled).toBe(6);
  });

  it('keeps a group row whose sum does not check, and rows of a flat table as they are', () => {
    // 1000 ≠ 700 + 200: not a subtotal, so nothing is dropped or filled.
    const wrong = run(
      [
        ['Ромашка', '', 1000],
        ['', 'Реализация 1', 700],
        ['', 'Реализация 2', 200],
      ],
      2,
    );
    expect(wrong.filter.count).toBe(0);
    expect(wrong.out[1]).toEqual(['', 'Реализация 1', '700']);
    // Flat rows, one equal to the sum of the two after it: same depth, so no group.
    const flat = run(
      [
        ['Acme', 300],
        ['Globex', 100],
        ['Initech', 200],
      ],
      1,
    );
    expect(flat.filter.count).toBe(0);
    expect(flat.out).toHaveLength(3);
  });

  it('reads indentation in one column as depth: the group row goes, the rows under it keep their own label', () => {
    const { out, filter } = run(
      [
        ['Иванов', 30],
        ['   Ромашка', 20],
        ['   Лютик', 10],
      ],
      1,
    );
    expect(filter.count).toBe(1);
    expect(out).toEqual([
      ['   Ромашка', '20'],
      ['   Лютик', '10'],
    ]);
  });

  it('tells the footer below a totals row: no amount, no number', () => {
    const out: string[][] = [];
    const filter = new SubtotalRows(1, (f) => out.push(f));
    filter.push(['Итого', '30'], 5, Uint8Array.from([TEXT_CELL, NUMBER_CELL]));
    expect(filter.footer(['Сформирован: 01.12.2024'], Uint8Array.from([TEXT_CELL]))).toBe(true);
    // A row with an amount below a totals row is data (a second section), not a footer.
    expect(filter.footer(['Acme', '5'], Uint8Array.from([TEXT_CELL, NUMBER_CELL]))).toBe(false);
    filter.push(['Acme', '5'], 6, Uint8Array.from([TEXT_CELL, NUMBER_CELL]));
    expect(filter.footer(['Примечание'], Uint8Array.from([TEXT_CELL]))).toBe(false);
  });
});
