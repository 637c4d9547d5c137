import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAccounted, folio, json, type CliRun } from './run-cli.js';
import type { InputReport } from '../../src/schema/envelope.js';

// Exports that are right with no flags, or refused with the one line that fixes them: blank
// amounts, NUL bytes, backslash-escaped dumps, files without a header row, a header with empty
// trailing cells, a broken file in a folder. Every figure below is worked out by hand from the
// fixture, as its comment says.

interface Shared {
  inputs: InputReport[];
  warnings: { code: string; fields: Record<string, unknown>; message: string }[];
  result: { total: number; clients: { client: string; revenue: number; manager?: string }[] };
}

const shared = (run: CliRun): Shared => {
  expect(run.code, run.stderr).toBe(0);
  const e = json<Shared>(run);
  for (const input of e.inputs) expectAccounted(input);
  return e;
};
const revenue = (e: Shared): [string, number][] => e.result.clients.map((c) => [c.client, c.revenue]);
const codes = (e: Shared): string[] => e.warnings.map((w) => w.code);

describe('blank amounts are no revenue', () => {
  it('skips won rows whose amount is blank, counts them and warns once', async () => {
    // Won with an amount: Acme 1200.00, Globex 800.50, Initech 300 = 2300.50. Blank (empty or
    // spaces) on won lines 3, 5 and 8 (line 8 has no client either): left out; line 6 is lost.
    const e = shared(await folio(['share', 'fixtures/deals-order-lines-blank-amounts.csv', '--json']));
    expect(revenue(e)).toEqual([
      ['Acme Corp', 1200],
      ['Globex', 800.5],
      ['Initech', 300],
    ]);
    expect(e.inputs[0]).toMatchObject({ rows: 7, used: 3, excluded: { status: 1, blankAmount: 3 } });
    expect(e.warnings.find((w) => w.code === 'BLANK_AMOUNTS')?.message).toBe(
      'fixtures/deals-order-lines-blank-amounts.csv: 3 won row(s) have a blank amount and were left out as no revenue (first on line 3); fill in the amount if it is a sale',
    );
    // Text that is not a number is still an error.
    const bad = await folio(['share', 'fixtures/broken/bad-amount.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a number');
  });
});

describe('NUL bytes', () => {
  it('drops a few NULs inside quoted fields and counts them; a file of control bytes is binary', async () => {
    // "Acme\0 Corp" is Acme Corp: 1500 + 250 = 1750; Globex 700.25; Initech lost. 4 NULs, the first on line 2.
    const e = shared(await folio(['share', 'fixtures/deals-nul-in-quotes.csv', '--json']));
    expect(revenue(e)).toEqual([
      ['Acme Corp', 1750],
      ['Globex', 700.25],
    ]);
    expect(e.warnings.find((w) => w.code === 'NUL_BYTES')?.fields).toMatchObject({ count: 4, line: 2 });
    const inspect = await folio(['inspect', 'fixtures/deals-nul-in-quotes.csv']);
    expect(inspect.stdout).toMatch(/NUL bytes dropped +4 \(first on line 2\)/);
    // A NUL outside quotes in the first block: binary.
    const binary = await folio(['share', '-'], { input: Buffer.from('client,amount\nAcme,1\0\0\0\n') });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('this is a binary file');
  });
});

describe('backslash-escaped CSV (database dumps)', () => {
  it('reads \\" as a quote, \\\\ as a backslash and \\N as empty, with no flags, and says so', async () => {
    // Won: ООО "Ромашка" 1500.00 (line 4's amount is \N: blank), Acme \ Partners 200.50 + 99.50 = 300.
    const e = shared(await folio(['share', 'fixtures/deals-dump-backslash.csv', '--json']));
    expect(revenue(e)).toEqual([
      ['ООО "Ромашка"', 1500],
      ['Acme \\ Partners', 300],
    ]);
    expect(e.inputs[0]).toMatchObject({ rows: 5, excluded: { status: 1, blankAmount: 1 } });
    expect(codes(e)).toEqual(['BACKSLASH_ESCAPES', 'BLANK_AMOUNTS']);
    const inspect = await folio(['inspect', 'fixtures/deals-dump-backslash.csv', '--json']);
    expect(json<{ result: { escape: unknown } }>(inspect).result.escape).toEqual({
      style: 'backslash',
      detected: true,
    });
    // --escape backslash is the same reading, without the warning that it was detected.
    const forced = shared(
      await folio(['share', 'fixtures/deals-dump-backslash.csv', '--escape', 'backslash', '--json']),
    );
    expect(forced.result.total).toBe(1800);
    expect(codes(forced)).toEqual(['BLANK_AMOUNTS']);
  });

  it('read as RFC 4180, the \\" breaks the record, and the error names --escape backslash', async () => {
    const r = await folio(['share', 'fixtures/deals-dump-backslash.csv', '--escape', 'double']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^folio: fixtures\/deals-dump-backslash\.csv:2:2: .*text follows the closing quote/);
    expect(r.stderr).toContain('read the file with --escape backslash');
    const typo = await folio(['share', 'fixtures/deals-dump-backslash.csv', '--escape', 'quotes']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('use --escape double or --escape backslash');
  });
});

describe('files without a header row', () => {
  it('a dump: the roles told from the content, and the figures right with no flags', async () => {
    // Won (Оплачен): Ромашка 12 500,00 + 2 000,50 = 14 500,50 (Иванов); Вектор 4 200,00 (line 2
    // Отменён is lost); Сидоров 1 000,00 (line 4 В работе is open). Total 19 700,50.
    const e = shared(await folio(['share', 'fixtures/deals-noheader-dump.csv', '--json']));
    expect(e.result.clients.map((c) => [c.client, c.revenue, c.manager])).toEqual([
      ['ООО Ромашка', 14_500.5, 'Иванов И.И.'],
      ['АО Вектор', 4_200, 'Петров П.П.'],
      ['ИП Сидоров', 1_000, 'Иванов И.И.'],
    ]);
    expect(e.inputs[0]).toMatchObject({ headerLine: 0, rows: 6, used: 4, excluded: { status: 2 } });
    expect(e.warnings.find((w) => w.code === 'HEADERLESS')?.message).toBe(
      'fixtures/deals-noheader-dump.csv: the file has no header row (line 1 holds data); columns told by their content: date = column 2, client = column 3, amount = column 4, currency = column 5, status = column 6, manager = column 7 (pin them with --no-header --map date=2 --map client=3 --map amount=4 --map currency=5 --map status=6 --map manager=7)',
    );
    // The pins give the same figures.
    const pinned = shared(
      await folio([
        'share',
        'fixtures/deals-noheader-dump.csv',
        '--json',
        ...'--no-header --map date=2 --map client=3 --map amount=4 --map currency=5 --map status=6 --map manager=7'.split(
          ' ',
        ),
      ]),
    );
    expect(pinned.result).toEqual(e.result);
    expect(codes(pinned)).not.toContain('HEADERLESS');
  });

  it('a 1C feed with no flags: date, client and amount told, and no status column said', async () => {
    // Север 12 000 + 3 000 − 1 000 = 14 000 (three spellings); Лесной 5 000,50.
    const e = shared(await folio(['share', 'fixtures/deals-1c-noheader-1251.csv', '--json']));
    expect(revenue(e)).toEqual([
      ['ООО Север', 14_000],
      ['ИП Лесной', 5_000.5],
    ]);
    expect(e.warnings.find((w) => w.code === 'HEADERLESS')?.fields).toMatchObject({
      detected: true,
      status: false,
      roles: [
        { field: 'date', column: 1 },
        { field: 'client', column: 2 },
        { field: 'amount', column: 4 },
      ],
    });
    const inspect = await folio(['inspect', 'fixtures/deals-1c-noheader-1251.csv', '--json']);
    const r = json<{ result: { header: boolean; headerLine: number; headerless: { roles: unknown[] } } }>(
      inspect,
    ).result;
    expect(r).toMatchObject({ header: false, headerLine: 0 });
    expect(r.headerless.roles).toHaveLength(3);
    expect((await folio(['inspect', 'fixtures/deals-1c-noheader-1251.csv'])).stdout).toMatch(
      /header line +none \(the first row is data; columns told by their content\)/,
    );
  });

  it('two date columns: refused, with the --map line that pins the columns; following it gives the figure', async () => {
    const r = await folio(['share', 'fixtures/broken/deals-noheader-two-dates.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'folio: fixtures/broken/deals-noheader-two-dates.csv:1: the file has no header row (this line holds data, not column names), and its columns are not clear from their content: date could be column 2 or 3\n' +
        '  hint: name the columns by position: --no-header --map client=4 --map amount=5 --map status=6 --map date=2|3\n',
    );
    // Ромашка 12 500,00 + 2 000,50; Вектор 3 000,00: 17 500,50.
    const e = shared(
      await folio([
        'share',
        'fixtures/broken/deals-noheader-two-dates.csv',
        '--no-header',
        '--map',
        'date=3',
        '--json',
      ]),
    );
    expect(e.result.total).toBe(17_500.5);
    // inspect lists the choice instead of stopping.
    const inspect = await folio(['inspect', 'fixtures/broken/deals-noheader-two-dates.csv', '--json']);
    expect(inspect.code).toBe(0);
    expect(json<{ result: { headerless: { ambiguous: unknown } } }>(inspect).result.headerless.ambiguous).toEqual([
      { field: 'date', columns: [2, 3] },
    ]);
  });

  it('another kind of input without header: the error suggests --no-header', async () => {
    const r = await folio(['leads', 'fixtures/deals-noheader-dump.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'if the file has no header row, pass --no-header and map its columns by position (--map FIELD=N)',
    );
  });
});

describe('a header whose trailing cells are empty', () => {
  it('is the header, not the wider data row below it: its columns are listed, and --map reads the rows', async () => {
    const r = await folio(['share', 'fixtures/broken/header-trailing-empty.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('header-trailing-empty.csv:1: no column for "client" and "amount"');
    expect(r.stderr).toContain('columns found: "Документ", "Сторона", "Величина"');
    const inspect = await folio(['inspect', 'fixtures/broken/header-trailing-empty.csv', '--json']);
    expect(json<{ result: { headerLine: number } }>(inspect).result.headerLine).toBe(1);
    // The unnamed columns hold data no field takes, not fields too many: Ромашка 1500, Вектор 700.
    const e = shared(
      await folio([
        'share',
        'fixtures/broken/header-trailing-empty.csv',
        '--map',
        'client=Сторона',
        '--map',
        'amount=Величина',
        '--json',
      ]),
    );
    expect(revenue(e)).toEqual([
      ['ООО Ромашка', 1500],
      ['АО Вектор', 700],
    ]);
  });
});

describe('a broken file in a folder', () => {
  it('is listed with its own error and line, not as named like deals without the columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-broken-'));
    writeFileSync(join(dir, 'sales.csv'), 'client,amount,status\nAcme,100,Won\n"Globex,200,Won\n');
    writeFileSync(join(dir, 'orders.csv'), Buffer.from('client,amount\nAcme,1\0\0\0\n'));
    const r = await folio(['check', dir, '--as-of', '2026-11-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `seen: ${join(dir, 'sales.csv')}: line 3: a quoted field opened here is never closed; add the missing closing quote`,
    );
    expect(r.stderr).toContain(`seen: ${join(dir, 'orders.csv')}: this is a binary file`);
    expect(r.stderr).not.toContain('but without the columns');
  });
});

describe('a file without a header row in a folder', () => {
  it('is taken for deals by its name, and its columns told by content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-feed-'));
    writeFileSync(join(dir, 'sales.csv'), readFileSync('fixtures/deals-1c-noheader-1251.csv'));
    // February 2026 (the month before as-of): Север 14 000 of 19 000,50 is 73.7%, golden: the check fails (exit 1).
    const r = await folio(['check', dir, '--as-of', '2026-03-01', '--fail-on', 'golden', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const e = json<{ inputs: InputReport[]; warnings: { code: string }[] }>(r);
    expect(e.inputs.map((i) => [i.role, i.headerLine, i.rows])).toEqual([['deals', 0, 4]]);
    expect(e.warnings.map((w) => w.code)).toContain('HEADERLESS');
  });
});

describe('rows quoted in an error', () => {
  it('a workbook row is quoted with its cells apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-rows-'));
    const path = join(dir, 'calls.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Звонки');
    ws.addRow(['Отчёт по звонкам']);
    ws.addRow(['Звонок', 'Длительность', 'Оператор']);
    ws.addRow(['Входящий', 'долгий', 'Иванов']);
    await wb.xlsx.writeFile(path);
    const r = await folio(['share', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Звонок | Длительность | Оператор" lacks client, amount');
  });
});
