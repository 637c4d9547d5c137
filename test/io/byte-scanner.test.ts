import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteCsvScanner, fieldText, type ByteRecord } from '../../src/io/byte-scanner.js';
import { CsvScanner } from '../../src/io/csv-scanner.js';
import { FolioError } from '../../src/folio-error.js';
import { english } from '../helpers/said.js';

type Decode = (bytes: Uint8Array, start: number, end: number) => string;

interface Encoding {
  name: string;
  encode: (text: string) => Uint8Array;
  decode: Decode;
  /** A fresh streaming decoder, so that text chunks are cut where the bytes were. */
  stream: () => (bytes: Uint8Array, last: boolean) => string;
}

function textEncoding(label: string, encode: (text: string) => Uint8Array): Encoding {
  const whole = new TextDecoder(label, { ignoreBOM: true });
  return {
    name: label,
    encode,
    decode: (bytes, start, end) => whole.decode(bytes.subarray(start, end)),
    stream: () => {
      const decoder = new TextDecoder(label, { ignoreBOM: true });
      return (bytes, last) => decoder.decode(bytes, { stream: !last });
    },
  };
}

const UTF8 = textEncoding('utf-8', (text) => new TextEncoder().encode(text));

// windows-1251 is encoded through the table its decoder gives, so the test needs no encoder
// of its own to trust.
const CP1251_BYTE = new Map<string, number>();
{
  const decoded = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...decoded].forEach((ch, byte) => {
    if (ch !== '\ufffd' && !CP1251_BYTE.has(ch)) CP1251_BYTE.set(ch, byte);
  });
}
const CP1251 = textEncoding('windows-1251', (text) =>
  Uint8Array.from([...text], (ch) => {
    const byte = CP1251_BYTE.get(ch);
    if (byte === undefined) throw new Error(`not in windows-1251: ${ch}`);
    return byte;
  }),
);

/** The sorted, distinct cut positions of `cuts` within a text of `length`. */
function cutPoints(cuts: number[], length: number): number[] {
  return [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
}

function pieces(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cutPoints(cuts, bytes.length), bytes.length]) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  return out;
}

interface Outcome {
  records: [string[], number][];
  error?: { code: string; line: number | undefined; column: number | undefined; says: string | undefined };
  /** currentLine after end(), when nothing failed. */
  lastLine?: number;
}

function failure(error: unknown): Outcome['error'] {
  if (!(error instanceof FolioError)) throw error;
  return { code: error.code, line: error.line, column: error.column, says: error.says?.id };
}

/**
 * Feeds each chunk through a scratch buffer that is overwritten after `push`, as a reader
 * using readSync into one buffer does: a scanner keeping spans into a chunk would fail here.
 */
function byteScan(
  chunks: Uint8Array[],
  delimiter: string,
  decode: Decode,
  maxRecordLength = 1 << 20,
  quotedOut?: number[][],
): Outcome {
  const records: [string[], number][] = [];
  const scanner = new ByteCsvScanner(
    { file: 't.csv', delimiter: delimiter.charCodeAt(0), maxRecordLength },
    (r: ByteRecord) => {
      records.push([Array.from({ length: r.count }, (_, i) => fieldText(r, i, decode)), r.line]);
      quotedOut?.push(Array.from(r.quoted.subarray(0, r.count)));
    },
  );
  const scratch = new Uint8Array(Math.max(1, ...chunks.map((c) => c.length)) + 8);
  try {
    for (const chunk of chunks) {
      const offset = chunk.length % 7;
      scratch.set(chunk, offset);
      scanner.push(scratch.subarray(offset, offset + chunk.length));
      scratch.fill(0x41);
    }
    scanner.end();
  } catch (error) {
    return { records, error: failure(error) };
  }
  return { records, lastLine: scanner.currentLine };
}

function textScan(chunks: string[], delimiter: string, maxRecordLength = 1 << 20): Outcome {
  const records: [string[], number][] = [];
  const scanner = new CsvScanner({ file: 't.csv', delimiter, maxRecordLength }, (f, at) =>
    records.push([f.slice(), at]),
  );
  try {
    for (const chunk of chunks) scanner.push(chunk);
    scanner.end();
  } catch (error) {
    return { records, error: failure(error) };
  }
  return { records, lastLine: scanner.currentLine };
}

/** The text chunks a streaming decoder makes of the byte chunks. */
function decodedChunks(chunks: Uint8Array[], encoding: Encoding): string[] {
  const decode = encoding.stream();
  return chunks.map((chunk, i) => decode(chunk, i === chunks.length - 1));
}

// Records are generated and written out as RFC 4180 text, then encoded: the expected reading is
// the records themselves, each on the line its writing began on (as in
// csv-scanner-property.test.ts), and CsvScanner over the decoded text must read the same.
const UTF8_PIECES = [
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
const CP1251_PIECES = [
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
  'Я',
  '№',
  '\u00a0',
  '1 234,56',
];

interface Table {
  records: string[][];
  delimiter: string;
  ends: string[];
  quoteAll: boolean;
  cuts: number[];
}

function tables(alphabet: string[]): fc.Arbitrary<Table> {
  const field = fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((parts) => parts.join(''));
  return fc.record({
    records: fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    ends: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 12, maxLength: 12 }),
    quoteAll: fc.boolean(),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  });
}

function mustQuote(value: string, delimiter: string, quoteAll: boolean): boolean {
  return quoteAll || value === '' || value.includes(delimiter) || /["\r\n]/.test(value);
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function writtenRecordsReadBack(encoding: Encoding, alphabet: string[], seed: number): void {
  fc.assert(
    fc.property(tables(alphabet), ({ records, delimiter, ends, quoteAll, cuts }) => {
      let text = '';
      let line = 1;
      const expected: [string[], number][] = [];
      const expectedQuoted: number[][] = [];
      records.forEach((fields, i) => {
        // A lone empty field is written quoted: an empty line is read as a record of no fields.
        const quote = fields.map((f) => mustQuote(f, delimiter, quoteAll || fields.length === 1));
        const written = fields.map((f, k) => (quote[k] ? `"${f.replaceAll('"', '""')}"` : f)).join(delimiter);
        expected.push([fields, line]);
        expectedQuoted.push(fields.map((f, k) => (!quote[k] ? 0 : f.includes('"') ? 2 : 1)));
        text += written + (ends[i % ends.length] as string);
        line += lineBreaks(written) + 1;
      });
      const chunks = pieces(encoding.encode(text), cuts);
      const quoted: number[][] = [];
      const bytes = byteScan(chunks, delimiter, encoding.decode, 1 << 20, quoted);
      expect(bytes.records).toEqual(expected);
      expect(quoted).toEqual(expectedQuoted);
      expect(bytes).toEqual(textScan(decodedChunks(chunks, encoding), delimiter));
      expect(bytes.lastLine).toBe(line);
    }),
    { numRuns: 3000, seed },
  );
}

describe('ByteCsvScanner against records written out', () => {
  it('reads back every UTF-8 record on the line it began, cut at any byte, as CsvScanner does', () => {
    writtenRecordsReadBack(UTF8, UTF8_PIECES, 20261206);
  });

  it('does the same for windows-1251 text', () => {
    expect(CP1251.encode('Ёж№')).toEqual(Uint8Array.of(0xa8, 0xe6, 0xb9));
    writtenRecordsReadBack(CP1251, CP1251_PIECES, 20261207);
  });
});

describe('ByteCsvScanner against CsvScanner on any text', () => {
  const soup = (parts: string[]) =>
    fc.record({
      text: fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((p) => p.join('')),
      delimiter: fc.constantFrom(',', ';'),
      cuts: fc.array(fc.nat(), { maxLength: 6 }),
    });

  it('reads the same records, or fails with the same error, on the same line', () => {
    fc.assert(
      fc.property(soup(['a', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'Ж']), ({ text, delimiter, cuts }) => {
        const chunks = pieces(UTF8.encode(text), cuts);
        expect(byteScan(chunks, delimiter, UTF8.decode)).toEqual(textScan(decodedChunks(chunks, UTF8), delimiter));
      }),
      { numRuns: 4000, seed: 20261208 },
    );
  });

  // In ASCII a byte is a character, so with the text cut at the same places a limit in bytes
  // is CsvScanner's limit in characters, held records and all.
  it('refuses the same over-long records as CsvScanner when bytes are characters', () => {
    fc.assert(
      fc.property(
        soup(['ab', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ']),
        fc.nat({ max: 24 }),
        ({ text, delimiter, cuts }, max) => {
          const at = [...cutPoints(cuts, text.length), text.length];
          const textChunks = at.map((cut, i) => text.slice(i === 0 ? 0 : at[i - 1], cut));
          const expected = textScan(textChunks, delimiter, max);
          const actual = byteScan(pieces(UTF8.encode(text), cuts), delimiter, UTF8.decode, max);
          expect(actual.records).toEqual(expected.records);
          expect(actual.lastLine).toEqual(expected.lastLine);
          // The limit is named in bytes rather than characters; everything else is the same.
          expect(actual.error).toEqual(expected.error);
        },
      ),
      { numRuns: 4000, seed: 20261209 },
    );
  });
});

describe('ByteCsvScanner', () => {
  const enc = new TextEncoder();
  function scan(
    chunks: string[],
    delimiter = ',',
    max = 1 << 20,
  ): { fields: string[]; quoted: number[]; line: number }[] {
    const out: { fields: string[]; quoted: number[]; line: number }[] = [];
    const scanner = new ByteCsvScanner(
      { file: 't.csv', delimiter: delimiter.charCodeAt(0), maxRecordLength: max },
      (r) =>
        out.push({
          fields: Array.from({ length: r.count }, (_, i) => fieldText(r, i, UTF8.decode)),
          quoted: Array.from(r.quoted.subarray(0, r.count)),
          line: r.line,
        }),
    );
    for (const c of chunks) scanner.push(enc.encode(c));
    scanner.end();
    return out;
  }

  function thrown(run: () => unknown): FolioError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(FolioError);
      return error as FolioError;
    }
    return expect.unreachable('no error');
  }

  it('reads an empty line as a record of no fields', () => {
    expect(scan(['a\n\nb\n'])).toEqual([
      { fields: ['a'], quoted: [0], line: 1 },
      { fields: [], quoted: [], line: 2 },
      { fields: ['b'], quoted: [0], line: 3 },
    ]);
  });

  it('tells quoted fields apart from unquoted ones', () => {
    expect(scan(['a,"b,c",d\n'])).toEqual([{ fields: ['a', 'b,c', 'd'], quoted: [0, 1, 0], line: 1 }]);
  });

  it('reads doubled quotes as one and marks the field for it', () => {
    expect(scan(['"x""y"\n'])).toEqual([{ fields: ['x"y'], quoted: [2], line: 1 }]);
  });

  it('reads a CR ending one chunk and an LF starting the next as one line end', () => {
    expect(scan(['a,b\r', '\nc,d\r', 'e\n'])).toEqual([
      { fields: ['a', 'b'], quoted: [0, 0], line: 1 },
      { fields: ['c', 'd'], quoted: [0, 0], line: 2 },
      { fields: ['e'], quoted: [0], line: 3 },
    ]);
  });

  it('counts line breaks inside a quoted field, a lone CR among them', () => {
    expect(scan(['"a\rb\r', '\nc",x\nnext\n'])).toEqual([
      { fields: ['a\rb\r\nc', 'x'], quoted: [1, 0], line: 1 },
      { fields: ['next'], quoted: [0], line: 4 },
    ]);
  });

  it('keeps a record cut by chunk ends whole, though the chunk memory is reused', () => {
    const chunks = 'id;name\n1;"Ромашка; ""ООО"""\n'.split('').map((ch) => enc.encode(ch));
    expect(byteScan(chunks, ';', UTF8.decode).records).toEqual([
      [['id', 'name'], 1],
      [['1', 'Ромашка; "ООО"'], 2],
    ]);
  });

  it('names the line where an unterminated quote opened', () => {
    const error = thrown(() => scan(['a,b\n1,"open\n2,3\n', '4,5\n']));
    expect(error.code).toBe('UNTERMINATED_QUOTE');
    expect(error.line).toBe(2);
    expect(error.column).toBe(2);
  });

  it('refuses a record over the limit in bytes', () => {
    // Six characters, but twelve bytes in UTF-8.
    expect(scan(['жжжжжж\n'], ',', 12)).toHaveLength(1);
    const error = thrown(() => scan(['ok\nжжжжжжж\n'], ',', 12));
    expect(error.code).toBe('RECORD_TOO_LONG');
    expect(error.line).toBe(2);
    expect(english(error).message).toMatch(/12 bytes/);
    const open = thrown(() => scan(['a,"', 'x'.repeat(50)], ',', 10));
    expect(open.code).toBe('UNTERMINATED_QUOTE');
    expect(open.says?.id).toBe('UNTERMINATED_QUOTE_LIMIT');
  });

  it('refuses text after a closing quote, on the line of that quote, quoting it', () => {
    const error = thrown(() => scan(['a,b\n"x\r\n', 'x"y,1\n']));
    expect(error.code).toBe('TEXT_AFTER_QUOTE');
    expect(error.line).toBe(3);
    expect(error.column).toBe(1);
    expect(error.value).toBe('y,1\n');
  });

  it('takes Buffers as well as plain byte arrays', () => {
    const records: string[][] = [];
    const scanner = new ByteCsvScanner({ file: 't.csv', delimiter: 0x3b, maxRecordLength: 100 }, (r) =>
      records.push(Array.from({ length: r.count }, (_, i) => fieldText(r, i, UTF8.decode))),
    );
    const file = Buffer.from('x;Ёж\n"1;2";3');
    scanner.push(file.subarray(0, 5));
    scanner.push(file.subarray(5));
    scanner.end();
    expect(records).toEqual([
      ['x', 'Ёж'],
      ['1;2', '3'],
    ]);
  });

  it('grows its field arrays for a wide record', () => {
    const wide = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? `"${i}"` : `${i}`)).join(',');
    const [record] = scan([`${wide}\n`]);
    expect(record?.fields).toEqual(Array.from({ length: 100 }, (_, i) => `${i}`));
  });
});
