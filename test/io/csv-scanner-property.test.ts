import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/io/csv-scanner.js';

// Records are generated first and written out as RFC 4180 text, so the expected reading is
// known without any CSV reader: the records themselves, each on the line its writing began
// on. Seeded, so a failure repeats.
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  'Ё',
  'ж',
  '€',
  '\u00a0',
  '😀',
  '1 234,56',
];
const field = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(''));
const record = fc.array(field, { minLength: 1, maxLength: 5 });

interface Case {
  records: string[][];
  delimiter: string;
  ends: string[];
  quoteAll: boolean;
  cuts: number[];
}

const cases: fc.Arbitrary<Case> = fc.record({
  records: fc.array(record, { minLength: 1, maxLength: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  ends: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 12, maxLength: 12 }),
  quoteAll: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
});

function writeField(value: string, delimiter: string, quoteAll: boolean): string {
  const needs = quoteAll || value === '' || value.includes(delimiter) || /["\r\n]/.test(value);
  return needs ? `"${value.replaceAll('"', '""')}"` : value;
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe('CsvScanner against records written out', () => {
  it('reads back every record, on the line it began, however the text is cut', () => {
    fc.assert(
      fc.property(cases, ({ records, delimiter, ends, quoteAll, cuts }) => {
        let text = '';
        let line = 1;
        const expected: [string[], number][] = [];
        records.forEach((fields, i) => {
          // A lone empty field is written quoted: an empty line is read as a record of no fields.
          const written = fields.map((f) => writeField(f, delimiter, quoteAll || fields.length === 1)).join(delimiter);
          expected.push([fields, line]);
          const end = ends[i % ends.length] as string;
          text += written + end;
          line += lineBreaks(written) + 1;
        });
        const out: [string[], number][] = [];
        const scanner = new CsvScanner({ file: 't.csv', delimiter, maxRecordLength: 1 << 20 }, (f, at) =>
          out.push([f.slice(), at]),
        );
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const cut of [...at, text.length]) {
          scanner.push(text.slice(from, cut));
          from = cut;
        }
        scanner.end();
        expect(out).toEqual(expected);
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
