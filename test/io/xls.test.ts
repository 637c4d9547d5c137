import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryContext } from '../helpers/memory-context.js';
import { FolioError } from '../../src/folio-error.js';
import { readTable, sourceOf, type TableFormat } from '../../src/io/read-table.js';
import { serialOf, xlsFile, type XlsSheet } from '../e2e/xls-fixtures.js';
import { windows1251 } from '../e2e/workbook-fixtures.js';
import { english, rejectedMessage } from '../helpers/said.js';

const dir = mkdtempSync(join(tmpdir(), 'folio-xls-'));
let n = 0;

async function read(
  bytes: Buffer,
  options: { sheet?: string; encoding?: 'windows-1252' } = {},
): Promise<{ format: TableFormat; rows: { line: number; fields: string[]; numbers: number[] }[] }> {
  const file = join(dir, `t${n++}.xls`);
  writeFileSync(file, bytes);
  const rows: { line: number; fields: string[]; numbers: number[] }[] = [];
  const format = await readTable(
    sourceOf(file),
    { maxRecordLength: 1 << 20, ...options },
    () => (fields, line, kinds) => {
      rows.push({
        line,
        fields: [...fields],
        numbers: fields.flatMap((_, i) => (kinds?.[i] === 1 ? [i] : [])),
      });
    },
  );
  return { format, rows };
}

const sales: XlsSheet = {
  name: 'Продажи',
  rows: [
    ['Отчёт о продажах'],
    [],
    ['Клиент', 'Сумма', 'Дата', 'Проведён'],
    ['ООО Ромашка', 1234.5, { date: serialOf(2024, 10, 5) }, { bool: true }],
    ['Лютик', { rk: 700 }, { date: serialOf(2024, 11, 30) }, { formula: 'да' }],
    ['Итого', { formula: 1934.5 }, null, null],
  ],
  merges: [[0, 0, 0, 3]],
};
const other: XlsSheet = {
  name: 'Other',
  rows: [
    ['client', 'amount'],
    ['Acme', 10],
  ],
};

describe('.xls (BIFF8) reading', () => {
  it('reads strings from the string table, numbers, RK numbers, dates under a date format, formulas and booleans', async () => {
    const { format, rows } = await read(xlsFile([sales, other], { dateFormat: 'dd.mm.yyyy' }));
    expect(format).toMatchObject({ kind: 'xls', sheet: 'Продажи', sheets: ['Продажи', 'Other'], encoding: 'utf-16le' });
    // Row 2 is empty in the sheet: no record. Serial 45570 is 2024-10-05 (by serialOf, an independent count from 1899-12-30).
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4, 5, 6]);
    expect(rows[2]?.fields).toEqual(['ООО Ромашка', '1234.5', '2024-10-05', 'true']);
    expect(rows[3]?.fields).toEqual(['Лютик', '700', '2024-11-30', 'да']);
    expect(rows[4]?.fields).toEqual(['Итого', '1934.5', '', '']);
    // Numbers are typed; the date is not a number.
    expect(rows[2]?.numbers).toEqual([1]);
    expect(format.merges).toEqual([{ top: 1, bottom: 1, left: 0, right: 3 }]);
  });

  it('picks a sheet by name or number', async () => {
    const bytes = xlsFile([sales, other]);
    for (const sheet of ['Other', '2', 'other'])
      expect((await read(bytes, { sheet })).rows[1]?.fields).toEqual(['Acme', '10']);
    expect(await rejectedMessage(read(bytes, { sheet: 'Nope' }))).toContain('its sheets are 1 "Продажи", 2 "Other"');
  });

  it('reads a string table split over CONTINUE records, 8-bit and UTF-16 strings alike', async () => {
    // 400 strings of 60 characters (some Cyrillic, stored as UTF-16): over 8224 bytes, so the table continues.
    const names = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0 ? `Клиент ${i} `.padEnd(60, 'ж') : `Client ${i} `.padEnd(60, 'x'),
    );
    const sheet: XlsSheet = { name: 'S', rows: [['client', 'amount'], ...names.map((c, i) => [c, i])] };
    const { rows } = await read(xlsFile([sheet]));
    expect(rows.slice(1).map((r) => r.fields[0])).toEqual(names);
  });

  it('reads a small workbook kept in the mini stream', async () => {
    const { rows } = await read(xlsFile([other], { mini: true }));
    expect(rows.map((r) => r.fields)).toEqual([
      ['client', 'amount'],
      ['Acme', '10'],
    ]);
  });
});

describe('code pages of 8-bit text', () => {
  const russian: XlsSheet = {
    name: 'Лист1',
    rows: [
      ['Контрагент', 'Сумма продаж'],
      ['ООО «Ромашка»', 15000],
      ['Общество с ограниченной ответственностью Василёк', 2500],
    ],
  };

  it('guesses Windows-1251 for 1C text without a CODEPAGE record (BIFF8, 8-bit strings)', async () => {
    const { format, rows } = await read(xlsFile([russian], { codePage: null, compressed: true, encode8: windows1251 }));
    expect(format).toMatchObject({ encoding: 'windows-1251', encodingReason: 'letter-statistics', sheet: 'Лист1' });
    expect(rows[2]?.fields[0]).toBe('Общество с ограниченной ответственностью Василёк');
  });

  it('takes the code page a BIFF5 workbook names, guesses it without one, and --encoding overrides', async () => {
    const named = await read(xlsFile([russian], { biff: 5, codePage: 1251, encode8: windows1251 }));
    expect(named.format).toMatchObject({ encoding: 'windows-1251', encodingReason: 'code-page-record' });
    expect(named.rows[1]?.fields).toEqual(['ООО «Ромашка»', '15000']);
    const guessed = await read(xlsFile([russian], { biff: 5, codePage: null, encode8: windows1251 }));
    expect(guessed.format.encodingReason).toBe('letter-statistics');
    expect(guessed.rows[0]?.fields).toEqual(['Контрагент', 'Сумма продаж']);
    const forced = await read(xlsFile([russian], { biff: 5, codePage: 1251, encode8: windows1251 }), {
      encoding: 'windows-1252',
    });
    // The bytes of «Контрагент» in Windows-1252: what the user asked for.
    expect(forced.rows[0]?.fields[0]).toBe('Êîíòðàãåíò');
  });
});

describe('a broken .xls ends in a located input error', () => {
  const good = xlsFile([sales, other]);
  const fails = async (bytes: Buffer, message: RegExp): Promise<void> => {
    const error = await read(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FolioError);
    expect(english(error).message).toMatch(message);
  };

  it('truncated, a FAT chain that loops, a stream declaring more than its chain, a record past the stream', async () => {
    await fails(good.subarray(0, 300), /fewer than a header's 512/);
    await fails(good.subarray(0, 1500), /past the end of the file|ends inside sector/);
    // The chain of the workbook stream loops back on itself (cfb 1.2.2 runs out of memory here).
    const loop = Buffer.from(good);
    const fat = 512 + loop.readUInt32LE(76) * 512;
    loop.writeUInt32LE(3, fat + 7 * 4);
    await fails(loop, /loops back to sector 3/);
    // A directory entry declaring 2 GB for the stream.
    const huge = Buffer.from(good);
    const directory = 512 + huge.readUInt32LE(48) * 512;
    huge.writeUInt32LE(0x7fffffff, directory + 128 + 120);
    await fails(huge, /declares 2147483647 bytes but its chain holds/);
    // A record whose length runs past the end of the workbook stream.
    const record = Buffer.from(good);
    record.writeUInt16LE(0xfff0, 512 + 2);
    await fails(record, /record 0x0809 at byte 0 declares 65520 bytes, past the end of the stream/);
  });

  it('an Excel 4 worksheet, a password-protected workbook, a compound file with no workbook in it', async () => {
    const bof4 = Buffer.from(good);
    bof4.writeUInt16LE(0x0409, 512);
    await fails(bof4, /Excel 2\.x–4\.x/);
    const word = Buffer.from(good);
    const directory = 512 + word.readUInt32LE(48) * 512;
    Buffer.from('WordDocument\0', 'utf16le').copy(word, directory + 128);
    word.writeUInt16LE(26, directory + 128 + 64);
    await fails(word, /it is a Word document/);
  });

  it('fuzzed: mutated workbooks through `folio share` end in 0 or 2, never 70 or a hang', async () => {
    const seeds = [
      good,
      xlsFile([sales], { biff: 5, codePage: null, encode8: windows1251 }),
      xlsFile([other], { mini: true }),
    ];
    const file = join(dir, 'fuzz.xls');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(seeds.length - 1),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
            fc.record({
              kind: fc.constant('word' as const),
              at: fc.nat(),
              value: fc.constantFrom(0, 1, 3, 0xfffffffe, 0xffffffff, 0x7fffffff, 0xfffffffa),
            }),
            fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (which, steps) => {
          let bytes = Buffer.from(seeds[which] as Buffer);
          for (const s of steps) {
            const at = s.at % bytes.length;
            if (s.kind === 'byte') bytes[at] = s.value;
            else if (s.kind === 'word' && at + 4 <= bytes.length) bytes.writeUInt32LE(s.value, at);
            else if (s.kind === 'cut') bytes = bytes.subarray(0, at);
          }
          writeFileSync(file, bytes);
          const ctx = context();
          const code = await main(['node', 'folio', 'share', file, '--json'], ctx);
          expect([0, 2], ctx.err()).toContain(code);
        },
      ),
      { seed: 20261207, numRuns: 600 },
    );
  }, 120_000);
});

const context = (): ReturnType<typeof memoryContext> => memoryContext();
