import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteCsvScanner, fieldText, type ByteRecord } from '../../src/io/byte-scanner.js';
import { spanText } from '../../src/io/byte-text.js';
import { CsvScanner } from '../../src/io/csv-scanner.js';
import { mapColumns } from '../helpers/map-columns.js';
import { AS_TEXT, DealByteConverter } from '../../src/normalize/deal-bytes.js';
import { DEAL_FIELDS, DealConverter, type Deal } from '../../src/normalize/deals.js';
import { Problems } from '../../src/normalize/problems.js';
import { RowFeed } from '../../src/normalize/row-feed.js';
import { NO_USER_VOCABULARY } from '../../src/normalize/vocabulary.js';

// The byte reader against the text reader on the same rows: random deal files mixing the
// rows exports are made of with the ones that must be read from their text (doubled quotes,
// blank and totals clients, bad, ambiguous and currency amounts, dates with times, repeated
// and conflicting IDs, short and long rows, statuses no list knows), in UTF-8 and in
// Windows-1251. Every deal made, in order, and every count the converter keeps must be the
// same. The text reader is the reference: it is what folio reads with on one thread.

const HEADERS = [
  ['ID', 'Client', 'Amount', 'Status', 'Manager', 'Close date', 'Note'],
  ['Сделка', 'Компания', 'Бюджет', 'Этап сделки', 'Ответственный', 'Дата закрытия', 'Валюта'],
  // A won column beside the status words: the rows on which they disagree are counted.
  ['ID', 'Client', 'Amount', 'Stage', 'Manager', 'Close date', 'IsWon'],
];

const CLIENTS = [
  'Acme',
  'ООО Ромашка',
  '"Beta, Inc"',
  'Gamma ""G""',
  '',
  '  ',
  'Итого',
  'Total for October',
  'Total Wine & More',
  'Ёлка',
  'acme',
  ' Acme ',
];
const AMOUNTS = [
  '100',
  '1250.50',
  '-30',
  '1 234,56',
  '1\u00a0234,56',
  '1,234',
  '2,5',
  '12.345',
  '$40',
  '1O0',
  '',
  '22.200000000000003',
  '7',
  '0.1',
  '(5)',
  '1 000 000',
];
const STATUSES = [
  'Won',
  'Lost',
  'Open',
  'Успешно реализовано',
  'Закрыто и не реализовано',
  'Paused',
  'won',
  '',
  // A refund (its positive amounts turned round), a partial payment, a bare «Закрыт» and
  // Closed, a not-yet phrase (as many rows left out by status as before, in share).
  'Refund',
  'Частично оплачен',
  'Закрыт',
  'Closed',
  'К выполнению',
];
const MANAGERS = ['Olga', 'Иван Петров', '', 'Olga '];
const DATES = [
  '2026-04-14',
  '14.04.2026',
  '2026-04-14 10:00',
  '',
  '04/05/2026',
  '31.02.2026',
  'не закрыта',
  '2025-12-31',
];
const NOTES = ['', 'x', 'RUB', 'USD', 'шт', '"a\nb"', 'true', 'false', '0'];

const row = fc.record({
  id: fc.oneof(
    fc.integer({ min: 1, max: 30 }).map(String),
    fc.constantFrom('', ' 7', '07', '1234567890', 'A-1', 'Б-2'),
  ),
  client: fc.constantFrom(...CLIENTS),
  amount: fc.constantFrom(...AMOUNTS),
  status: fc.constantFrom(...STATUSES),
  manager: fc.constantFrom(...MANAGERS),
  date: fc.constantFrom(...DATES),
  note: fc.constantFrom(...NOTES),
  width: fc.constantFrom(7, 7, 7, 7, 6, 4, 8),
  repeat: fc.constantFrom(false, false, false, true),
});

const cases = fc.record({
  header: fc.constantFrom(0, 1, 2),
  rows: fc.array(row, { minLength: 1, maxLength: 60 }),
  delimiter: fc.constantFrom(',', ';'),
  encoding: fc.constantFrom('utf-8' as const, 'windows-1251' as const),
});

function cell(value: string, delimiter: string): string {
  if (value.startsWith('"')) return value;
  return value.includes(delimiter) || value.includes('\n') ? `"${value.replaceAll('"', '""')}"` : value;
}

function encode(text: string, encoding: 'utf-8' | 'windows-1251'): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const units = spanText('windows-1251').units as Uint16Array;
  const back = new Map<number, number>();
  for (let b = 255; b >= 0; b--) back.set(units[b] as number, b);
  return Uint8Array.from([...text].map((ch) => back.get(ch.charCodeAt(0)) ?? 63));
}

interface Reading {
  deals: Deal[];
  problems: { line: number; code: string }[];
  counts: Record<string, unknown>;
}

function counts(c: DealConverter, problems: Problems, feed: RowFeed<Deal>): Record<string, unknown> {
  const amount = c.amounts.get('amount');
  return {
    folded: c.folded,
    repeatedIds: c.repeatedIdCount,
    refundsFlipped: c.refundsFlipped,
    statusOnlyWon: c.statusOnlyWon,
    flagOnlyWon: c.flagOnlyWon,
    totals: c.totals,
    totalsLines: c.totalsLines,
    skipped: c.skipped,
    problems: problems.count,
    held: feed.heldRows,
    mark: amount?.mark ?? null,
    settledAt: amount?.settledAt ?? 0,
    statuses: c.statuses.snapshot().seen.sort((a, b) => (a.value < b.value ? -1 : 1)),
    // The fingerprints themselves: a part's first rows of IDs join the head's, read as text.
    ids: [...c.idTable.entries().words],
  };
}

function byText(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1251', delimiter: string): Reading {
  const text = new TextDecoder(encoding).decode(bytes);
  const problems = new Problems(true, 1000);
  const deals: Deal[] = [];
  let converter: DealConverter | null = null;
  let feed: RowFeed<Deal> | null = null;
  const scanner = new CsvScanner({ file: 'f.csv', delimiter, maxRecordLength: 1 << 20 }, (fields, line) => {
    if (converter === null) {
      converter = new DealConverter(
        mapColumns('f.csv', fields.slice(), DEAL_FIELDS),
        { file: 'f.csv', decimal: null, dayOrder: null, vocabulary: NO_USER_VOCABULARY },
        problems,
      );
      feed = new RowFeed(converter, (d) => deals.push({ ...d }));
      return;
    }
    if (fields.length === 0) return;
    feed?.push(fields, line);
  });
  scanner.push(text);
  scanner.end();
  const c = converter as unknown as DealConverter;
  const f = feed as unknown as RowFeed<Deal>;
  return {
    deals,
    problems: problems.listed.map((p) => ({ line: p.line ?? 0, code: p.code ?? '' })),
    counts: counts(c, problems, f),
  };
}

function byBytes(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1251', delimiter: string): Reading & { fast: number } {
  const span = spanText(encoding);
  const problems = new Problems(true, 1000);
  const deals: Deal[] = [];
  let converter: DealByteConverter | null = null;
  let feed: RowFeed<Deal> | null = null;
  let fast = 0;
  const spellings = new Map<number, string>();
  const numbers = new Map<string, number>();
  const fields: string[] = [];
  const text = (r: ByteRecord): string[] => {
    fields.length = r.count;
    for (let i = 0; i < r.count; i++) fields[i] = fieldText(r, i, span.text);
    return fields;
  };
  const scanner = new ByteCsvScanner(
    { file: 'f.csv', delimiter: delimiter.charCodeAt(0), maxRecordLength: 1 << 20 },
    (r) => {
      if (converter === null) {
        converter = new DealByteConverter(
          mapColumns('f.csv', text(r).slice(), DEAL_FIELDS),
          { file: 'f.csv', decimal: null, dayOrder: null, vocabulary: NO_USER_VOCABULARY },
          problems,
          span,
        );
        feed = new RowFeed(converter, (d) => deals.push({ ...d }));
        return;
      }
      if (r.count === 0) return;
      const f = feed as unknown as RowFeed<Deal>;
      const deal = f.heldRows === 0 ? converter.convertBytes(r) : AS_TEXT;
      if (deal === AS_TEXT) f.push(text(r), r.line);
      else {
        fast++;
        if (deal !== null) {
          deals.push({ ...deal });
          // The number the sums find a client by stands for one spelling, and one spelling has one number.
          const c = converter.clientNumber;
          expect(spellings.get(c) ?? deal.client).toBe(deal.client);
          spellings.set(c, deal.client);
          expect(numbers.get(deal.client) ?? c).toBe(c);
          numbers.set(deal.client, c);
        }
      }
    },
  );
  scanner.push(bytes);
  scanner.end();
  const c = converter as unknown as DealConverter;
  const f = feed as unknown as RowFeed<Deal>;
  return {
    deals,
    problems: problems.listed.map((p) => ({ line: p.line ?? 0, code: p.code ?? '' })),
    counts: counts(c, problems, f),
    fast,
  };
}

describe('DealByteConverter against DealConverter', () => {
  it('makes the same deals and counts the same, row for row, on random files', () => {
    let fast = 0;
    let rows = 0;
    fc.assert(
      fc.property(cases, ({ header, rows: drawn, delimiter, encoding }) => {
        const lines = [(HEADERS[header] as string[]).join(delimiter)];
        for (const r of drawn) {
          const cells = [r.id, r.client, r.amount, r.status, r.manager, r.date, r.note].map((v) => cell(v, delimiter));
          while (cells.length < r.width) cells.push('');
          const line = cells.slice(0, r.width).join(delimiter);
          lines.push(line);
          if (r.repeat) lines.push(line);
        }
        const bytes = encode(`${lines.join('\r\n')}\r\n`, encoding);
        const want = byText(bytes, encoding, delimiter);
        const got = byBytes(bytes, encoding, delimiter);
        expect(got.deals).toEqual(want.deals);
        expect(got.problems).toEqual(want.problems);
        expect(got.counts).toEqual(want.counts);
        fast += got.fast;
        rows += lines.length - 1;
      }),
      { numRuns: 1500, seed: 1603 },
    );
    // Enough rows took the byte way for the comparison to mean something.
    expect(fast).toBeGreaterThan(rows / 5);
    // 1,500 random files take 25–30 s on a shared two-core machine: more than the default limit.
  }, 90_000);

  it('reads a plain file all from bytes after the first thousand dates, one string per client', () => {
    const lines = ['id,client,amount,status,manager,date'];
    for (let i = 1; i <= 3000; i++)
      lines.push(
        `${i},Client ${i % 7},${100 + i}.5,${i % 3 === 0 ? 'Lost' : 'Won'},Olga,2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      );
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const want = byText(bytes, 'utf-8', ',');
    const got = byBytes(bytes, 'utf-8', ',');
    expect(got.deals).toEqual(want.deals);
    expect(got.counts).toEqual(want.counts);
    // The 1,000 lost rows read no date; of the 2,000 won, the first 1,000 give the date
    // column its shapes from their text.
    expect(got.fast).toBe(1000 + 1000);
  });
});
