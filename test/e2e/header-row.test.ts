import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio, json, ROOT } from './run-cli.js';

interface ShareRun {
  inputs: {
    headerLine: number;
    rows: number;
    used: number;
    skipped: number;
    blank: number;
    delimiter: string;
    excluded: Record<string, number>;
  }[];
  result: { total: number; clients: { client: string; revenue: number; share: number; class: string }[] };
  warnings: { code: string; message: string }[];
}

const share = async (args: string[]): Promise<ShareRun> => {
  const r = await folio(['share', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<ShareRun>(r);
};

describe('the header row (e2e)', () => {
  it('passes over a title, a period line and a blank line above the header (UTF-8 BOM, ;, decimal commas)', async () => {
    const r = await share(['fixtures/titled/deals-ru-1c-report.csv']);
    // Line 1 title, 2 period, 3 blank: the header is line 4; five data rows below it.
    expect(r.inputs[0]).toMatchObject({
      headerLine: 4,
      delimiter: ';',
      rows: 5,
      used: 4,
      excluded: { status: 1 },
      blank: 0,
    });
    // By hand: Ромашка 1 200,50 + 300,00 = 1 500,50; Вектор 800,25 + 199,25 = 999,50; the
    // cancelled 500,00 is not revenue. Total 2 500,00: 60.02% (golden) and 39.98% (critical).
    expect(r.result.total).toBe(2500);
    expect(r.result.clients.map((c) => [c.client, c.revenue, c.share, c.class])).toEqual([
      ['ООО Ромашка', 1500.5, 0.6002, 'golden'],
      ['АО Вектор', 999.5, 0.3998, 'critical'],
    ]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'HEADER_ROW',
        message:
          'fixtures/titled/deals-ru-1c-report.csv: the header is on line 4; the 3 lines above it (a title, report parameters, blank lines) were not read (name another with --header-row N)',
      }),
    );
  });

  it('finds the header of an activity log under a title, a period line and a line of delimiters', async () => {
    const r = await folio([
      'cadence',
      'fixtures/titled/activities-ru-titled.csv',
      '--key-client',
      'ООО Ромашка',
      '--as-of',
      '2026-11-23',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{
      inputs: { headerLine: number; rows: number; blank: number }[];
      result: { violations: { rule: string; from: string; to: string; days: number }[] };
    }>(r);
    // The ";;;" line is above the header: preamble, not a blank row.
    expect(e.inputs[0]).toMatchObject({ headerLine: 4, rows: 3, blank: 0 });
    // Positive contacts on 1, 5 and 20 November: only 5 → 20 (15 days) is over 10.
    expect(e.result.violations).toMatchObject([{ rule: 'gap', from: '2026-11-05', to: '2026-11-20', days: 15 }]);
  });

  it("takes the delimiter from Excel's sep= line, which is not a row", async () => {
    const r = await share(['fixtures/titled/deals-excel-sep.csv']);
    expect(r.inputs[0]).toMatchObject({ headerLine: 2, delimiter: ';', rows: 2, used: 2 });
    // 100,5 + 50 = 150,5.
    expect(r.result.total).toBe(150.5);
    // The sep= line is not a passed-over title: no warning.
    expect(r.warnings.map((w) => w.code)).not.toContain('HEADER_ROW');
    const inspect = await folio(['inspect', 'fixtures/titled/deals-excel-sep.csv', '--json']);
    expect(json<{ result: { sepLine: boolean; headerLine: number } }>(inspect).result).toMatchObject({
      sepLine: true,
      headerLine: 2,
    });
  });

  it('--header-row forces the line: a summary table above the real header', async () => {
    // Line 1 "Client;Amount" fits, so it is taken, and the 4-field rows below it do not fit it.
    const auto = await folio(['share', 'fixtures/titled/deals-two-headers.csv']);
    expect(auto.code).toBe(2);
    expect(auto.stderr).toMatch(/deals-two-headers\.csv:3:3: "Close Date": the row has 4 fields, the header 2/);
    const r = await share(['fixtures/titled/deals-two-headers.csv', '--header-row', '3']);
    // Acme 100, Globex 300: 25% and 75%.
    expect(r.inputs[0]).toMatchObject({ headerLine: 3, rows: 2, used: 2 });
    expect(r.result.clients.map((c) => [c.client, c.share])).toEqual([
      ['Globex', 0.75],
      ['Acme', 0.25],
    ]);
  });

  it('--header-row on a line that is not the header says what that line lacks', async () => {
    const r = await folio(['share', 'fixtures/titled/deals-two-headers.csv', '--header-row', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deals-two-headers\.csv:2: no column for "client" and "amount"/);
    expect(
      (await folio(['share', 'fixtures/titled/deals-two-headers.csv', '--header-row', '2', '--no-header'])).code,
    ).toBe(2);
    // Line 3 of the titled report is blank; line 99 is past the end.
    for (const line of ['3', '99']) {
      const blank = await folio(['share', 'fixtures/titled/deals-ru-1c-report.csv', '--header-row', line]);
      expect(blank.code).toBe(2);
      expect(blank.stderr).toMatch(
        new RegExp(`deals-ru-1c-report\\.csv:${line}: --header-row ${line}: this line holds no header row`),
      );
    }
  });

  it('a file where no row maps: exit 2, every candidate listed with what it lacks', async () => {
    const r = await folio(['share', 'fixtures/broken/no-header-row.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^folio: fixtures\/broken\/no-header-row\.csv: no row among the first 4 has a column for every field needed/,
    );
    expect(r.stderr).toContain('no-header-row.csv:1: "Отчёт по звонкам" lacks client, amount');
    expect(r.stderr).toContain('no-header-row.csv:4: "Звонок;Длительность;Оператор" lacks client, amount');
    expect(r.stderr).toMatch(/hint: .*--map client=HEADER.*--header-row N/);
    // Under --redact no row is quoted: when no row is the header, they are data (Иванов is a person).
    const redacted = await folio(['share', 'fixtures/broken/no-header-row.csv', '--redact']);
    expect(redacted.code).toBe(2);
    expect(redacted.stderr).toContain('no-header-row.csv:5: lacks client, amount');
    expect(redacted.stderr).not.toContain('Иванов');
    expect(redacted.stderr).not.toContain('Входящий');
  });

  it('two equal values in a data row are not taken for two identical headers', async () => {
    // Line 2 holds "No" twice, which would read as two "No" (id) columns; line 1 is the header,
    // whose Account ID stands in for the client name: 100 + 50 over two clients.
    const r = await folio(['share', 'fixtures/broken/data-like-duplicate.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{ inputs: { headerLine: number }[]; result: { total: number }; warnings: { code: string }[] }>(r);
    expect(e.inputs[0]?.headerLine).toBe(1);
    expect(e.result.total).toBe(150);
    expect(e.warnings.map((w) => w.code)).toEqual(['CLIENT_BY_ID', 'NO_STATUS_COLUMN']);
  });

  it('recognises a titled export in a folder by its columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-titled-'));
    copyFileSync(join(ROOT, 'fixtures/titled/deals-ru-1c-report.csv'), join(dir, 'отчёт-октябрь.csv'));
    const r = await folio(['report', dir, '--period', '2026-10', '--as-of', '2026-11-23', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{ inputs: { role: string; headerLine: number }[]; result: { share: { total: number } } }>(r);
    expect(e.inputs).toMatchObject([{ role: 'deals', headerLine: 4 }]);
    expect(e.result.share.total).toBe(2500);
  });

  it('report and check take --header-row for the deals file', async () => {
    const r = await folio([
      'report',
      '--deals',
      'fixtures/titled/deals-two-headers.csv',
      '--header-row',
      '3',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(json<{ result: { share: { total: number } } }>(r).result.share.total).toBe(400);
    const none = await folio([
      'report',
      '--leads',
      'fixtures/leads-ru-amocrm.csv',
      '--header-row',
      '3',
      '--as-of',
      '2026-11-23',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--header-row applies to the deals file/);
  });

  it('report and check honour --delimiter and --encoding for the deals file', async () => {
    const args = [
      '--deals',
      'fixtures/deals-bitrix24-products.csv',
      '--period',
      '2026-09',
      '--as-of',
      '2026-11-23',
      '--fail-on',
      'invalid',
      '--json',
    ];
    const sniffed = await folio(['check', ...args]);
    expect(sniffed.code, sniffed.stderr).toBe(0);
    // Read with a delimiter the file does not use, the header holds no client column: the flag was applied.
    const forced = await folio(['check', ...args, '--delimiter', ',']);
    expect(forced.code).toBe(2);
    const named = await folio([
      'report',
      ...args.filter((a) => a !== '--fail-on' && a !== 'invalid'),
      '--delimiter',
      ';',
      '--encoding',
      'utf-8',
    ]);
    expect(named.code, named.stderr).toBe(0);
    expect(json<{ result: { share: { total: number } } }>(named).result.share.total).toBe(26_004.5);
    const none = await folio([
      'report',
      '--leads',
      'fixtures/leads-ru-amocrm.csv',
      '--delimiter',
      ';',
      '--as-of',
      '2026-11-23',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--delimiter applies to the deals file/);
  });
});

describe('row shape (e2e)', () => {
  it('a row cut short stops the run with its line', async () => {
    const r = await folio(['share', 'fixtures/broken/short-row.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^folio: fixtures\/broken\/short-row\.csv:4: 2 fields, the header has 4\n/);
  });

  it('with --skip-invalid the short row is skipped and counted, never padded', async () => {
    const r = await share(['fixtures/broken/short-row.csv', '--skip-invalid']);
    expect(r.inputs[0]).toMatchObject({ rows: 4, used: 3, skipped: 1 });
    // By hand: Acme 500 + 100 = 600, Globex 300; total 900: 66.67% golden, 33.33% critical.
    // (Padded, Initech's 200 would have been read with an empty stage, as open.)
    expect(r.result.total).toBe(900);
    expect(r.result.clients.map((c) => [c.client, c.revenue, c.class])).toEqual([
      ['Acme', 600, 'golden'],
      ['Globex', 300, 'critical'],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('SKIPPED_ROWS');
  });

  it('counts empty, space-only and delimiter-only lines as blank, not rows', async () => {
    const r = await share(['fixtures/titled/deals-blank-lines.csv']);
    // Lines 3 (empty), 4 (";"), 6 ("  ;  ") and 7 ("   ") are blank; 2 and 5 are the rows.
    expect(r.inputs[0]).toMatchObject({ headerLine: 1, rows: 2, used: 2, blank: 4 });
    expect(r.result.total).toBe(400);
  });
});

describe('inspect never refuses a readable file (e2e)', () => {
  it('lists a missing amount column with the closest header, exit 0', async () => {
    const r = await folio(['inspect', 'fixtures/broken/no-amount-column.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = json<{
      result: {
        headerLine: number;
        missing: { field: string; closest: string | null; map: string }[];
        columns: { header: string; field: string | null }[];
      };
    }>(r).result;
    expect(result.headerLine).toBe(1);
    expect(result.missing).toEqual([
      { field: 'amount', description: 'the amount of each deal', closest: 'Amout', map: '--map amount="Amout"' },
    ]);
    expect(result.columns.map((c) => c.field)).toEqual(['client', null, 'date', 'status']);
    const table = await folio(['inspect', 'fixtures/broken/no-amount-column.csv']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/amount \(the amount of each deal\): no column; map one with --map amount="Amout"/);
  });

  it('shows the header line it took in a titled export, and reads a file no row of which maps', async () => {
    const r = await folio(['inspect', 'fixtures/titled/deals-ru-1c-report.csv', '--json']);
    expect(json<{ result: { headerLine: number; rows: number; missing: unknown[] } }>(r).result).toMatchObject({
      headerLine: 4,
      rows: 5,
      missing: [],
    });
    const none = await folio(['inspect', 'fixtures/broken/no-header-row.csv', '--json']);
    expect(none.code, none.stderr).toBe(0);
    const e = json<{
      result: { headerLine: number; missing: { field: string }[]; warnings: { code: string }[] };
      warnings: { code: string }[];
    }>(none);
    // No row maps a field: the widest row, line 4, is taken, and the guess is a warning.
    expect(e.result.headerLine).toBe(4);
    expect(e.result.missing.map((m) => m.field)).toEqual(['client', 'amount']);
    expect(e.warnings.map((w) => w.code)).toEqual(['HEADER_GUESSED']);
    // «Период: октябрь 2026» above it is the title's period, and the file has no date column.
    expect(e.result.warnings.map((w) => w.code)).toEqual(['HEADER_ROW', 'TITLE_PERIOD']);
  });
});
