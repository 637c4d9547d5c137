import { describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema } from '../../src/schema/envelope.js';
import { folio, json } from './run-cli.js';

const shareEnvelope = envelopeSchema('share', shareResultSchema);
type ShareEnvelope = ReturnType<typeof shareEnvelope.parse>;

async function share(args: string[]): Promise<ShareEnvelope> {
  const run = await folio(['share', ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return shareEnvelope.parse(json(run));
}

const revenues = (e: ShareEnvelope) => e.result.clients.map((c) => [c.client, c.revenue, c.class]);
const codes = (e: ShareEnvelope) => e.warnings.map((w) => w.code);

describe('amounts and columns as other programs write them (e2e)', () => {
  it('reads amounts pandas printed as binary floats, exactly, and says how many were rounded', async () => {
    const e = await share(['fixtures/deals-pandas-floats.csv']);
    // By hand, each value rounded half-even to 6 decimals from its digits:
    // Hooli 3300 − 10.2 = 3289.8; Acme 22.2 + 1919.14 = 1941.34; Globex 0.3 + 1000.5 = 1000.8;
    // Initech 2.000000 (…05, even stays) + 2.000002 (…15, odd goes up) = 4.000002.
    // Total 6235.940002; a float sum of the written values would not land on it.
    expect(e.result.total).toBe(6235.940002);
    expect(revenues(e)).toEqual([
      ['Hooli', 3289.8, 'golden'],
      ['Acme Corp', 1941.34, 'critical'],
      ['Globex', 1000.8, 'key'],
      ['Initech', 4.000002, 'regular'],
    ]);
    expect(e.inputs[0]).toMatchObject({ rows: 9, used: 8, excluded: { status: 1 }, skipped: 0 });
    // Six won rows carry more than 6 decimals (3300.0 and 1000.5 do not; the lost row is not read).
    const float = e.warnings.filter((w) => w.code === 'FLOAT_AMOUNTS');
    expect(float).toMatchObject([
      {
        code: 'FLOAT_AMOUNTS',
        message: expect.stringMatching(
          /: 6 value\(s\) of "revenue" had more than 6 decimals .* rounded to 6, first on line 2$/,
        ),
      },
    ]);
  });

  it('counts a rounded amount once when its row waits for the date column to settle', async () => {
    // Line 2's date 03/04/2026 is ambiguous until line 3 (25/04) shows day first: line 2 is read twice.
    const csv = 'customer,revenue,date\nAcme,22.200000000000003,03/04/2026\nGlobex,1.5,25/04/2026\n';
    const run = await folio(['share', '-', '--json'], { input: csv });
    expect(run.code, run.stderr).toBe(0);
    const e = shareEnvelope.parse(json(run));
    expect(e.result.total).toBe(23.7);
    expect(e.warnings.filter((w) => w.code === 'FLOAT_AMOUNTS').map((w) => w.message)).toEqual([
      '<stdin>: 1 value(s) of "revenue" had more than 6 decimals (binary floats printed in full) and were rounded to 6, first on line 2',
    ]);
  });

  it('still refuses more decimals than a float prints', async () => {
    const run = await folio(['share', '-'], { input: 'customer,revenue\nAcme,1919.13999999999999\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /<stdin>:2:2: revenue "1919.13999999999999": more than 6 decimal places, and more than 17 significant digits/,
    );
  });

  it('keys clients by Customer ID when the file names none, and says so', async () => {
    const e = await share(['fixtures/deals-customer-id.csv']);
    expect(e.inputs[0]?.columns).toMatchObject({
      client: 'Customer ID',
      amount: 'Sales',
      date: 'Order Date',
      id: 'Order ID',
    });
    // By hand: CG-12520 261.96 + 731.94 = 993.90; SO-20335 957.5775; BH-11710 48.86; DV-13045 14.62;
    // total 2014.9575 (Profit and Discount are not the amount).
    expect(e.result.total).toBe(2014.9575);
    expect(revenues(e)).toEqual([
      ['CG-12520', 993.9, 'critical'],
      ['SO-20335', 957.5775, 'critical'],
      ['BH-11710', 48.86, 'regular'],
      ['DV-13045', 14.62, 'regular'],
    ]);
    expect(e.warnings).toMatchObject([
      { code: 'CLIENT_BY_ID', message: expect.stringContaining('clients are told apart by "Customer ID"') },
      { code: 'NO_STATUS_COLUMN', fields: { rows: 5 } },
    ]);
  });

  it('takes revenue (Выручка) as the amount in a 1C report beside cost, profit, quantity and Стоимость', async () => {
    const e = await share(['fixtures/deals-1c-revenue-1251.csv']);
    expect(e.inputs[0]?.columns).toMatchObject({
      client: 'Контрагент',
      amount: 'Выручка, руб.',
      date: 'Дата документа',
      quantity: 'Количество',
    });
    // By hand: Вектор 30 000; Ромашка 12 500 + 4 999,50 = 17 499,50; Сидоров 5 000 − 1 250 = 3 750.
    // Стоимость would have given 35 800 in all.
    expect(e.result.total).toBe(51249.5);
    expect(revenues(e)).toEqual([
      ['АО Вектор', 30000, 'golden'],
      ['ООО Ромашка', 17499.5, 'critical'],
      ['ИП Сидоров', 3750, 'regular'],
    ]);
    expect(e.warnings).toMatchObject([
      { code: 'COLUMN_CHOICE', message: expect.stringContaining('amount: took "Выручка, руб." over "Стоимость"') },
      { code: 'NO_STATUS_COLUMN' },
    ]);
  });

  it('dates deals by Дата создания when it is the only date, says so, and computes the period by it', async () => {
    const e = await share(['fixtures/deals-created-only.csv', '--period', '2026-10']);
    expect(e.inputs[0]?.columns).toMatchObject({ date: 'Дата создания' });
    // By hand, won deals created in October: Вектор 200 000 (15.10) + 70 000 (31.10); Ромашка 50 000 (02.10).
    // Out of the period: Ромашка 28.09 and Сидоров 01.11; Сидоров 10.10 is lost.
    expect(e.result.total).toBe(320000);
    expect(revenues(e)).toEqual([
      ['АО Вектор', 270000, 'golden'],
      ['ООО Ромашка', 50000, 'key'],
    ]);
    expect(e.inputs[0]).toMatchObject({ rows: 6, used: 3, excluded: { status: 1, period: 2 } });
    expect(codes(e)).toContain('DATE_FALLBACK');
    expect(e.warnings.find((w) => w.code === 'DATE_FALLBACK')?.message).toBe(
      'fixtures/deals-created-only.csv: won revenue is dated by "Дата создания", the date the deal was created, not the date it was won or paid: a period holds the deals opened in it; map another with --map date=HEADER',
    );
  });

  it('says nothing of a fallback once --map names the column', async () => {
    const e = await share(['fixtures/deals-created-only.csv', '--map', 'date=Дата создания']);
    expect(codes(e)).not.toContain('DATE_FALLBACK');
  });

  it('shows the same warnings in inspect, and on stderr for every command', async () => {
    const r = await folio(['inspect', 'fixtures/deals-customer-id.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = json<{ result: { warnings: { code: string }[] } }>(r).result;
    expect(result.warnings.map((w) => w.code)).toEqual(['CLIENT_BY_ID']);
    const table = await folio(['inspect', 'fixtures/deals-pandas-floats.csv']);
    expect(table.stdout).toMatch(/FLOAT_AMOUNTS: 6 value\(s\) of "revenue"/);
    const report = await folio([
      'report',
      '--deals',
      'fixtures/deals-created-only.csv',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
    ]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/won revenue is dated by "Дата создания"/);
  });

  it('warns of an activity log keyed by Client ID and dated by its creation, in cadence', async () => {
    const log = 'Created,Client ID,Outcome\n2026-11-10,C-7,Positive\n2026-11-20,C-7,Positive\n';
    const r = await folio(['cadence', '-', '--all-clients', '--as-of', '2026-11-23', '--json'], { input: log });
    expect(r.code, r.stderr).toBe(0);
    const e = json<{
      warnings: { code: string; message: string }[];
      result: { agenda: { client: string; lastPositive: string }[] };
    }>(r);
    expect(e.result.agenda.map((a) => [a.client, a.lastPositive])).toEqual([['C-7', '2026-11-20']]);
    expect(e.warnings.filter((w) => w.code !== 'NO_CHANNEL' && w.code !== 'NO_MANAGER').map((w) => w.message)).toEqual(
      expect.arrayContaining([
        '<stdin>: contacts are dated by "Created", the date the record was created, which can differ from the day of the contact; map another with --map date=HEADER',
        expect.stringContaining('<stdin>: clients are told apart by "Client ID"'),
      ]),
    );
  });
});
