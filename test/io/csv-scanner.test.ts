import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/io/csv-scanner.js';
import { FolioError } from '../../src/folio-error.js';
import { thrownMessage } from '../helpers/said.js';

function scan(chunks: string[], delimiter = ','): [string[], number][] {
  const out: [string[], number][] = [];
  const scanner = new CsvScanner({ file: 't.csv', delimiter, maxRecordLength: 1 << 20 }, (fields, line) =>
    out.push([fields.slice(), line]),
  );
  for (const c of chunks) scanner.push(c);
  scanner.end();
  return out;
}

describe('CsvScanner', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,,\n';
    expect(scan([text])).toEqual([
      [['a', 'b', 'c'], 1],
      [['x, y', 'say "hi"', 'two\nlines'], 2],
      [['last', '', ''], 4],
    ]);
  });

  it('treats CRLF, LF and lone CR as line ends, and an empty line as a record of no fields', () => {
    expect(scan(['a;b\r\n1;2\r\n\r\n3;4\r5;6'], ';')).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [[], 3],
      [['3', '4'], 4],
      [['5', '6'], 5],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'id;name;note\r\n1;"Ромашка; ООО";"line1\r\nline2"\r\n2;Beta;"q""uote"\r\n3;;\r\n';
    const whole = scan([text], ';');
    for (let cut = 0; cut <= text.length; cut++) {
      for (const second of [cut, Math.min(text.length, cut + 3)]) {
        expect(scan([text.slice(0, cut), text.slice(cut, second), text.slice(second)], ';')).toEqual(whole);
      }
    }
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(scan(['a,b\n12" pipe,ООО "Ромашка"\n'])[1]?.[0]).toEqual(['12" pipe', 'ООО "Ромашка"']);
  });

  it('names the line where an unterminated quote opened', () => {
    try {
      scan(['a,b\n1,"open\n2,3\n4,5\n']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).code).toBe('UNTERMINATED_QUOTE');
      expect((error as FolioError).line).toBe(2);
      expect((error as FolioError).column).toBe(2);
    }
  });

  it('refuses a record longer than the limit', () => {
    const scanner = new CsvScanner({ file: 't.csv', delimiter: ',', maxRecordLength: 10 }, () => {});
    expect(thrownMessage(() => scanner.push('a,"' + 'x'.repeat(50)))).toMatch(/runs over 10 characters/);
    const whole = new CsvScanner({ file: 't.csv', delimiter: ',', maxRecordLength: 10 }, () => {});
    expect(thrownMessage(() => whole.push('a,' + 'x'.repeat(50) + '\n'))).toMatch(/a record longer than 10 characters/);
  });

  it('refuses text after a closing quote', () => {
    expect(thrownMessage(() => scan(['a,b\n"x"y,1\n']))).toMatch(/closing quote/);
  });
});
