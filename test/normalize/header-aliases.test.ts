import { describe, expect, it } from 'vitest';
import { ACTIVITY_FIELDS } from '../../src/normalize/activities.js';
import { fitColumns, pathReading } from '../../src/normalize/columns.js';
import { mapColumns } from '../helpers/map-columns.js';
import { DEAL_FIELDS, DEAL_NEEDS } from '../../src/normalize/deals.js';
import { LEAD_FIELDS } from '../../src/normalize/leads.js';
import { warning } from '../../src/codes/warnings.js';
import { warningText } from '../../src/present/messages/warnings.js';
import { english } from '../helpers/said.js';

const deals = (headers: string[]) => mapColumns('f.csv', headers, DEAL_FIELDS);
/** The header each field of a deals file took. */
const took = (headers: string[]): Record<string, string> => deals(headers).header;

describe('path-style headers of related-field exports (Odoo)', () => {
  const odoo = [
    'order_line/order_id/name',
    'order_line/order_partner_id/display_name',
    'order_line/product_id',
    'order_line/price_subtotal',
    'order_line/order_id/date_order',
    'order_line/order_id/state',
    'order_line/order_id/user_id',
    'order_line/create_date',
  ];

  it('reads each by its last part, a relation followed by its name as that record', () => {
    expect(pathReading('order_line/order_partner_id/display_name')).toBe('order_partner');
    expect(pathReading('order_line/order_id/date_order')).toBe('date_order');
    expect(pathReading('partner_id/name')).toBe('partner');
    expect(pathReading('Order Lines/Customer/Display Name')).toBe('Customer');
    // Not paths: no slash, spaces around it, an empty part; a database ID names nothing.
    expect(pathReading('Amount')).toBeNull();
    expect(pathReading('Сумма / руб')).toBeNull();
    expect(pathReading('a//b')).toBeNull();
    expect(pathReading('partner_id/.id')).toBeNull();
    expect(pathReading('partner_id/id')).toBeNull();
  });

  it('maps an Odoo order-line export with no flags, and says which headers were read by their last part', () => {
    const m = deals(odoo);
    expect(m.header).toMatchObject({
      client: 'order_line/order_partner_id/display_name',
      amount: 'order_line/price_subtotal',
      date: 'order_line/order_id/date_order',
      status: 'order_line/order_id/state',
      manager: 'order_line/order_id/user_id',
      product: 'order_line/product_id',
    });
    const text = warningText(warning('PATH_HEADERS', { paths: m.paths }), 'en');
    expect(text).toContain('"order_line/price_subtotal" as the amount ("price_subtotal")');
    expect(text).toContain('"order_line/order_id/state" as the status ("state")');
    expect(warningText(warning('PATH_HEADERS', { paths: m.paths }), 'ru')).toContain(
      '«order_line/price_subtotal» — amount («price_subtotal»)',
    );
  });

  it('lets a header that matches as written win over a path read by its last part', () => {
    const m = deals(['Customer', 'lines/partner_id/name', 'Amount']);
    expect(m.header.client).toBe('Customer');
    expect(m.paths).toEqual([]);
  });

  it('takes "state" as the status only from a path: a plain "State" is a US state', () => {
    expect(took(['Customer Name', 'State', 'Sales']).status).toBeUndefined();
    expect(took(['Customer Name', 'order_id/state', 'Sales']).status).toBe('order_id/state');
  });

  it('does not read headers with a slash that are not paths by a part', () => {
    // "Amount Paid/Due": a space inside a part is allowed, but "Due" is no deal field.
    expect(took(['Client', 'Amount', 'Amount Paid/Due']).amount).toBe('Amount');
    expect(deals(['Client', 'Amount', 'Сумма / руб']).paths).toEqual([]);
  });
});

describe('header spellings of CRM and ERP exports', () => {
  it.each([
    // [headers, field, header taken]
    [['Account Name', 'revenue_amount', 'Close Date'], 'amount', 'revenue_amount'],
    [['client', 'premium_amount', 'income_due_date'], 'amount', 'premium_amount'],
    [['client', 'premium_amount', 'income_due_date'], 'date', 'income_due_date'],
    [['Customer', 'price_subtotal'], 'amount', 'price_subtotal'],
    [['Account Name', 'Expected Revenue'], 'amount', 'Expected Revenue'],
    [['Account Name', 'ARR'], 'amount', 'ARR'],
    [['Account Name', 'MRR'], 'amount', 'MRR'],
    [['Клиент', 'Сумма сделки'], 'amount', 'Сумма сделки'],
    [['Клиент', 'Выручка'], 'amount', 'Выручка'],
    [['Покупатель', 'Сумма заказа', 'Дата оформления'], 'date', 'Дата оформления'],
    [['Account', 'Amount', 'invoice_date'], 'date', 'invoice_date'],
    [['Account', 'Amount', 'Closed On'], 'date', 'Closed On'],
    [['Контрагент', 'Сумма', 'Дата реализации'], 'date', 'Дата реализации'],
    [['Контрагент', 'Сумма', 'Дата отгрузки'], 'date', 'Дата отгрузки'],
    [['Account', 'Amount', 'Account Executive'], 'manager', 'Account Executive'],
    [['Account', 'Amount', 'Account Exe ID'], 'manager', 'Account Exe ID'],
    [['Account', 'Amount', 'Sales Rep'], 'manager', 'Sales Rep'],
    [['Account', 'Amount', 'Deal Owner'], 'manager', 'Deal Owner'],
    [['Компания', 'Бюджет', 'Менеджер сделки'], 'manager', 'Менеджер сделки'],
    [['end_customer', 'Amount'], 'client', 'end_customer'],
    [['AccountId', 'Amount'], 'client', 'AccountId'],
    [['Account ID', 'Amount'], 'client', 'Account ID'],
    [['Партнёр', 'Сумма'], 'client', 'Партнёр'],
    [['Account', 'Amount', 'Opportunity Stage'], 'status', 'Opportunity Stage'],
    [['Покупатель', 'Сумма заказа', 'Статус заказа'], 'status', 'Статус заказа'],
  ])('%j: %s is "%s"', (headers, field, header) => {
    expect(took(headers)[field]).toBe(header);
  });

  it.each([
    ['CurrencyIsoCode'],
    ['Currency Code'],
    ['currency_id'],
    ['Deal Currency'],
    ['Валюта сделки'],
    ['Код валюты'],
    ['Currency ISO Code'],
  ])('takes %s as the currency', (header) => {
    expect(took(['Account Name', 'Amount', header]).currency).toBe(header);
  });

  it.each([
    // Forms that must not be the amount: a share of it, a discount, a VAT sum, a tier, a probability.
    ['Amount Paid %'],
    ['Discount amount'],
    ['Сумма НДС'],
    ['Сумма скидки'],
    ['Amount Tier'],
    ['Probability (%)'],
    ['Arrival'],
    ['Arrears'],
    ['MRR Growth'],
    ['Premium Rate'],
  ])('does not take %s as the amount', (header) => {
    const fit = fitColumns('f.csv', ['Client', header], DEAL_NEEDS, {}, 1);
    expect(fit.mapping.index.amount).toBeUndefined();
  });

  it.each([['Arrival Date'], ['Due Date'], ['Modified Time'], ['Date of Birth']])(
    'does not date revenue by %s when the file has no other date',
    (header) => {
      expect(took(['Client', 'Amount', header]).date).toBeUndefined();
    },
  );

  it.each([['Currency Rate'], ['Exchange rate'], ['Currency Symbol Position']])(
    'does not take %s as the currency',
    (h) => {
      expect(took(['Client', 'Amount', h]).currency).toBeUndefined();
    },
  );

  it('names both VAT columns, the one taken and the flag', () => {
    const m = deals(['Контрагент', 'Сумма без НДС', 'Сумма с НДС', 'Сумма НДС']);
    expect(m.header.amount).toBe('Сумма с НДС');
    const [choice] = m.choices.filter((c) => c.field === 'amount');
    expect(choice).toEqual({ field: 'amount', took: 'Сумма с НДС', over: ['Сумма без НДС'] });
    const ru = warningText(warning('COLUMN_CHOICE', choice as never), 'ru');
    expect(ru).toBe('взята колонка «Сумма с НДС», а не «Сумма без НДС» (выбрать другую: --map amount=ЗАГОЛОВОК)');
  });

  it('takes the lead amount from a Zoho or Odoo opportunity export', () => {
    const m = mapColumns('f.csv', ['Opportunity', 'Customer', 'Expected Revenue', 'Expected Closing'], LEAD_FIELDS);
    expect(m.header).toMatchObject({
      lead: 'Opportunity',
      amount: 'Expected Revenue',
      expectedClose: 'Expected Closing',
    });
  });

  it('prefers a named contact channel to a vague "Type"', () => {
    const m = mapColumns('f.csv', ['Date', 'Account', 'Outcome', 'Type', 'Call Type'], ACTIVITY_FIELDS);
    expect(m.header.channel).toBe('Call Type');
  });
});

describe('a duplicated header', () => {
  it('on a field that only labels a row is a warning naming both columns, the first taken', () => {
    const fit = fitColumns('f.csv', ['Клиент', 'Товар', 'Сумма', 'Товар'], DEAL_NEEDS, {}, 1);
    expect(fit.duplicate).toBeNull();
    expect(fit.mapping.index.product).toBe(1);
    expect(fit.mapping.choices).toEqual([{ field: 'product', header: 'Товар', columns: [2, 4] }]);
  });

  it('on a field a figure depends on stops the run, naming the flag', () => {
    const fit = fitColumns('f.csv', ['Клиент', 'Сумма', 'Сумма'], DEAL_NEEDS, {}, 1);
    expect(fit.duplicate).toMatchObject({ code: 'DUPLICATE_HEADER' });
    expect(english(fit.duplicate).hint).toContain('--map amount=2');
  });
});
