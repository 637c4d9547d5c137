import { describe, expect, it } from 'vitest';
import { ACTIVITY_FIELDS } from '../../src/normalize/activities.js';
import { CLIENT_FIELDS } from '../../src/normalize/clients.js';
import { fitColumns, type FallbackUse } from '../../src/normalize/columns.js';
import { mapColumns } from '../helpers/map-columns.js';
import { DEAL_FIELDS, DEAL_NEEDS } from '../../src/normalize/deals.js';
import { LEAD_FIELDS } from '../../src/normalize/leads.js';
import { warning, type WarningFields } from '../../src/codes/warnings.js';
import { warningText } from '../../src/present/messages/warnings.js';
import { english, thrown } from '../helpers/said.js';

/** A column choice as the warning reads in English. */
const choiceText = (c: WarningFields['COLUMN_CHOICE'] | undefined): string =>
  c === undefined ? '' : warningText(warning('COLUMN_CHOICE', c), 'en');
/** A fallback use as its warning: code and English message. */
function said(f: FallbackUse): { field: string; header: string; code: string; message: string } {
  const w =
    f.kind === 'client-id'
      ? warning('CLIENT_BY_ID', { header: f.header })
      : f.kind === 'contact'
        ? warning('CLIENT_BY_CONTACT', { header: f.header })
        : warning('DATE_FALLBACK', { header: f.header, kind: f.kind });
  return { field: f.field, header: f.header, code: w.code, message: warningText(w, 'en') };
}

const map = (headers: string[], overrides = {}) => mapColumns('f.csv', headers, DEAL_FIELDS, overrides);

describe('mapColumns', () => {
  it('maps English and Russian headers regardless of case and punctuation', () => {
    expect(map(['CUSTOMERNAME', 'SALES', 'ORDERDATE', 'STATUS']).index).toEqual({
      client: 0,
      amount: 1,
      date: 2,
      status: 3,
    });
    expect(map(['Контрагент', 'Сумма', 'Дата']).index).toMatchObject({ client: 0, amount: 1, date: 2 });
    expect(map(['close_value', 'account', 'deal_stage', 'sales_agent']).index).toMatchObject({
      amount: 0,
      client: 1,
      status: 2,
      manager: 3,
    });
  });

  it('prefers a closing date over a creation date and says so', () => {
    const m = map(['Компания', 'Бюджет', 'Дата создания', 'Дата закрытия']);
    expect(m.index.date).toBe(3);
    expect(choiceText(m.choices[0])).toMatch(/took "Дата закрытия" over "Дата создания"/);
  });

  it('reads units and Pipedrive prefixes', () => {
    expect(map(['Deal - Organization', 'Deal - Value', 'Deal - Won time']).index).toMatchObject({
      client: 0,
      amount: 1,
      date: 2,
    });
    expect(map(['Клиент', 'Сумма, руб.']).index.amount).toBe(1);
    expect(map(['Customer', 'Amount (USD)']).index.amount).toBe(1);
  });

  it('lets --map win, by name or by position', () => {
    expect(map(['Name', 'Budget', 'X'], { client: 'Name', amount: '2' }).index).toMatchObject({ client: 0, amount: 1 });
  });

  it('lists the headers and suggests the closest when a required field is missing', () => {
    expect(() => map(['Clent', 'Amount'])).toThrow(expect.objectContaining({ code: 'MISSING_COLUMN' }));
    expect(english(thrown(() => map(['Clent', 'Amount']))).hint).toMatch(/closest: "Clent"/);
  });

  it('refuses two identical headers that both fit one field', () => {
    expect(() => map(['Client', 'Amount', 'Amount'])).toThrow(expect.objectContaining({ code: 'DUPLICATE_HEADER' }));
  });

  describe('the amount: revenue over profit, cost, discount, tax, price and quantity', () => {
    const amountOf = (headers: string[]) => {
      const m = map(headers);
      return headers[m.index.amount as number];
    };
    it.each([
      [['Customer Name', 'Sales', 'Quantity', 'Discount', 'Profit'], 'Sales'],
      [['Контрагент', 'Количество', 'Выручка', 'Себестоимость', 'Валовая прибыль', 'Сумма скидки'], 'Выручка'],
      // A unit on the revenue header does not hand the amount to a vaguer column.
      [['Контрагент', 'Стоимость', 'Выручка, руб.', 'Себестоимость, руб.'], 'Выручка, руб.'],
      [['Контрагент', 'Сумма', 'Сумма продажи'], 'Сумма продажи'],
      [['Контрагент', 'Сумма', 'Итого', 'Выручка'], 'Выручка'],
      [['Customer', 'Sum', 'Value', 'Total', 'Sales'], 'Sales'],
      [['Контрагент', 'Сумма реализации', 'Сумма НДС'], 'Сумма реализации'],
      [['Customer', 'Value', 'Net Sales', 'Tax'], 'Net Sales'],
      [['Customer', 'Total', 'Tax', 'Revenue'], 'Revenue'],
      [['Customer', 'Unit Price', 'Quantity', 'Line Total'], 'Line Total'],
      [['Customer', 'UnitPrice', 'Qty', 'TotalPrice'], 'TotalPrice'],
      [['Customer', 'Total Price', 'Sales Amount'], 'Sales Amount'],
      [['Account', 'Amount', 'Expected Revenue'], 'Amount'],
      [['Customer', 'Sub Total', 'Discount', 'Tax', 'Grand Total'], 'Grand Total'],
    ])('%j → %s', (headers, expected) => {
      expect(amountOf(headers)).toBe(expected);
    });

    it('says which header it took over which', () => {
      expect(map(['Клиент', 'Стоимость', 'Выручка']).choices.map(choiceText)).toEqual([
        `amount: took "Выручка" over "Стоимость" (override with --map amount=HEADER)`,
      ]);
    });

    it('never takes profit, cost, discount, tax or a unit price as the amount', () => {
      expect(() => map(['Customer', 'Profit', 'Cost', 'Discount', 'Tax', 'Себестоимость', 'Прибыль'])).not.toThrow();
      expect(
        map(['Customer', 'Profit', 'Cost', 'Discount', 'Tax', 'Себестоимость', 'Прибыль']).index.amount,
      ).toBeUndefined();
    });
  });

  describe('fallback columns', () => {
    it.each([
      'CustomerID',
      'Customer ID',
      'customer_id',
      'Account ID',
      'Client ID',
      'ИНН',
      'Код клиента',
      'ID клиента',
    ])('takes %s as the client when there is no name column, and says so', (id) => {
      const m = map([id, 'Sales', 'Order Date']);
      expect(m.index.client).toBe(0);
      expect(m.fallbacks.map(said)).toEqual([
        { field: 'client', header: id, code: 'CLIENT_BY_ID', message: expect.stringContaining(`"${id}"`) },
      ]);
    });

    it('takes a name over an ID, wherever it stands, and lists the ID as passed over', () => {
      const m = map(['Customer ID', 'Customer Name', 'Sales']);
      expect(m.index.client).toBe(1);
      expect(m.fallbacks).toEqual([]);
      expect(m.choices.map(choiceText)).toEqual([
        `client: took "Customer Name" over "Customer ID" (override with --map client=HEADER)`,
      ]);
    });

    it('keys leads, activities and clients files by ID alike', () => {
      expect(
        mapColumns('f', ['Lead', 'Customer ID', 'Amount', 'Close Date'], LEAD_FIELDS)
          .fallbacks.map(said)
          .map((f) => [f.field, f.code]),
      ).toEqual([['client', 'CLIENT_BY_ID']]);
      expect(
        mapColumns('f', ['Date', 'Account ID', 'Outcome'], ACTIVITY_FIELDS)
          .fallbacks.map(said)
          .map((f) => [f.field, f.code]),
      ).toEqual([['client', 'CLIENT_BY_ID']]);
      expect(
        mapColumns('f', ['Client ID', 'Wants', 'Can buy'], CLIENT_FIELDS)
          .fallbacks.map(said)
          .map((f) => [f.field, f.code]),
      ).toEqual([['client', 'CLIENT_BY_ID']]);
    });

    it.each([
      [['Клиент', 'Сумма', 'Дата создания'], 'Дата создания', /the date the deal was created/],
      [['Customer', 'Amount', 'Created'], 'Created', /the date the deal was created/],
      [['Customer', 'Amount', 'Expected Close Date'], 'Expected Close Date', /expected to close/],
      [['Customer', 'Amount', 'Deal - Expected close date'], 'Deal - Expected close date', /expected to close/],
    ])('dates deals by a creation or expected-close date only as a fallback: %j', (headers, taken, says) => {
      const m = map(headers);
      expect(headers[m.index.date as number]).toBe(taken);
      expect(m.fallbacks.map(said)).toEqual([
        { field: 'date', header: taken, code: 'DATE_FALLBACK', message: expect.stringMatching(says) },
      ]);
      expect(m.fallbacks.map(said)[0]?.message).toContain('--map date=HEADER');
    });

    it('prefers an expected close over a creation date, and any real date over both', () => {
      expect(map(['Customer', 'Amount', 'Created', 'Expected Close Date']).fallbacks[0]?.header).toBe(
        'Expected Close Date',
      );
      for (const real of [
        'Close Date',
        'Order Date',
        'Ship Date',
        'Payment Date',
        'Invoice Date',
        'Дата документа',
        'Дата отгрузки',
        'Date',
      ]) {
        const m = map(['Customer', 'Amount', 'Created', 'Expected Close Date', real]);
        expect(m.index.date, real).toBe(4);
        expect(m.fallbacks, real).toEqual([]);
      }
    });

    it('dates contacts by their creation only as a fallback', () => {
      const m = mapColumns('f', ['Created Time', 'Account Name', 'Outcome'], ACTIVITY_FIELDS);
      expect(m.fallbacks.map(said)).toEqual([
        {
          field: 'date',
          header: 'Created Time',
          code: 'DATE_FALLBACK',
          message: expect.stringMatching(/record was created/),
        },
      ]);
      expect(
        mapColumns('f', ['Created Time', 'Call Start Time', 'Account Name', 'Outcome'], ACTIVITY_FIELDS).index.date,
      ).toBe(1);
    });

    it('says nothing when --map names the column', () => {
      expect(map(['Customer ID', 'Sales', 'Created'], { client: 'Customer ID', date: 'Created' }).fallbacks).toEqual(
        [],
      );
    });
  });
});

describe('fitColumns', () => {
  const fit = (headers: string[], overrides: Record<string, string> = {}) =>
    fitColumns('f.csv', headers, DEAL_NEEDS, overrides, 4);
  const missing = (headers: string[], overrides: Record<string, string> = {}) =>
    fit(headers, overrides).missing.map((s) => s.field);

  it('lists what a row lacks instead of throwing', () => {
    expect(missing(['Отчёт по сделкам за октябрь 2026'])).toEqual(['client', 'amount']);
    expect(missing(['Client', 'Close Date'])).toEqual(['amount']);
    expect(missing(['Client', 'Amount'])).toEqual([]);
  });

  it('takes price and quantity in place of an amount, and names the nearer set when both lack fields', () => {
    expect(missing(['Client', 'Product', 'Price', 'Quantity'])).toEqual([]);
    // Product and price map, quantity does not: one field short, against amount's one.
    expect(missing(['Client', 'Product', 'Price'])).toEqual(['amount']);
  });

  it('a --map naming a header the row does not hold leaves the field missing', () => {
    expect(missing(['Client', 'Сумма с НДС'], { amount: 'Сумма с НДС' })).toEqual([]);
    expect(missing(['Title'], { amount: 'Сумма с НДС' })).toEqual(['client', 'amount']);
    // An optional field is missing too when its --map names no column of the row.
    expect(missing(['Client', 'Amount'], { manager: 'Менеджер проекта' })).toEqual(['manager']);
  });

  it('keeps the line for errors and reports two alike columns without throwing', () => {
    const r = fit(['Client', 'Amount', 'No', 'No'], {});
    expect(r.mapping.line).toBe(4);
    expect(fit(['Client', 'Amount', 'ID', 'ID']).duplicate).toMatchObject({ code: 'DUPLICATE_HEADER', line: 4 });
  });
});
