import { describe, expect, it } from 'vitest';
import { DateColumn, serialDay } from '../../src/normalize/column-readers.js';
import { closestHeader, fitColumns, missingError } from '../../src/normalize/columns.js';
import { DateRead, formatDay } from '../../src/normalize/dates.js';
import { DEAL_FIELDS, DEAL_NEEDS } from '../../src/normalize/deals.js';
import { LEAD_FIELDS } from '../../src/normalize/leads.js';
import { english } from '../helpers/said.js';

const spec = (fields: typeof DEAL_FIELDS, name: string) => fields.find((s) => s.field === name) as (typeof fields)[0];

describe('the column proposed for a missing field fits its kind', () => {
  // A Salesforce-like report with no header folio knows for the amount: the person and
  // opportunity names are text; "Opp Value" holds the numbers; "Deal Ref" holds IDs.
  const headers = ['Account Owner Full', 'Opportunity Title', 'Client', 'Opp Value', 'Deal Ref', 'Booked'];
  const rows = [
    ['Ann Lee', 'Renewal 2024', 'Acme', '1,200.00', '10071', '2024-03-01'],
    ['Bob Ray', 'Upsell', 'Beta', '300', '10072', '2024-03-05'],
    ['Ann Lee', 'New logo', 'Gamma', '4 500,50', '10073', '2024-04-11'],
  ];

  it('for an amount: a column of numbers, never the text columns named most like it', () => {
    // By name alone "Opportunity Title" is nearer to "opportunity amount" than any other header.
    expect(closestHeader(spec(DEAL_FIELDS, 'amount'), headers)).toBeNull();
    expect(closestHeader(spec(DEAL_FIELDS, 'amount'), headers, rows)).toBe('Opp Value');
  });

  it('for a date: a column of dates', () => {
    expect(closestHeader(spec(DEAL_FIELDS, 'date'), headers, rows)).toBe('Booked');
  });

  it('never proposes IDs, or a column another field took', () => {
    const noValue = rows.map((r) => [...r.slice(0, 3), 'n/a', ...r.slice(4)]);
    // "Opp Value" now holds text: the only numbers left are the IDs of "Deal Ref".
    expect(closestHeader(spec(DEAL_FIELDS, 'amount'), headers, noValue)).toBeNull();
    expect(closestHeader(spec(DEAL_FIELDS, 'amount'), headers, rows, new Set([3]))).toBeNull();
  });

  it('never offers Excel day numbers under a date header as the amount, but offers them as the date', () => {
    const h = ['Client', 'Order Date', 'Premium'];
    const r = [
      ['Acme', '43867', 'n/a'],
      ['Beta', '43868', 'n/a'],
    ];
    expect(closestHeader(spec(DEAL_FIELDS, 'amount'), h, r)).toBeNull();
    expect(closestHeader(spec(DEAL_FIELDS, 'date'), h, r)).toBe('Order Date');
  });

  it('ranks numeric columns by name: a total over a tax for a lead amount', () => {
    const h = ['Subject', 'Tax', 'Grand Total', 'Due Date'];
    const r = [['Sofa', '490.06', '7,982', '03-07-2021 01:09']];
    expect(closestHeader(spec(LEAD_FIELDS, 'amount'), h, r)).toBe('Grand Total');
  });

  it('puts the proposal in the error that stops the run', () => {
    const fit = fitColumns('f.csv', headers, DEAL_NEEDS, {}, 1);
    const error = missingError('f.csv', 1, fit, {}, true, rows);
    expect(english(error).hint).toContain('closest: "Opp Value"; map one with --map amount=HEADER');
  });
});

describe('Excel serial dates in a text date column', () => {
  it('reads 5-digit day numbers from 1970 to 2099 as dates, nothing else', () => {
    // 43867 days after Excel's day 0 (1899-12-30) is 2020-02-06: 43867 − 25569 = 18298 days after 1970-01-01.
    expect(formatDay(serialDay('43867'))).toBe('2020-02-06');
    expect(formatDay(serialDay('43867.75'))).toBe('2020-02-06');
    expect(formatDay(serialDay('25569'))).toBe('1970-01-01');
    expect(serialDay('25568')).toBe(-1);
    expect(serialDay('73051')).toBe(-1);
    expect(serialDay('4386')).toBe(-1);
    expect(serialDay('20200206')).toBe(-1);
    expect(serialDay('43 867')).toBe(-1);
  });

  it('counts each line once, and keeps the first for the warning', () => {
    const column = new DateColumn(null);
    expect(column.read('43867', 2)).toBe(DateRead.Ok);
    expect(formatDay(column.value.day)).toBe('2020-02-06');
    expect(column.read('2020-02-07', 3)).toBe(DateRead.Ok);
    expect(column.read('43869', 4)).toBe(DateRead.Ok);
    // A held row read again is not counted twice.
    expect(column.read('43869', 4)).toBe(DateRead.Ok);
    expect(column.read('12345', 5)).toBe(DateRead.Invalid);
    expect(column.serials).toBe(2);
    expect(column.firstSerial).toEqual({ line: 2, raw: '43867', day: serialDay('43867') });
  });
});
