import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema } from '../../src/schema/envelope.js';
import { expectAccounted, folio, json } from './run-cli.js';

/**
 * Exports folio had never seen, rebuilt small (no real data): each reproduces one cause of a
 * refusal or a wrong figure, and each test asserts the figure with no flags, or the refusal
 * that names the fix. Figures are worked by hand in the comments.
 */

const shareEnvelope = envelopeSchema('share', shareResultSchema);
type ShareEnvelope = ReturnType<typeof shareEnvelope.parse>;

let dir = '';
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function share(args: string[]): Promise<ShareEnvelope> {
  const run = await folio(['share', ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return shareEnvelope.parse(json(run));
}
const revenues = (e: ShareEnvelope) => e.result.clients.map((c) => [c.client, c.revenue, c.class]);
const warned = (e: ShareEnvelope, code: string) => e.warnings.filter((w) => w.code === code).map((w) => w.message);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-columns-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('column causes of real exports (e2e)', () => {
  it('reads an Odoo order-line export by the last part of its path headers', async () => {
    const odoo = file(
      'odoo-lines.csv',
      [
        'order_line/order_id/name,order_line/order_partner_id/display_name,order_line/product_id,order_line/price_subtotal,order_line/order_id/date_order,order_line/order_id/state',
        'S00001,Azure Interior,Desk,1000.00,2024-03-01 10:00:00,Invoiced',
        'S00001,Azure Interior,Chair,500.00,2024-03-01 10:00:00,Invoiced',
        'S00002,Deco Addict,Desk,1500.00,2024-03-05 11:00:00,Invoiced',
        'S00003,Gemini Furniture,Lamp,2000.00,2024-03-07 09:00:00,Cancelled',
        'S00004,Deco Addict,Lamp,1000.00,2024-03-09 09:00:00,Invoiced',
        '',
      ].join('\n'),
    );
    const e = await share([odoo]);
    // Deco Addict 1500 + 1000 = 2500 of 4000 (62.5%, golden); Azure 500 + 1000 = 1500 (37.5%, critical);
    // Gemini's order was cancelled.
    expect(e.result.total).toBe(4000);
    expect(revenues(e)).toEqual([
      ['Deco Addict', 2500, 'golden'],
      ['Azure Interior', 1500, 'critical'],
    ]);
    expect(warned(e, 'PATH_HEADERS')).toEqual([
      expect.stringContaining('"order_line/order_partner_id/display_name" as the client ("order_partner")'),
    ]);
    expect(e.inputs[0]).toMatchObject({ excluded: { status: 1 } });
  });

  it('takes the client from the contact where amoCRM leaves «Компания» empty, and says how often', async () => {
    const header = 'ID;Название сделки;Бюджет;Этап сделки;Дата закрытия;Компания;Полное имя контакта';
    const some = file(
      'amo-some.csv',
      [
        header,
        '1;Сделка 1;100 000;Успешно реализовано;05.03.2024;ООО Ромашка;Пётр Петров',
        '2;Сделка 2;50 000;Успешно реализовано;06.03.2024;;Анна Смирнова',
        '3;Сделка 3;30 000;Закрыто и не реализовано;07.03.2024;;Олег Орлов',
        '4;Сделка 4;20 000;Успешно реализовано;08.03.2024;;Анна Смирнова',
        '',
      ].join('\n'),
    );
    const e = await share([some]);
    // ООО Ромашка 100 000 of 170 000 (58.8%); Анна Смирнова 50 000 + 20 000 = 70 000 (41.2%).
    expect(revenues(e)).toEqual([
      ['ООО Ромашка', 100000, 'golden'],
      ['Анна Смирнова', 70000, 'critical'],
    ]);
    expect(warned(e, 'CONTACT_AS_CLIENT')).toEqual([
      `${some}: 2 of 3 won row(s) have an empty "Компания" and take the client from "Полное имя контакта"; map another with --map client=HEADER`,
    ]);

    const none = file(
      'amo-none.csv',
      [
        header,
        '1;С1;100;Успешно реализовано;05.03.2024;;Пётр Петров',
        '2;С2;70;Успешно реализовано;06.03.2024;;Анна',
        '',
      ].join('\n'),
    );
    const all = await share([none]);
    expect(revenues(all)).toEqual([
      ['Пётр Петров', 100, 'golden'],
      ['Анна', 70, 'critical'],
    ]);
    expect(warned(all, 'CONTACT_AS_CLIENT')).toEqual([
      `${none}: "Компания" is empty on every won row, so the clients are the contacts of "Полное имя контакта" (2 row(s)); map another with --map client=HEADER`,
    ]);
  });

  it('reads Excel day numbers in a date column, and names the days the file covers when the period holds none', async () => {
    const serial = file(
      'serial.csv',
      'Client,Amount,Order Date\nAcme,100,43867\nBeta,300,43868\nAcme,200,2020-02-08\n',
    );
    // 43867 is 2020-02-06 and 43868 2020-02-07: all three rows are in February 2020; Acme
    // 100 + 200 = 300 and Beta 300, half each (50% is not above 50%: critical, not golden).
    const e = await share([serial, '--period', '2020-02']);
    expect(revenues(e)).toEqual([
      ['Acme', 300, 'critical'],
      ['Beta', 300, 'critical'],
    ]);
    expect(warned(e, 'SERIAL_DATES')).toEqual([
      `${serial}: 2 value(s) of "Order Date" are Excel day numbers (a sheet saved as text) and were read as dates: line 2 "43867" is 2020-02-06; if they are not dates, map another column with --map`,
    ]);
    const march = await folio(['share', serial, '--period', '2020-03']);
    expect(march.code).toBe(2);
    expect(march.stderr).toContain('the file covers 2020-02-06 — 2020-02-08');
    expect(march.stderr).toContain('hint: ask for a period the data covers: --period 2020');
    const ru = await folio(['share', serial, '--period', '2020-03', '--lang', 'ru']);
    expect(ru.stderr).toContain('данные охватывают 2020-02-06 — 2020-02-08');
  });

  it('counts won rows without a date apart from those outside the period', async () => {
    const undated = file('undated.csv', 'Client,Amount,Close Date\nA,100,2024-01-10\nB,50,\nA,25,2024-02-01\n');
    const e = await share([undated, '--period', '2024-01']);
    // Only A's January row is in the period: B's row has no date, A's February row is outside.
    expect(revenues(e)).toEqual([['A', 100, 'golden']]);
    expect(e.inputs[0]?.excluded).toEqual({ status: 0, period: 1, currency: 0, undated: 1 });
    expectAccounted(e.inputs[0] as never);
    expect(warned(e, 'UNDATED_ROWS')).toHaveLength(1);
  });

  it('warns, not stops, on a duplicated header of a column no figure depends on', async () => {
    const twice = file('twice.csv', 'Клиент;Товар;Сумма;Товар\nА;Стол;100;Стул\nБ;Стул;50;Стол\n');
    const e = await share([twice]);
    expect(revenues(e)).toEqual([
      ['А', 100, 'golden'],
      ['Б', 50, 'critical'],
    ]);
    expect(warned(e, 'COLUMN_CHOICE')).toEqual([expect.stringContaining('--map product=2 or --map product=4')]);
  });

  it('names both VAT amounts, the one taken and the flag', async () => {
    const vat = file(
      'vat.csv',
      'Контрагент;Сумма без НДС;Сумма с НДС;Дата\nА;100;120;01.03.2024\nБ;50;60;02.03.2024\n',
    );
    const e = await share([vat]);
    // The amounts with VAT: А 120 of 180 (66.7%), Б 60.
    expect(e.result.total).toBe(180);
    expect(warned(e, 'COLUMN_CHOICE')).toEqual([
      `${vat}: amount: took "Сумма с НДС" over "Сумма без НДС" (override with --map amount=HEADER)`,
    ]);
  });

  it('refuses to add or rank amounts in two currencies without --currency, for deals and leads', async () => {
    const deals = file(
      'sf-deals.csv',
      'Account Name,Amount,CurrencyIsoCode,Close Date\nA,100,USD,2024-01-10\nB,90,EUR,2024-01-11\n',
    );
    const mixed = await folio(['share', deals]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(
      /amounts in 2 currencies would be summed together: (USD|EUR) \(1 rows\), (USD|EUR) \(1 rows\)/,
    );
    expect(mixed.stderr).toMatch(/hint: pick one with --currency (USD|EUR)/);

    const leads = file(
      'sf-leads.csv',
      'Opportunity,Account,Amount,Currency ISO Code,Expected Close Date\nO1,A,1000,USD,2024-05-01\nO2,B,2000,EUR,2024-05-02\n',
    );
    const refused = await folio(['leads', leads, '--as-of', '2024-04-01']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/currencies would be summed together.*\n.*--currency/);
    const usd = await folio(['leads', leads, '--currency', 'usd', '--as-of', '2026-01-01', '--json']);
    expect(usd.code, usd.stderr).toBe(0);
    const e = json<{
      result: { leads: { lead: string }[] };
      warnings: { code: string; message: string }[];
      inputs: { excluded: object }[];
    }>(usd);
    expect(e.result.leads.map((l) => l.lead)).toEqual(['O1']);
    expect(e.inputs[0]?.excluded).toEqual({ status: 0, currency: 1 });
    // 2024-05-01 is 610 days before 2026-01-01: the export looks old.
    expect(e.warnings.filter((w) => w.code === 'LEADS_LOOK_OLD').map((w) => w.message)).toEqual([
      'the export looks old: the expected close of every one of the 1 open lead(s) with one lies more than a year before 2026-01-01 (they run from 2024-05-01 to 2024-05-01), so all of them read as long overdue; give the day the export was made with --as-of DAY',
    ]);
  });

  it('proposes a column of numbers for a missing amount, not the text named most like it', async () => {
    const noAmount = file(
      'no-amount.csv',
      'Account Owner,Opportunity Title,Client,Opp Value\nAnn Lee,Renewal,Acme,1200\nBob Ray,Upsell,Beta,300\n',
    );
    const run = await folio(['share', noAmount]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('closest: "Opp Value"; map one with --map amount=HEADER');
  });

  it('reads a call log without an outcome as an activity log that lacks one, not as deals', async () => {
    const calls = file(
      'calls.csv',
      'Call Start Time,Account Name,Call Type,Subject\n2024-03-01 10:00,Acme,Outbound,Intro\n',
    );
    const run = await folio(['inspect', calls, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = json<{ result: { role: string; missing: { field: string }[] } }>(run).result;
    expect(r.role).toBe('activities');
    expect(r.missing.map((m) => m.field)).toEqual(['outcome']);
  });

  it('says "the report covers a period" when the user gave none and the deals have no date', async () => {
    const undatedDeals = file('no-date.csv', 'Client,Amount\nA,100\n');
    const run = await folio(['report', '--deals', undatedDeals, '--as-of', '2024-03-05']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the report covers a period (by default the last full month before --as-of)');
    expect(run.stderr).not.toContain('a period was asked for');
  });
});
