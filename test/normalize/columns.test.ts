import { describe, expect, it } from 'vitest';
import { fitColumns, mapColumns } from '../../src/normalize/columns.js';
import { DEAL_FIELDS, DEAL_NEEDS } from '../../src/normalize/deals.js';

const map = (headers: string[], overrides = {}) => mapColumns('f.csv', headers, DEAL_FIELDS, overrides);

describe('mapColumns', () => {
  it('maps English and Russian headers regardless of case and punctuation', () => {
    expect(map(['CUSTOMERNAME', 'SALES', 'ORDERDATE', 'STATUS']).index).toEqual({ client: 0, amount: 1, date: 2, status: 3 });
    expect(map(['Контрагент', 'Сумма', 'Дата']).index).toMatchObject({ client: 0, amount: 1, date: 2 });
    expect(map(['close_value', 'account', 'deal_stage', 'sales_agent']).index).toMatchObject({ amount: 0, client: 1, status: 2, manager: 3 });
  });

  it('prefers a closing date over a creation date and says so', () => {
    const m = map(['Компания', 'Бюджет', 'Дата создания', 'Дата закрытия']);
    expect(m.index.date).toBe(3);
    expect(m.choices[0]).toMatch(/took "Дата закрытия" over "Дата создания"/);
  });

  it('reads units and Pipedrive prefixes', () => {
    expect(map(['Deal - Organization', 'Deal - Value', 'Deal - Won time']).index).toMatchObject({ client: 0, amount: 1, date: 2 });
    expect(map(['Клиент', 'Сумма, руб.']).index.amount).toBe(1);
    expect(map(['Customer', 'Amount (USD)']).index.amount).toBe(1);
  });

  it('lets --map win, by name or by position', () => {
    expect(map(['Name', 'Budget', 'X'], { client: 'Name', amount: '2' }).index).toMatchObject({ client: 0, amount: 1 });
  });

  it('lists the headers and suggests the closest when a required field is missing', () => {
    expect(() => map(['Clent', 'Amount'])).toThrow(expect.objectContaining({ code: 'MISSING_COLUMN', hint: expect.stringMatching(/closest: "Clent"/) }));
  });

  it('refuses two identical headers that both fit one field', () => {
    expect(() => map(['Client', 'Amount', 'Amount'])).toThrow(expect.objectContaining({ code: 'DUPLICATE_HEADER' }));
  });
});

describe('fitColumns', () => {
  const fit = (headers: string[], overrides: Record<string, string> = {}) => fitColumns('f.csv', headers, DEAL_NEEDS, overrides, 4);
  const missing = (headers: string[], overrides: Record<string, string> = {}) => fit(headers, overrides).missing.map((s) => s.field);

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
