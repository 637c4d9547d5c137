import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldText } from '../../src/io/byte-scanner.js';
import { readCsvRange } from '../../src/io/read-range.js';
import { lineStartsAfter, readTable } from '../../src/io/read-table.js';

// A file cut into byte ranges at line feeds (the parts `--threads` reads from their bytes) must
// read as the whole file does, or fail: a cut inside a quoted field is never taken for a
// record boundary. Records are generated and written out as RFC 4180 text, so where each
// record starts is known without a CSV reader. Seeded, so a failure repeats.
const PIECES = ['a', 'Z', '7', ' ', ',', ';', '"', '""', '\n', '\r\n', 'Ё', 'ж', '€', '😀', '1 234,56'];
const field = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(''));
const record = fc.array(field, { minLength: 2, maxLength: 4 });

const cases = fc.record({
  records: fc.array(record, { minLength: 2, maxLength: 40 }),
  delimiter: fc.constantFrom(',', ';'),
  crlf: fc.boolean(),
  parts: fc.integer({ min: 2, max: 6 }),
});

function writeField(value: string, delimiter: string): string {
  return value === '' || value.includes(delimiter) || /["\r\n]/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** The byte positions that cut `size` bytes into `parts` even shares. */
const evenShares = (size: number, parts: number): number[] =>
  Array.from({ length: parts - 1 }, (_, i) => Math.floor((size * (i + 1)) / parts));

const dir = mkdtempSync(join(tmpdir(), 'folio-ranges-'));
let fileNumber = 0;

describe('a CSV file read in byte ranges against the records written out', () => {
  it('reads every record on its line when each cut is a record start, and fails when one is not', async () => {
    let cutInsideRecord = 0;
    let cutAtRecords = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ records, delimiter, crlf, parts }) => {
        const end = crlf ? '\r\n' : '\n';
        const starts = new Set<number>();
        let text = '';
        let bytes = 0;
        for (const fields of records) {
          starts.add(bytes);
          const written = fields.map((f) => writeField(f, delimiter)).join(delimiter) + end;
          text += written;
          bytes += Buffer.byteLength(written);
        }
        const path = join(dir, `t${fileNumber++}.csv`);
        writeFileSync(path, text);

        const whole: [string[], number][] = [];
        await readTable(
          { path, name: path },
          { encoding: 'utf-8', delimiter, maxRecordLength: 1 << 20 },
          () => (f, line) => whole.push([f.slice(), line]),
        );
        expect(whole.map(([f]) => f)).toEqual(records);

        const cuts = await lineStartsAfter(path, bytes, evenShares(bytes, parts));
        const read: [string[], number][] = [];
        let failed = false;
        try {
          const first = await readTable(
            { path, name: path },
            { encoding: 'utf-8', delimiter, maxRecordLength: 1 << 20, stopAt: cuts[0] ?? bytes },
            () => (f, line) => read.push([f.slice(), line]),
          );
          let base = (first.nextLine ?? 1) - 1;
          for (let k = 0; k < cuts.length; k++) {
            const range = {
              path,
              file: path,
              start: cuts[k] as number,
              end: cuts[k + 1] ?? bytes,
              encoding: 'utf-8' as const,
              delimiter,
              maxRecordLength: 1 << 20,
            };
            const at = base;
            const utf8 = (b: Uint8Array, s: number, e: number): string =>
              Buffer.from(b.subarray(s, e)).toString('utf8');
            base +=
              (await readCsvRange(
                range,
                (r) => void read.push([Array.from({ length: r.count }, (_, i) => fieldText(r, i, utf8)), at + r.line]),
              )) - 1;
          }
        } catch {
          failed = true;
        }
        if (cuts.every((c) => starts.has(c))) {
          cutAtRecords++;
          expect(failed).toBe(false);
          expect(read).toEqual(whole);
        } else {
          cutInsideRecord++;
          expect(failed).toBe(true);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
    // Both kinds of cut were tried.
    expect(cutAtRecords).toBeGreaterThan(30);
    expect(cutInsideRecord).toBeGreaterThan(30);
  }, 60_000);

  it('cuts just after a line feed at or past each even share of the size, fewer when lines are long', async () => {
    const path = join(dir, 'cuts.csv');
    // Lines of 10 bytes: 0–9, 10–19, ...; the shares of 100 bytes in 4 are 25, 50, 75, and each cut follows the line feed ending the line it falls in.
    writeFileSync(path, 'abcdefghi\n'.repeat(10));
    expect(await lineStartsAfter(path, 100, evenShares(100, 4))).toEqual([30, 60, 80]);
    writeFileSync(path, `${'x'.repeat(90)}\nabcdefghi`);
    expect(await lineStartsAfter(path, 100, evenShares(100, 4))).toEqual([91]);
    writeFileSync(path, 'no line feed at all'.repeat(5));
    expect(await lineStartsAfter(path, 95, evenShares(95, 3))).toEqual([]);
  });
});
