import { describe, expect, it } from 'vitest';
import { batched, CHUNK } from '../../src/render/chunks.js';
import { csvChunks } from '../../src/render/csv.js';
import type { DataTable, MachineRow } from '../../src/render/document.js';
import { ndjsonChunks } from '../../src/render/ndjson.js';

describe('batched', () => {
  it('joins pieces into chunks of at least the size, never cutting a piece', () => {
    // Pieces of 1 to 4 characters, some an emoji (a surrogate pair): a cut inside one would
    // leave a lone surrogate at a chunk's end.
    const pieces = Array.from({ length: 500 }, (_, i) => ['a', 'бв', '😀', 'x😀y'][i % 4] as string);
    const chunks = [...batched(pieces, 10)];
    expect(chunks.join('')).toBe(pieces.join(''));
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(10);
    // The longest piece is 4 characters, so a chunk passes the size by 3 at most.
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(13);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const c of chunks) expect(c).not.toMatch(loneSurrogate);
  });

  it('makes nothing of nothing, and one chunk of a text shorter than the size', () => {
    expect([...batched([])]).toEqual([]);
    expect([...batched(['a', 'b'])]).toEqual(['ab']);
  });

  it('makes the pieces only as they are taken: the first chunk comes before the rest are made', () => {
    let made = 0;
    function* pieces(): Generator<string> {
      for (let i = 0; i < 100; i++) {
        made++;
        yield 'x'.repeat(CHUNK / 4);
      }
    }
    const it = batched(pieces())[Symbol.iterator]();
    expect(it.next().value).toHaveLength(CHUNK);
    expect(made).toBe(4);
  });
});

/** Rows whose cells need every escape: quotes, a newline, a CR, a comma, Cyrillic, an emoji, a formula. */
function hostileRows(n: number): MachineRow[] {
  const names = [
    'Acme "Best"',
    'Line\nbreak',
    'Carriage\rreturn',
    'Comma, Inc',
    'ООО «Ромашка»',
    'Emoji 😀',
    '=SUM(A1)',
    '-5 days',
    'plain',
    'back\\slash',
  ];
  return Array.from({ length: n }, (_, i) => ({
    n: i,
    name: `${names[i % names.length] as string} ${i}`,
    amount: i % 7 === 0 ? null : i * 1.25,
    ok: i % 2 === 0,
  }));
}

/** A table of the rows, with the columns of `hostileRows`. */
const table = (section: string, rows: MachineRow[], keys = ['n', 'name', 'amount', 'ok']): DataTable => ({
  section,
  title: section,
  columns: keys.map((key) => ({ key, label: key, type: 'text' })),
  rows,
});

describe('the machine formats as chunks', () => {
  const rows = hostileRows(20_000);

  it('NDJSON: the chunks join into one JSON.stringify of each row per line (worked out independently)', () => {
    const chunks = [...ndjsonChunks([table('t', rows), table('other', rows.slice(0, 3))], false)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  });

  it('CSV: the chunks join into the RFC 4180 text, quoted where a cell needs it, formulas neutralised', () => {
    const chunks = [...csvChunks([table('t', rows), table('other', rows.slice(0, 3))], false)];
    expect(chunks.length).toBeGreaterThan(1);
    const text = chunks.join('');
    // The reference: each cell by the rules written out here, not by the module's own helper.
    const cell = (v: string | number | boolean | null): string => {
      if (v === null) return '';
      if (typeof v !== 'string') return String(v);
      const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      return /[",\r\n]/.test(s) ? `"${s.split('"').join('""')}"` : s;
    };
    const expected =
      [
        'n,name,amount,ok',
        ...rows.map((r) => [r.n, r.name, r.amount, r.ok].map((v) => cell(v ?? null)).join(',')),
      ].join('\n') + '\n';
    expect(text).toBe(expected);
    expect(text).toContain('\n2,"Carriage\rreturn 2",2.5,true\n');
    expect(text).toContain('\n1,"Line\nbreak 1",1.25,false\n');
    expect(text).toContain(`\n6,'=SUM(A1) 6,7.5,true\n`);
    expect(text).toContain('\n0,"Acme ""Best"" 0",,true\n');
  });

  it('NDJSON of sections: every table, each row with its section first, an empty row as the section alone', () => {
    const text = [
      ...ndjsonChunks(
        [table('a', [{ n: 1, name: 'x' }], ['n', 'name']), table('b', [], ['n']), table('c', [{}, { k: true }], ['k'])],
        true,
      ),
    ].join('');
    // Written out by hand: the tables in order, the empty one leaves no line.
    expect(text).toBe('{"section":"a","n":1,"name":"x"}\n{"section":"c"}\n{"section":"c","k":true}\n');
  });

  it('CSV of sections: one header of section and every column in the order first seen, empty where a table has no such column', () => {
    const text = [
      ...csvChunks(
        [
          table('a', [{ n: 1, name: 'x,y' }], ['n', 'name']),
          table('b', [{ name: 'z', when: '2026-10-01' }], ['name', 'when']),
        ],
        true,
      ),
    ].join('');
    expect(text).toBe('section,n,name,when\na,1,"x,y",\nb,,z,2026-10-01\n');
  });
});
