import { describe, expect, it } from 'vitest';
import { folio } from './run-cli.js';

/** Every broken file: exit 2, a located one-line message with a hint, never a stack trace. */
async function broken(file: string, ...args: string[]) {
  const run = await folio(['share', `fixtures/broken/${file}`, ...args]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).toMatch(/^folio: /);
  expect(run.stderr).toMatch(/hint: /);
  return run.stderr;
}

describe('broken inputs (e2e)', () => {
  it('empty file', async () => expect(await broken('empty.csv')).toMatch(/empty\.csv: the file is empty/));
  it('header only', async () =>
    expect(await broken('header-only.csv')).toMatch(/header-only\.csv:1: the file has a header but no data rows/));
  // Its bytes begin with a zip signature: told by content, it is a workbook, and a broken one.
  it('binary file', async () =>
    expect(await broken('binary.csv')).toMatch(
      /starts like a zip archive \(an \.xlsx workbook\) but cannot be read as one/,
    ));
  it('unterminated quote names the line where it opened', async () =>
    expect(await broken('unterminated-quote.csv')).toMatch(
      /unterminated-quote\.csv:3:3: a quoted field opened here is never closed/,
    ));
  it('bad amounts: every one listed with line, column, header and value', async () => {
    const err = await broken('bad-amount.csv');
    expect(err).toMatch(/bad-amount\.csv:3:2: Amount "12x": not a number/);
    expect(err).toMatch(/bad-amount\.csv:5:2: Amount "abc": not a number/);
    expect(err).toMatch(/--skip-invalid/);
  });
  it('bad amounts skipped with --skip-invalid are counted', async () => {
    const run = await folio(['share', 'fixtures/broken/bad-amount.csv', '--skip-invalid', '--json']);
    expect(run.code).toBe(0);
    const e = JSON.parse(run.stdout) as {
      inputs: { rows: number; used: number; skipped: number }[];
      warnings: { code: string }[];
    };
    expect(e.inputs[0]).toMatchObject({ rows: 4, used: 2, skipped: 2 });
    expect(e.warnings.map((w) => w.code)).toContain('SKIPPED_ROWS');
  });
  it('impossible date', async () =>
    expect(await broken('bad-date.csv')).toMatch(/bad-date\.csv:3:3: Date "2026-13-45": there is no month 13/));
  it('ambiguous day order', async () =>
    expect(await broken('ambiguous-dates.csv')).toMatch(
      /ambiguous-dates\.csv:2:3: .*day-first or month-first[\s\S]*--date-format/,
    ));
  it('ambiguous dates read with --date-format', async () => {
    const run = await folio([
      'share',
      'fixtures/broken/ambiguous-dates.csv',
      '--date-format',
      'dd/mm/yyyy',
      '--period',
      '2026-04',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(
      (JSON.parse(run.stdout) as { result: { clients: { client: string }[] } }).result.clients.map((c) => c.client),
    ).toEqual(['Acme']);
  });
  it('mixed currencies', async () =>
    expect(await broken('mixed-currency.csv')).toMatch(/2 currencies[\s\S]*--currency RUB/));
  it('mixed currencies with --currency', async () => {
    const run = await folio(['share', 'fixtures/broken/mixed-currency.csv', '--currency', 'rub', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { result: { total: number } }).result.total).toBe(400);
  });
  it('more fields than the header', async () =>
    expect(await broken('extra-fields.csv')).toMatch(
      /extra-fields\.csv:3:3: "200": the row has 3 fields, the header 2/,
    ));
  it('missing column lists headers and suggests a --map', async () =>
    expect(await broken('no-client-column.csv')).toMatch(
      /no column for "client"[\s\S]*columns found: "Name", "Sum", "Date"[\s\S]*--map client=/,
    ));
  it('a period on a file without dates', async () => {
    const run = await folio(['share', 'fixtures/deals-exact-ten-percent.csv', '--period', '2026']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no date column[\s\S]*--map date=/);
  });
  it('missing file', async () => expect(await broken('nope.csv')).toMatch(/nope\.csv: no such file/));
});

describe('more broken inputs (e2e)', () => {
  it('bytes that are no text in any known encoding', async () =>
    expect(await broken('garbage-bytes.csv')).toMatch(/neither UTF-8 nor text in a code page[\s\S]*--encoding/));
  it('a deal ID repeated with a different amount', async () =>
    expect(await broken('conflicting-duplicate-id.csv')).toMatch(
      /conflicting-duplicate-id\.csv:4:3: Amount "120": deal 1 appears again with a different amount \(first on line 2\)/,
    ));
  it('a field over the size limit', async () => {
    const run = await folio(['share', '-', '--max-field-size', '100'], {
      input: `Client,Amount\n"${'x'.repeat(500)}",1\n`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /<stdin>:2: a quoted field opened on this line runs over 100 characters[\s\S]*--max-field-size/,
    );
  });
});

describe('currencies written in the amounts (e2e)', () => {
  it('refuses $ and ₽ summed together, and sums one with --currency', async () => {
    expect(await broken('mixed-currency-symbols.csv')).toMatch(
      /mixed-currency-symbols\.csv:3: amounts in 2 currencies would be summed together: USD \(2 rows\), RUB \(1 rows\)[\s\S]*--currency USD/,
    );
    const run = await folio(['share', 'fixtures/broken/mixed-currency-symbols.csv', '--currency', 'usd', '--json']);
    expect(run.code).toBe(0);
    const e = JSON.parse(run.stdout) as {
      inputs: { excluded: { currency: number } }[];
      result: { total: number; currency: string };
    };
    expect(e.result).toMatchObject({ total: 150, currency: 'USD' });
    expect(e.inputs[0]?.excluded.currency).toBe(1);
  });
});
