import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/schema/envelope.js';
import { expectAccounted, folio, json } from './run-cli.js';
import { SALES_REPORT_MERGES, SALES_REPORT_ROWS, windows1251, writeSalesReportWorkbook } from './workbook-fixtures.js';
import { rangeOf, serialOf, xlsFile } from './xls-fixtures.js';

interface ShareOut {
  inputs: InputReport[];
  result: { total: number; clients: { client: string; revenue: number; share: number; manager: string }[] };
  warnings: { code: string; message: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'folio-report-workbooks-'));
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  await writeSalesReportWorkbook(at('report.xlsx'));
  // The same report as 1C writes it in Excel 97 format: no CODEPAGE record, its text 8-bit in Windows-1251.
  writeFileSync(
    at('report.xls'),
    xlsFile([{ name: 'Продажи', rows: SALES_REPORT_ROWS, merges: SALES_REPORT_MERGES.map(rangeOf) }], {
      codePage: null,
      compressed: true,
      encode8: windows1251,
    }),
  );
});

/**
 * The report by hand: Иванов's subtotal 30 000 = Ромашка 20 000 + Лютик 10 000; Петров's
 * 17 500 = Василёк 12 500 + Одуванчик 5 000; Итого 47 500 = 30 000 + 17 500. Shares of
 * 47 500: Ромашка 20 000 / 47 500 = 8/19 = 0.421052…, Василёк 12 500 / 47 500 = 5/19,
 * Лютик 4/19, Одуванчик 2/19.
 */
const BY_HAND = {
  'ООО Ромашка': { revenue: 20000, share: 8 / 19, manager: 'Иванов' },
  'ООО Василёк': { revenue: 12500, share: 5 / 19, manager: 'Петров' },
  'ООО Лютик': { revenue: 10000, share: 4 / 19, manager: 'Иванов' },
  'ИП Одуванчик': { revenue: 5000, share: 2 / 19, manager: 'Петров' },
};

function expectByHand(out: ShareOut): void {
  expect(out.result.total).toBe(47500);
  const got = Object.fromEntries(
    out.result.clients.map((c) => [c.client, { revenue: c.revenue, share: c.share, manager: c.manager }]),
  );
  expect(Object.keys(got).sort()).toEqual(Object.keys(BY_HAND).sort());
  for (const [client, want] of Object.entries(BY_HAND)) {
    expect(got[client]?.revenue, client).toBe(want.revenue);
    expect(got[client]?.share, client).toBeCloseTo(want.share, 12);
    expect(got[client]?.manager, client).toBe(want.manager);
  }
  const input = out.inputs[0] as InputReport;
  // Rows 6–12 are data rows: 4 clients used, 2 subtotals and Итого as totals; the footer (row 14) is no data row.
  expect(input).toMatchObject({ headerLine: 5, rows: 7, used: 4, totals: 3, skipped: 0 });
  expectAccounted(input);
}

describe('a report-shaped workbook (1C: title, two-line merged header, subtotals, Итого, footer)', () => {
  it('.xlsx: read with no flags; every warning names what was done', async () => {
    const r = await folio(['share', at('report.xlsx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    expectByHand(out);
    const text = (code: string): string => out.warnings.find((w) => w.code === code)?.message ?? '';
    expect(text('HEADER_JOINED')).toContain('lines 4–5 read as one');
    expect(text('HEADER_JOINED')).toContain('"Продажи - Количество", "Продажи - Сумма"');
    expect(text('SUBTOTAL_ROWS')).toContain('line 6 "Иванов" 30000 (2 rows under it); line 9 "Петров" 17500');
    expect(text('SUBTOTAL_ROWS')).toContain("took their group's label in 4 empty cell(s)");
    expect(text('TOTALS_ROWS')).toContain('their amounts agree');
    expect(text('REPORT_FOOTER')).toContain('line 14: "Сформирован: 01.12.2024 10:15"');
    expect(text('TITLE_PERIOD')).toContain('2024-10-01 — 2024-11-30');
  });

  it('.xls without a code page: the same figures, dated by the title within a period that holds it, refused across one that splits it', async () => {
    const r = await folio(['share', at('report.xls'), '--period', '2024-Q4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    expectByHand(out);
    expect(out.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['HEADER_JOINED', 'SUBTOTAL_ROWS', 'XLS_CODE_PAGE_GUESSED', 'TITLE_PERIOD']),
    );
    // October alone holds only part of 1 October – 30 November: the rows cannot be split.
    const split = await folio(['share', at('report.xls'), '--period', '2024-10', '--lang', 'ru']);
    expect(split.code).toBe(2);
    expect(split.stderr).toContain('2024-10-01 — 2024-11-30');
    expect(split.stderr).toContain('--from 2024-10-01 --to 2024-11-30');
  });

  it('inspect shows the merged header, the subtotal rows dropped and the title period', async () => {
    const r = await folio(['inspect', at('report.xls'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = json<{
      result: {
        kind: string;
        encoding: string;
        headerFrom: number;
        headerLine: number;
        titlePeriod: { from: string; to: string; line: number };
        subtotals: { rows: number; lines: number[] };
        columns: { header: string; field: string | null }[];
      };
    }>(r).result;
    expect(result).toMatchObject({
      kind: 'xls',
      encoding: 'windows-1251',
      headerFrom: 4,
      headerLine: 5,
      titlePeriod: { from: '2024-10-01', to: '2024-11-30', line: 1 },
      subtotals: { rows: 2, lines: [6, 9] },
    });
    expect(result.columns.map((c) => [c.header, c.field])).toEqual([
      ['Менеджер', 'manager'],
      ['Контрагент', 'client'],
      ['Продажи - Количество', 'quantity'],
      ['Продажи - Сумма', 'amount'],
    ]);
    const text = (await folio(['inspect', at('report.xls')])).stdout;
    expect(text).toMatch(/header line\s+4–5 \(two lines read as one\)/);
    expect(text).toMatch(/title period\s+2024-10-01 — 2024-11-30 \(line 1\)/);
    expect(text).toMatch(/subtotal rows\s+2 \(line 6, 9\)/);
  });

  it('a row wider than the header of a workbook gets a hint about the header, not about CSV quoting', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['client', 'amount']);
    ws.addRow(['Acme', 100]);
    ws.addRow(['Globex', 200, 'a note']);
    await wb.xlsx.writeFile(at('wide.xlsx'));
    const r = await folio(['share', at('wide.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 3, column C');
    expect(r.stderr).toContain("a cell right of the header's last column holds a value");
    expect(r.stderr).not.toContain('quot');
    expect((await folio(['share', at('wide.xlsx'), '--lang', 'ru'])).stderr).toContain(
      'правее последней колонки заголовка',
    );
  });
});

describe('a 1C shipment list as .xls: dates as serial numbers, strings in the string table, no code page, two sheets', () => {
  beforeAll(() => {
    const day = (d: number, m: number): { date: number } => ({ date: serialOf(2024, m, d) });
    writeFileSync(
      at('shipments.xls'),
      xlsFile(
        [
          {
            name: 'Отгрузки',
            rows: [
              ['Дата отгрузки', 'Покупатель', 'Сумма продажи', 'Статус'],
              [day(3, 10), 'ООО «Ромашка»', 15000, 'Успешно'],
              [day(17, 10), 'ООО «Ромашка»', 2500.5, 'Успешно'],
              [day(2, 11), 'Василёк', { rk: 700 }, 'Успешно'],
              [day(30, 9), 'Лютик', 990, 'Успешно'],
            ],
          },
          {
            name: 'Справка',
            rows: [
              ['Клиент', 'Сумма'],
              ['Прочие', 1],
            ],
          },
        ],
        { codePage: null, compressed: true, encode8: windows1251, dateFormat: 'dd.mm.yyyy' },
      ),
    );
  });

  it('reads its dates as days and its text in the guessed code page; --sheet picks the second', async () => {
    // October 2024 by hand: Ромашка 15 000 + 2 500.50 = 17 500.50; Василёк (2 November) and Лютик (30 September) outside.
    const r = await folio(['share', at('shipments.xls'), '--period', '2024-10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    expect(out.result.clients.map((c) => [c.client, c.revenue])).toEqual([['ООО «Ромашка»', 17500.5]]);
    const input = out.inputs[0] as InputReport;
    expect(input).toMatchObject({ rows: 4, used: 2, encoding: 'windows-1251' });
    expect(input.excluded.period).toBe(2);
    expectAccounted(input);
    expect(out.warnings.map((w) => w.code)).toContain('XLS_CODE_PAGE_GUESSED');
    const second = json<ShareOut>(await folio(['share', at('shipments.xls'), '--sheet', '2', '--json']));
    expect(second.result.clients.map((c) => [c.client, c.revenue])).toEqual([['Прочие', 1]]);
  });
});
