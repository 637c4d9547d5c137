import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/schema/envelope.js';
import { expectAccounted, folio, json } from './run-cli.js';
import {
  handWorkbook,
  windows1251,
  writeBadWorkbook,
  writeCoveredWorkbook,
  writeDealsWorkbook,
  writeIntegerParquet,
  writeRevenueParquet,
} from './workbook-fixtures.js';

type Input = InputReport;
interface ShareOut {
  inputs: Input[];
  result: { total: number; clients: { client: string; revenue: number }[] };
  warnings: { code: string; message: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'folio-workbooks-'));
const at = (name: string): string => join(dir, name);

const revenue = (out: ShareOut): Record<string, number> =>
  Object.fromEntries(out.result.clients.map((c) => [c.client, c.revenue]));

beforeAll(async () => {
  await writeDealsWorkbook(at('deals-ru.xlsx'));
  await writeBadWorkbook(at('bad.xlsx'));
  await writeCoveredWorkbook(at('covered.xlsx'));
  writeRevenueParquet(at('revenue.parquet'));
  writeIntegerParquet(at('integers.parquet'));
});

describe('.xlsx input', () => {
  it('reads the Russian deals workbook under its title row, each cell by its type', async () => {
    const r = await folio(['share', at('deals-ru.xlsx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    // By hand: Ромашка 1234.5 (number) + "1 000,50" (text, decimal comma) = 2235; Лютик 0.1+0.2
    // read as 0.3 (its 5000 is lost); Василёк the formula's cached 2469 + 1.234 (a typed number,
    // never the thousands-grouped 1234 the text "1.234" would be in a decimal-comma column).
    expect(revenue(out)).toEqual({ 'ООО Ромашка': 2235, Лютик: 0.3, Василёк: 2470.234 });
    expect(out.result.total).toBe(4705.534);
    const input = out.inputs[0] as Input;
    // Rows 4–10: five won, one lost, one «Итого»; the header is row 3 under the title and a blank row.
    expect(input).toMatchObject({ headerLine: 3, rows: 7, used: 5, totals: 1, skipped: 0 });
    expect(input.excluded.status).toBe(1);
    expectAccounted(input);
    expect(out.warnings.map((w) => w.code)).toContain('HEADER_ROW');
    // The sum 0.1 + 0.2 is what the sheet shows, 0.3: no rounding warning.
    expect(out.warnings.map((w) => w.code)).not.toContain('FLOAT_AMOUNTS');
  });

  it('reads the first sheet that holds data, past a cover and a notes sheet, and says which', async () => {
    // By hand: Data holds Acme 100.50 and Globex 1,500; Cover has no cell, Notes one.
    const r = await folio(['share', at('covered.xlsx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    expect(revenue(out)).toEqual({ Globex: 1500, Acme: 100.5 });
    const skipped = out.warnings.find((w) => w.code === 'SHEETS_SKIPPED');
    expect(skipped?.message).toBe(
      `${at('covered.xlsx')}: read the sheet "Data": the sheet(s) before it ("Cover", "Notes") hold no header and row of data; to read another, pass --sheet N or --sheet NAME (this one is --sheet 3)`,
    );
    // Asked for by name, the notes sheet is read as it is (and has no data rows): no guessing then.
    const notes = await folio(['share', at('covered.xlsx'), '--sheet', 'Notes']);
    expect(notes.code).toBe(2);
    // inspect lists every sheet and says the same.
    const inspected = await folio(['inspect', at('covered.xlsx'), '--json']);
    expect(inspected.code, inspected.stderr).toBe(0);
    expect(JSON.stringify(json(inspected))).toContain('"sheets":["Cover","Notes","Data"]');
  });

  it('reads dates as calendar days: October 2026 holds every won deal', async () => {
    const r = await folio(['share', at('deals-ru.xlsx'), '--period', '2026-10', '--json']);
    expect(json<ShareOut>(r).result.total).toBe(4705.534);
    const september = await folio(['share', at('deals-ru.xlsx'), '--period', '2026-09']);
    expect(september.code).toBe(2);
    // The five won rows fall outside September; the lost one goes by status, «Итого» is never a deal.
    expect(september.stderr).toContain(
      'no won deal in 2026-09-01 — 2026-09-30: of 7 rows, 1 by status, 5 by period excluded',
    );
  });

  it('picks another sheet by name or number; an unknown one lists the sheets', async () => {
    // Acme 10 + Globex 30.
    for (const sheet of ['Прочее', '2', 'прочее'])
      expect(json<ShareOut>(await folio(['share', at('deals-ru.xlsx'), '--sheet', sheet, '--json'])).result.total).toBe(
        40,
      );
    const r = await folio(['share', at('deals-ru.xlsx'), '--sheet', 'Nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its sheets are 1 "Сделки", 2 "Прочее"');
    // A sheet asked of a file that has none is not silently ignored.
    const csv = await folio(['share', 'fixtures/deals-en-hubspot.csv', '--sheet', '2']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('not a workbook with sheets');
  });

  it('inspect names the format, the sheet and every sheet', async () => {
    const r = await folio(['inspect', at('deals-ru.xlsx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = json<{
      result: { kind: string; sheet: string; sheets: string[]; headerLine: number; rows: number };
    }>(r).result;
    expect(result).toMatchObject({
      kind: 'xlsx',
      sheet: 'Сделки',
      sheets: ['Сделки', 'Прочее'],
      headerLine: 3,
      rows: 7,
    });
    expect((await folio(['inspect', at('deals-ru.xlsx')])).stdout).toMatch(/Sheets\s+1 Сделки, 2 Прочее/);
  });

  it('is told by its bytes, not its name, and reads from standard input', async () => {
    copyFileSync(at('deals-ru.xlsx'), at('export.csv'));
    expect(json<ShareOut>(await folio(['share', at('export.csv'), '--json'])).result.total).toBe(4705.534);
    const piped = await folio(['share', '-', '--json'], { input: readFileSync(at('deals-ru.xlsx')) });
    expect(json<ShareOut>(piped).result.total).toBe(4705.534);
  });

  it('locates a bad cell by sheet, row and column letter', async () => {
    const r = await folio(['share', at('bad.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${at('bad.xlsx')} [Sales] row 5, column B: amount "12,x"`);
    expect((await folio(['share', at('bad.xlsx'), '--lang', 'ru'])).stderr).toContain(
      `${at('bad.xlsx')} [Sales] строка 5, колонка B: amount "12,x": `,
    );
    const skipped = json<ShareOut>(await folio(['share', at('bad.xlsx'), '--skip-invalid', '--json']));
    // Acme 100 + Globex 200; Initech's row skipped and counted.
    expect(skipped.result.total).toBe(300);
    expectAccounted(skipped.inputs[0] as Input);
  });

  it('honours the 1904 date system, shared strings after the sheet, x: prefixes and inline strings', async () => {
    const rows =
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>3</x:v></x:c><x:c r="B2"><x:v>250</x:v></x:c><x:c r="C2" s="1"><x:v>45000</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Globex</x:t></x:is></x:c><x:c r="B3"><x:v>1E-3</x:v></x:c><x:c r="C3" s="1"><x:v>45001.75</x:v></x:c></x:row>';
    handWorkbook(at('1904.xlsx'), rows, {
      date1904: true,
      prefixed: true,
      strings: ['client', 'amount', 'date', 'Acme &amp; Sons'],
      externalLink: true,
    });
    // Serial 45000 is 2023-03-15 in the 1900 system; the 1904 system starts 1462 days later: 2027-03-16.
    const r = await folio(['share', at('1904.xlsx'), '--period', '2027-03', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(revenue(json<ShareOut>(r))).toEqual({ 'Acme & Sons': 250, Globex: 0.001 });
  });

  it('warns of formulas saved without a calculated value', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c><c r="B1" t="inlineStr"><is><t>amount</t></is></c><c r="C1" t="inlineStr"><is><t>status</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>70</v></c><c r="C2" t="inlineStr"><is><t>won</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Globex</t></is></c><c r="B3"><v>5</v></c><c r="C3"><f>IF(B3&gt;1,"lost","won")</f></c></row>';
    handWorkbook(at('uncalculated.xlsx'), rows);
    const out = json<ShareOut>(await folio(['share', at('uncalculated.xlsx'), '--json']));
    expect(out.warnings.map((w) => w.code)).toContain('FORMULAS_NOT_CACHED');
    expectAccounted(out.inputs[0] as Input);
  });
});

describe('a workbook is an untrusted archive', () => {
  const header =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c><c r="B1" t="inlineStr"><is><t>amount</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>1</v></c></row>';

  it('refuses a zip bomb past --max-unpacked while inflating, and reads it when the limit allows', async () => {
    // 64 MiB of spaces in the sheet deflate to about 64 KiB.
    handWorkbook(at('bomb.xlsx'), header, { padding: 64 * 1024 * 1024 });
    const r = await folio(['share', at('bomb.xlsx'), '--max-unpacked', '16MiB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unpacks to more than 16 MiB');
    expect(r.stderr).toContain('--max-unpacked');
    expect((await folio(['share', at('bomb.xlsx'), '--max-unpacked', '128MiB', '--json'])).code).toBe(0);
  });

  it('counts the bytes that inflate, not the size the archive declares', async () => {
    handWorkbook(at('liar.xlsx'), header, { padding: 8 * 1024 * 1024, sheetSize: 100 });
    const r = await folio(['share', at('liar.xlsx'), '--max-unpacked', '1MiB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unpacks to more than 1 MiB|cannot be read/);
  });

  it('caps the cells', async () => {
    const r = await folio(['share', at('deals-ru.xlsx'), '--max-cells', '20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than 20 cells');
  });

  it('refuses a broken binary Excel 97 workbook with a hint, and keeps the clear error for other binary files', async () => {
    writeFileSync(at('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const old = await folio(['share', at('old.xls')]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('Excel 97–2003');
    expect(old.stderr).toContain('the file has 12 bytes, fewer than a header');
    expect(old.stderr).toContain('save it again, as .xlsx');
    writeFileSync(at('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const png = await folio(['share', at('image.png')]);
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('binary file');
  });
});

describe('HTML table saved as .xls (Bitrix24)', () => {
  it('reads the committed export: entities decoded, header from the <th> row', async () => {
    const r = await folio(['share', 'fixtures/bitrix24/deals-bitrix24-html.xls', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    // By hand: ООО "Ромашка" 15 000 (&nbsp; group) + 1 250.50 = 16 250.50; ИП Лютик & Ко 2 500; deal 103 lost.
    expect(revenue(out)).toEqual({ 'ООО "Ромашка"': 16250.5, 'ИП Лютик & Ко': 2500 });
    const input = out.inputs[0] as Input;
    expect(input).toMatchObject({ headerLine: 1, rows: 4, used: 3 });
    expect(input.excluded.status).toBe(1);
    expectAccounted(input);
  });

  it('honours the meta charset of a Windows-1251 export', async () => {
    const html = readFileSync('fixtures/bitrix24/deals-bitrix24-html.xls', 'utf8').replace(
      'charset=utf-8',
      'charset=windows-1251',
    );
    writeFileSync(at('bitrix-1251.xls'), windows1251(html));
    const r = await folio(['share', at('bitrix-1251.xls'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(revenue(json<ShareOut>(r))).toEqual({ 'ООО "Ромашка"': 16250.5, 'ИП Лютик & Ко': 2500 });
    const inspect = json<{ result: { kind: string; encoding: string; encodingReason: string } }>(
      await folio(['inspect', at('bitrix-1251.xls'), '--json']),
    ).result;
    expect(inspect).toMatchObject({ kind: 'html', encoding: 'windows-1251', encodingReason: 'meta-charset' });
  });
});

describe('Parquet input', () => {
  it('reads revenue per client and month as deals: month is a date alias, doubles are amounts', async () => {
    const r = await folio(['share', at('revenue.parquet'), '--period', '2026-10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<ShareOut>(r);
    // October by hand: Ромашка 0.1 + 0.2 = 0.3, Лютик 2500, Василёк 499.7; total 3000.
    expect(revenue(out)).toEqual({ Лютик: 2500, Василёк: 499.7, 'ООО Ромашка': 0.3 });
    expect(out.result.total).toBe(3000);
    const input = out.inputs[0] as Input;
    // Five rows: three in October, two outside the period.
    expect(input).toMatchObject({ rows: 5, used: 3 });
    expect(input.excluded.period).toBe(2);
    expectAccounted(input);
  });

  it('reads INT64 amounts exactly and TIMESTAMP periods as UTC days', async () => {
    const out = json<ShareOut>(await folio(['share', at('integers.parquet'), '--period', '2026-10', '--json']));
    // 23:30 UTC on 1 October is still 1 October (in Moscow it would be the 2nd): Acme 9 007 199 254 740 + Globex 3.
    expect(revenue(out)).toEqual({ Acme: 9_007_199_254_740, Globex: 3 });
  });

  it('inspect works on it', async () => {
    const r = await folio(['inspect', at('revenue.parquet'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = json<{ result: { kind: string; columns: { header: string; field: string | null }[] } }>(r).result;
    expect(result.kind).toBe('parquet');
    expect(result.columns.map((c) => c.field)).toEqual(['client', 'date', 'amount']);
  });
});

describe('in folders, report and check', () => {
  it('report finds a workbook by its name and reads the sheet --sheet names', async () => {
    const folder = at('export-xlsx');
    mkdirSync(folder, { recursive: true });
    copyFileSync(at('deals-ru.xlsx'), join(folder, 'сделки.xlsx'));
    const r = await folio(['report', folder, '--period', '2026-10', '--as-of', '2026-11-23', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ result: { share: { total: number } }; inputs: Input[] }>(r);
    // The same October total as `share` on the file (worked out above).
    expect(out.result.share.total).toBe(4705.534);
    expectAccounted(out.inputs[0] as Input);
    const other = await folio([
      'report',
      folder,
      '--sheet',
      'Прочее',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
      '--json',
    ]);
    expect(json<{ result: { share: { total: number } } }>(other).result.share.total).toBe(40);
  });

  it('check gates on a Parquet aggregate as on deals', async () => {
    const folder = at('warehouse');
    mkdirSync(folder, { recursive: true });
    copyFileSync(at('revenue.parquet'), join(folder, 'revenue.parquet'));
    // October: Лютик 2500 of 3000 = 83.3% > 50%: golden, so the gate fails with 1.
    const r = await folio([
      'check',
      folder,
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
      '--fail-on',
      'golden',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    const findings = json<{ result: { findings: { rule: string; client?: string }[] } }>(r).result.findings;
    expect(findings.filter((f) => f.rule === 'golden').map((f) => f.client)).toEqual(['Лютик']);
  });
});
