import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Column, type Doc, type Paint, plain } from '../../src/render/document.js';
import { renderTable } from '../../src/render/table.js';

/**
 * The independent method: the same table drawn by cli-table3 with the options folio used
 * before it aligned plain cells itself (borderless, no padding, two spaces between columns).
 */
function byCliTable3(title: string, columns: Column[], rows: string[][], paint: Paint): string {
  const table = new Table({
    head: columns.map((c) => paint('strong', c.label)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(row);
  const lines = table
    .toString()
    .split('\n')
    .map((l) => `  ${l.trimEnd()}`);
  return `${paint('strong', 'T')}\n\n${paint('strong', title)}\n${lines.join('\n')}\n`;
}

function doc(title: string, columns: Column[], rows: string[][]): Doc {
  return { title: 'T', sections: [{ kind: 'table', title, columns, rows }] };
}

/** chalk's level-1 codes, as the colour painter writes them. */
const ansi: Paint = (tone, text) => (tone === 'strong' ? `\x1b[1m${text}\x1b[22m` : `\x1b[90m${text}\x1b[39m`);

const COLUMNS: Column[] = [{ label: '#', align: 'right' }, { label: 'Client' }, { label: 'Revenue', align: 'right' }];

describe('renderTable', () => {
  it('aligns a small table as worked out by hand: right-aligned numbers, left-aligned names, two spaces between', () => {
    const text = renderTable(
      doc('Share', COLUMNS, [
        ['1', 'Acme', '1,200.50'],
        ['10', 'Бета', '7'],
      ]),
      plain,
    );
    expect(text).toBe('T\n\nShare\n   #  Client   Revenue\n   1  Acme    1,200.50\n  10  Бета           7\n');
  });

  it('draws every one-cell character it aligns itself as cli-table3 does', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x400, 0x4ff],
      [0x2010, 0x2027],
      [0x2030, 0x205e],
      [0x20a0, 0x20bf],
      [0x2116, 0x2116],
      [0x2580, 0x259f],
    ];
    let checked = 0;
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        const rows = [
          [ch, `${ch}x`, 'abc'],
          ['22', ch, `${ch}${ch}`],
        ];
        expect(renderTable(doc('c', COLUMNS, rows), plain), `U+${cp.toString(16)}`).toBe(
          byCliTable3('c', COLUMNS, rows, plain),
        );
        checked++;
      }
    }
    expect(checked).toBe(95 + 432 + 256 + 24 + 47 + 32 + 1 + 32);
  });

  it('leaves wide, combining and multi-line cells to cli-table3', () => {
    for (const name of ['株式会社テスト', 'e\u0301cole', 'two\nlines', 'tab\there', '😀 smile']) {
      const rows = [
        ['1', name, '5'],
        ['2', 'Plain', '10'],
      ];
      expect(renderTable(doc('w', COLUMNS, rows), plain), JSON.stringify(name)).toBe(
        byCliTable3('w', COLUMNS, rows, plain),
      );
    }
  });

  it('agrees with cli-table3 on random tables of one-cell text, with and without colour codes', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', '9', ' ', '.', ',', 'ж', 'Ё', '—', '█', '▏', '№', '€', 'é', '%'),
      maxLength: 12,
    });
    const shape = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.record({
        columns: fc.array(
          fc.record({ label: text, align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined) }),
          { minLength: n, maxLength: n },
        ),
        rows: fc.array(fc.array(text, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
        coloured: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(shape, ({ columns, rows, coloured }) => {
        const paint = coloured ? ansi : plain;
        const cols = columns.map((c) =>
          c.align === undefined ? { label: c.label } : { label: c.label, align: c.align },
        );
        const painted = rows.map((row) => row.map((t, i) => (coloured && i % 2 === 0 ? paint('muted', t) : t)));
        expect(renderTable(doc('r', cols, painted), paint)).toBe(byCliTable3('r', cols, painted, paint));
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderTable on a long queue', () => {
  it('draws 300,000 plain rows without overflowing the stack', () => {
    // Spreading every row into one push() call overflowed the stack past about 130,000 rows
    // (exit 70 on `folio leads` of 200,000 leads). The expected line count is the title lines
    // of doc() (3), the header and one line a row. (cli-table3 is given at most 5,000 rows at
    // once; the next test checks those batches.)
    const columns: Column[] = [{ label: 'Lead' }, { label: 'Amount', align: 'right' }];
    const n = 300_000;
    const rows = Array.from({ length: n }, (_, i) => [`Lead ${i}`, String(i)]);
    expect(renderTable(doc('Queue', columns, rows), plain).split('\n').length).toBe(3 + 1 + n + 1);
  });

  it('draws a long table through cli-table3 in batches exactly as one cli-table3 table', () => {
    // 2,400 rows in batches of 500 (five batches; the same code draws 5,000-row batches of a real
    // queue) with a wide name, a combining accent and a two-line cell far from the first batch,
    // so the batches' widths differ; one table of them all, drawn by cli-table3, is the expected text.
    const columns: Column[] = [{ label: 'Lead' }, { label: 'Client' }, { label: 'Amount', align: 'right' }];
    const rows = Array.from({ length: 2_400 }, (_, i) => [
      `Lead ${i}`,
      i % 7 === 0 ? 'Cafe\u0301' : `C${i % 97}`,
      String(i * 13),
    ]);
    rows[3] = ['リード', 'x', '1'];
    rows[2_200] = ['Lead with a very long name indeed', 'two\nlines', '7'];
    const batched = renderTable(doc('Queue', columns, rows), plain, 500);
    expect(batched).toBe(byCliTable3('Queue', columns, rows, plain));
    // The batches are real: the same rows in one batch draw the same text.
    expect(renderTable(doc('Queue', columns, rows), plain, 10_000)).toBe(batched);
  });
});
