import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteCsvScanner, fieldText, type ByteRecord } from '../../src/io/byte-scanner.js';
import { fnvBytes } from '../../src/normalize/byte-interner.js';
import { FusedDealWalker } from '../../src/load/deal-fused.js';

// The fused walk reads the lines of the common shape itself and hands every other line to
// the byte scanner. Held here to the scanner alone, on random tables cut into random chunks:
// the same records on the same lines with the same fields, and the hash of each kept field
// the one the interner would take (fnvBytes of its bytes).

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const decode = (bytes: Uint8Array, start: number, end: number): string => decoder.decode(bytes.subarray(start, end));
const WIDTH = 5;
const HASHED = [1, 3];

interface Seen {
  line: number;
  fields: string[];
  walked: boolean;
}

function copy(r: ByteRecord): string[] {
  return Array.from({ length: r.count }, (_, f) => fieldText(r, f, decode));
}

/** The records of `bytes` as the byte scanner reads them in one push. */
function byScanner(bytes: Uint8Array): { records: Seen[]; line: number } {
  const records: Seen[] = [];
  const scanner = new ByteCsvScanner({ file: 't.csv', delimiter: 44, maxRecordLength: 1000 }, (r) =>
    records.push({ line: r.line, fields: copy(r), walked: false }),
  );
  scanner.push(bytes);
  scanner.end();
  return { records, line: scanner.currentLine };
}

/** The records as the walk (with the scanner behind it) reads them, fed in chunks cut at `cuts`, each in one reused buffer. */
function byWalk(bytes: Uint8Array, cuts: number[]): { records: Seen[]; line: number; badHash: string[] } {
  const records: Seen[] = [];
  const badHash: string[] = [];
  const handle = (r: ByteRecord, hashes: Int32Array | null): void => {
    if (hashes !== null) {
      for (const f of HASHED) {
        if (f >= r.count) continue;
        const want = fnvBytes(r.bytes, r.start[f] as number, r.end[f] as number);
        if (hashes[f] !== want) badHash.push(`line ${r.line} field ${f}`);
      }
      for (let f = 0; f < r.count; f++) if (r.quoted[f] !== 0) badHash.push(`line ${r.line}: a quoted field walked`);
    }
    records.push({ line: r.line, fields: copy(r), walked: hashes !== null });
  };
  const scanner = new ByteCsvScanner({ file: 't.csv', delimiter: 44, maxRecordLength: 1000 }, (r) => handle(r, null));
  const walker = new FusedDealWalker(
    scanner,
    { delimiter: 44, fields: WIDTH, hashed: HASHED, maxRecordLength: 1000 },
    handle,
  );
  const buffer = new Uint8Array(bytes.length);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut <= at) continue;
    buffer.set(bytes.subarray(at, cut));
    walker.push(buffer.subarray(0, cut - at));
    // What the walk was handed is overwritten before the next chunk, as a file read's buffer is.
    buffer.fill(0x7e);
    at = cut;
  }
  walker.end();
  return { records, line: walker.currentLine, badHash };
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9 .Я]{0,6}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z",\r\n]{0,5}$/).map((s) => `"${s.replaceAll('"', '""')}"`) },
  // A quote inside an unquoted field is a character like any other.
  { weight: 1, arbitrary: fc.constant('a"b') },
);
const row = fc.array(cell, { minLength: 0, maxLength: WIDTH + 2 });
const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r');
const table = fc
  .array(fc.tuple(row, ending), { minLength: 1, maxLength: 40 })
  .map((rows) => new TextEncoder().encode(rows.map(([cells, end]) => cells.join(',') + end).join('')));

describe('FusedDealWalker', () => {
  it('reads every record as the byte scanner does, on the same line, however the chunks are cut', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (bytes, rawCuts, lastEnds) => {
        // Half the tables end without a line end: the last record is then closed by `end`.
        const input = lastEnds ? bytes : bytes.subarray(0, bytes.length - 1);
        const cuts = rawCuts.map((c) => c % (input.length + 1)).sort((a, b) => a - b);
        const want = byScanner(input);
        const got = byWalk(input, cuts);
        expect(got.badHash).toEqual([]);
        expect(got.records.map(({ line, fields }) => ({ line, fields }))).toEqual(
          want.records.map(({ line, fields }) => ({ line, fields })),
        );
        expect(got.line).toBe(want.line);
      }),
      { numRuns: 3000, seed: 31 },
    );
  });

  it('walks the plain lines itself and leaves quoted, lone-CR, empty and over-wide ones to the scanner', () => {
    const text = 'a,b,c\r\n"q",b\nx,y\rlong,1,2,3,4,5,6\n\nend,Я\n';
    const got = byWalk(new TextEncoder().encode(text), []);
    expect(got.records.map((r) => [r.line, r.walked, r.fields.join('|')])).toEqual([
      [1, true, 'a|b|c'],
      [2, false, 'q|b'],
      [3, false, 'x|y'],
      [4, false, 'long|1|2|3|4|5|6'],
      [5, false, ''],
      [6, true, 'end|Я'],
    ]);
    expect(got.line).toBe(7);
  });
});
