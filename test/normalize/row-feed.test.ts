import { describe, expect, it } from 'vitest';
import { DealConverter, DEAL_FIELDS } from '../../src/normalize/deals.js';
import { mapColumns } from '../helpers/map-columns.js';
import { Problems } from '../../src/normalize/problems.js';
import { AMBIGUOUS, RowFeed, type RowConverter } from '../../src/normalize/row-feed.js';
import { NO_USER_VOCABULARY } from '../../src/normalize/vocabulary.js';
import { english, thrown } from '../helpers/said.js';

function run(rows: string[][], header = ['Client', 'Amount', 'Date']) {
  const mapping = mapColumns('f.csv', header, DEAL_FIELDS);
  const problems = new Problems(true);
  const converter = new DealConverter(
    mapping,
    { file: 'f.csv', decimal: null, dayOrder: null, vocabulary: NO_USER_VOCABULARY },
    problems,
  );
  const got: { client: string; whole: number; micro: number; day: number | null; line: number }[] = [];
  const feed = new RowFeed(converter, (d) => got.push({ ...d }));
  rows.forEach((r, i) => feed.push(r, i + 2));
  feed.end();
  return { got, problems, converter };
}

describe('RowFeed with DealConverter', () => {
  it('holds 1,234 until a later value shows the decimal mark, then reads it under that mark', () => {
    const { got } = run([
      ['A', '1,234', ''],
      ['B', '2,5', ''],
    ]);
    expect(got.map((d) => [d.client, d.whole, d.micro, d.line])).toEqual([
      ['B', 2, 500_000, 3],
      ['A', 1, 234_000, 2],
    ]);
  });

  it('says how far it looked when more rows wait than it holds', () => {
    const mapping = mapColumns('f.csv', ['Client', 'Amount', 'Date'], DEAL_FIELDS);
    const converter = new DealConverter(
      mapping,
      { file: 'f.csv', decimal: null, dayOrder: null, vocabulary: NO_USER_VOCABULARY },
      new Problems(true),
    );
    const feed = new RowFeed(converter, () => undefined, 3);
    for (let i = 0; i < 3; i++) feed.push(['A', '1', '03/04/2026'], i + 2);
    // The fourth waiting row is one too many: the error names the first, and the line it stopped at.
    const error = thrown(() => feed.push(['A', '1', '03/04/2026'], 5));
    expect(error).toMatchObject({ code: 'AMBIGUOUS_DATE', line: 2 });
    expect(english(error).message).toBe(
      'could be day-first or month-first, and no date in the column up to line 5 (folio holds at most 3 rows waiting for one) tells which',
    );
  });

  it('fails with a hint when nothing settles an ambiguous column', () => {
    expect(() =>
      run([
        ['A', '1,234', ''],
        ['B', '2,345', ''],
      ]),
    ).toThrow(expect.objectContaining({ code: 'AMBIGUOUS_NUMBER', line: 2 }));
    expect(
      english(
        thrown(() =>
          run([
            ['A', '1,234', ''],
            ['B', '2,345', ''],
          ]),
        ),
      ).hint,
    ).toMatch(/--decimal/);
    expect(() => run([['A', '1', '03/04/2026']])).toThrow(expect.objectContaining({ code: 'AMBIGUOUS_DATE' }));
  });

  it('folds a line repeated whole when there is an ID, and keeps rows that share an ID but differ', () => {
    const { got, converter } = run(
      [
        ['1', 'A', '10'],
        ['1', 'A', '10'],
        ['1', 'C', '15'],
        ['2', 'B', '5'],
      ],
      ['ID', 'Client', 'Amount'],
    );
    expect(got.map((d) => d.whole)).toEqual([10, 15, 5]);
    expect(converter.folded).toBe(1);
    expect(converter.repeatedIdCount).toBe(1);
  });

  it('keeps numbered IDs apart by their text: 7 and 07 are two deals, 7 again is a repeat', () => {
    // Numbers of up to nine digits are placed in the index by value; the text still decides.
    const { got, converter } = run(
      [
        ['7', 'A', '10'],
        ['07', 'A', '10'],
        ['7', 'A', '10'],
        ['123456789', 'B', '5'],
        ['123456789', 'B', '5'],
        ['1234567890', 'C', '1'],
      ],
      ['ID', 'Client', 'Amount'],
    );
    expect(got.map((d) => d.client)).toEqual(['A', 'A', 'B', 'C']);
    expect(converter.folded).toBe(2);
    expect(converter.repeatedIdCount).toBe(0);
  });

  it('refuses an ID repeated with only the amount changed', () => {
    const { problems } = run(
      [
        ['1', 'A', '10'],
        ['1', 'A', '12'],
      ],
      ['ID', 'Client', 'Amount'],
    );
    expect(problems.listed.map((p) => [p.code, p.line])).toEqual([['CONFLICTING_DUPLICATE', 3]]);
  });

  it('computes product rows as price × quantity exactly', () => {
    const { got } = run([['A', '999', 'x', '0,1', '3']], ['Client', 'Сумма', 'Товар', 'Цена', 'Количество']);
    // 0.1 × 3 = 0.3 exactly, not 0.30000000000000004
    expect([got[0]?.whole, got[0]?.micro]).toEqual([0, 300_000]);
  });

  it('records located problems and counts skipped rows', () => {
    const { problems, converter } = run([
      ['A', '12x', ''],
      ['', '5', ''],
      ['C', '5', '2026-13-45'],
    ]);
    expect(problems.count).toBe(3);
    expect(converter.skipped).toBe(3);
    expect(problems.listed.map((p) => [p.line, p.column, p.header])).toEqual([
      [2, 2, 'Amount'],
      [3, 1, 'Client'],
      [4, 3, 'Date'],
    ]);
  });

  it('lets waiting rows go in order once settled, trying only the first of them on each new row', () => {
    // A converter whose "a" rows wait until a row "settle" comes; "b" rows never wait.
    let settled = false;
    let calls = 0;
    const converter: RowConverter<string> = {
      convert: (fields) => {
        calls++;
        if (fields[0] === 'settle') settled = true;
        return fields[0] === 'a' && !settled ? AMBIGUOUS : `${fields[0]}${fields[1]}`;
      },
      ambiguityError: () => new Error('never') as never,
      useKinds: () => undefined,
    };
    const out: string[] = [];
    const feed = new RowFeed(converter, (r) => out.push(r));
    for (let i = 0; i < 2000; i++) feed.push([i % 2 === 0 ? 'a' : 'b', String(i)], i + 2);
    // Each row is read once, and the first waiting row tried again after each "b".
    expect(calls).toBe(2000 + 1000);
    feed.push(['settle', ''], 2002);
    feed.end();
    expect(out.slice(0, 3)).toEqual(['b1', 'b3', 'b5']);
    expect(out.filter((r) => r.startsWith('a'))).toEqual(Array.from({ length: 1000 }, (_, k) => `a${2 * k}`));
    expect(out.at(-1)).toBe('a1998');
  });
});
