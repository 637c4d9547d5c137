import { describe, expect, it } from 'vitest';
import {
  DateRead,
  dayNumber,
  formatDay,
  newParsedDate,
  parseDayOrder,
  readDate,
  type DayOrder,
} from '../../src/normalize/dates.js';
import { cellText } from '../../src/present/messages/error-words.js';

function read(raw: string, order: DayOrder | null = null): string | DateRead {
  const out = newParsedDate();
  const r = readDate(raw, order, out);
  return r === DateRead.Ok ? formatDay(out.day) : r;
}

describe('readDate', () => {
  it.each([
    ['2026-10-05', '2026-10-05'],
    ['2026-10-05T23:59:59Z', '2026-10-05'],
    ['2026-10-05 23:59', '2026-10-05'],
    ['2026-10-05T10:00:00+03:00', '2026-10-05'],
    ['2026/1/5', '2026-01-05'],
    ['05.10.2026', '2026-10-05'],
    ['5.1.2026', '2026-01-05'],
    ['05.10.26', '2026-10-05'],
    ['05.10.2026 9:05', '2026-10-05'],
    ['05.10.2026 09:05:33', '2026-10-05'],
    ['01.01.30', '1930-01-01'],
    ['31.12.29', '2029-12-31'],
    ['15 Apr, 2021 00:02:00', '2021-04-15'],
    ['Apr 15, 2021', '2021-04-15'],
    ['15-Apr-21', '2021-04-15'],
    ['15 апреля 2021', '2021-04-15'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %s as %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });

  it('settles slash dates by a part over 12 and refuses a contradiction', () => {
    const out = newParsedDate();
    expect(readDate('25/12/2026', null, out)).toBe(DateRead.Ok);
    expect(out.proves).toBe('dmy');
    expect(readDate('12/25/2026', null, out)).toBe(DateRead.Ok);
    expect(out.proves).toBe('mdy');
    expect(read('12/25/2026', 'dmy')).toBe(DateRead.Invalid);
    expect(read('02/24/03')).toBe('2003-02-24');
  });

  it('leaves 03/04/2026 ambiguous until the column says, but not 03/03/2026', () => {
    expect(read('03/04/2026')).toBe(DateRead.Ambiguous);
    expect(read('03-04-2026 01:09')).toBe(DateRead.Ambiguous);
    expect(read('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(read('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(read('03/03/2026')).toBe('2026-03-03');
  });

  it('refuses impossible dates', () => {
    expect(read('2026-13-45')).toBe(DateRead.Invalid);
    expect(read('31.04.2026')).toBe(DateRead.Invalid);
    expect(read('29.02.2026')).toBe(DateRead.Invalid);
    expect(read('2026-02-30')).toBe(DateRead.Invalid);
    expect(read('45123')).toBe(DateRead.Invalid);
  });

  it('calls 13/25/2026 no date in either order, whatever the column says, and not ambiguous', () => {
    for (const order of [null, 'dmy', 'mdy'] as const) {
      const out = newParsedDate();
      expect(readDate('13/25/2026', order, out)).toBe(DateRead.Invalid);
      expect(out.cause).toEqual({ id: 'NO_DATE_EITHER_ORDER', fields: { first: 13, second: 25 } });
      expect(cellText({ text: out.cause, hint: 'date-format' }, 'en').text).toBe(
        'no date day-first or month-first: neither 13 nor 25 is a month',
      );
    }
    // Forms that must not be read so: one part a month proves the order; both at most 12 wait for the column.
    expect(read('12/25/2026')).toBe('2026-12-25');
    expect(read('25/12/2026')).toBe('2026-12-25');
    expect(read('13-12-2026')).toBe('2026-12-13');
    expect(read('03/04/2026')).toBe(DateRead.Ambiguous);
    expect(read('12/12/2026')).toBe('2026-12-12');
  });

  it('reads text without digits as no date (an open deal)', () => {
    expect(read('не закрыта')).toBe(DateRead.Empty);
    expect(read('')).toBe(DateRead.Empty);
    expect(read('—')).toBe(DateRead.Empty);
  });

  it('counts days from 1970-01-01 (checked against known day counts)', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2000, 3, 1)).toBe(11_017); // 30 years × 365 + 7 leap days + 31 + 29
    expect(dayNumber(2026, 11, 23) - dayNumber(2026, 1, 1)).toBe(326);
  });

  it('parses --date-format values', () => {
    expect(parseDayOrder('dd/mm/yyyy')).toBe('dmy');
    expect(parseDayOrder('MM/DD/YY')).toBe('mdy');
    expect(parseDayOrder('yyyy-mm-dd')).toBe(null);
  });
});

describe('dayNumber', () => {
  it('agrees with Date.UTC on every day from 1899 to 2101 (an independent method)', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      expect(dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(t / 86_400_000);
    }
  });
});

describe('formatDay', () => {
  it('inverts dayNumber and agrees with Date on every day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      expect(formatDay(t / 86_400_000)).toBe(new Date(t).toISOString().slice(0, 10));
    }
  });
});
