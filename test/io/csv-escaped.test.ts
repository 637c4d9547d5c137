import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/io/csv-scanner.js';
import { sniffEscape } from '../../src/io/sniff-escape.js';
import { sniffDelimiter } from '../../src/io/sniff-delimiter.js';
import { thrownMessage } from '../helpers/said.js';

// Backslash-escaped CSV as database dumps write it (MySQL's INTO OUTFILE, PostgreSQL's text
// COPY): records are generated first and written out by a writer of this test's own, so the
// expected reading is the records themselves (NULL read as an empty cell), each on its line.

function read(text: string, delimiter: string, cuts: number[] = []): [string[], number][] {
  const out: [string[], number][] = [];
  const scanner = new CsvScanner({ file: 't.csv', delimiter, maxRecordLength: 1 << 20, escape: 'backslash' }, (f, at) =>
    out.push([f.slice(), at]),
  );
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    scanner.push(text.slice(from, cut));
    from = cut;
  }
  scanner.end();
  return out;
}

describe('CsvScanner with backslash escapes', () => {
  it('reads \\" and "" as quotes, \\\\ as a backslash, \\N alone as empty, \\n \\t as control characters', () => {
    const text =
      '1,"ООО \\"Ромашка\\"",\\N,"a ""b"""\n' + '2,C:\\\\dir\\\\,"line\\nnext\\ttab",x\\,y\n' + '3,\\N,N\\N,"\\N"\n';
    expect(read(text, ',')).toEqual([
      [['1', 'ООО "Ромашка"', '', 'a "b"'], 1],
      [['2', 'C:\\dir\\', 'line\nnext\ttab', 'x,y'], 2],
      // `\N` is NULL only alone and unquoted: inside a value it is the letter N.
      [['3', '', 'NN', 'N'], 3],
    ]);
  });

  it('an escaped line feed is part of the value, and the next record starts on the line after it', () => {
    expect(read('a,b\\\nc,d\ne,f\n', ',')).toEqual([
      [['a', 'b\nc', 'd'], 1],
      [['e', 'f'], 3],
    ]);
  });

  it('stops at a quoted field never closed, and at text after a closing quote', () => {
    expect(thrownMessage(() => read('1,"abc\\"\n', ','))).toMatch(/never closed/);
    expect(thrownMessage(() => read('1,"ab"c,2\n', ','))).toMatch(/text follows the closing quote/);
  });

  const PIECES = ['a', 'Ж', '7', ' ', ',', ';', '\t', '"', '\\', '\n', '\r', 'N', '€', '😀'];
  const value = fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')) },
  );
  const record = fc.array(value, { minLength: 1, maxLength: 5 });

  /** A field as a dump writes it: NULL as \N; quoted with \" and \\; or bare with the delimiter, line ends and backslash escaped. */
  function writeField(v: string | null, delimiter: string, quoted: boolean, lone: boolean): string {
    if (v === null) return '\\N';
    const escaped = v
      .replaceAll('\\', '\\\\')
      .replaceAll('\n', '\\n')
      .replaceAll('\r', '\\r')
      .replaceAll('\t', delimiter === '\t' || quoted ? '\\t' : '\t');
    if (quoted || (lone && v === '')) return `"${escaped.replaceAll('"', '\\"')}"`;
    return escaped.replaceAll(delimiter, `\\${delimiter}`).replace(/^"/, '\\"');
  }

  it('reads back every record, on its line, however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 4 }),
        (records, delimiter, quoteAll, end, cuts) => {
          const text = records
            .map((r) => r.map((v) => writeField(v, delimiter, quoteAll, r.length === 1)).join(delimiter) + end)
            .join('');
          const expected = records.map((r, i): [string[], number] => [r.map((v) => v ?? ''), i + 1]);
          // A record of one NULL reads as an empty line would: a record of one empty field.
          const got = read(
            text,
            delimiter,
            [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b),
          ).map(([f, at]): [string[], number] => [f.length === 0 ? [''] : f, at]);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});

describe('telling the escaping from a sample', () => {
  it('a \\" that breaks RFC 4180 reading, and reads clean escaped: backslash', () => {
    expect(sniffEscape('id,client\n1,"ООО \\"Ромашка\\""\n2,Acme\n', true)).toBe('backslash');
  });

  it('\\N cells: backslash, even without a quote', () => {
    expect(sniffEscape('1\tAcme\t\\N\n2\tGlobex\t5\n', true)).toBe('backslash');
  });

  it('RFC 4180 files stay double: a path ending in a backslash, \\N inside a word, no backslash at all', () => {
    expect(sniffEscape('client,path\nAcme,"C:\\dir\\"\nGlobex,"D:\\"\n', true)).toBe('double');
    expect(sniffEscape('client,note\nAcme,see \\Notes\n', true)).toBe('double');
    expect(sniffEscape('client,note\nAcme,"a ""quoted"" word"\n', true)).toBe('double');
  });

  it('a sample cut inside a quoted field is not a break', () => {
    expect(sniffEscape('client,note\nAcme,"open and\\ not closed', false)).toBe('double');
  });

  it('the delimiter is counted under the escaping: an escaped ; is no delimiter', () => {
    const dump = 'a;b;c\n1;x\\;y;2\n3;"q \\"r\\" ; s";4\n5;t;6\n';
    expect(sniffDelimiter(dump, true, 'backslash')).toBe(';');
  });
});
