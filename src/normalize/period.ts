import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import { addMonths, DateRead, dayNumber, dayParts, daysInMonth, formatDay, newParsedDate, readDate } from './dates.js';

/** An inclusive range of days. */
export interface Period {
  from: number;
  to: number;
}

/** The period as JSON shows it; an open end (only --from or only --to) is null. */
export function periodJson(p: Period | null): { from: string | null; to: string | null } | null {
  if (p === null) return null;
  const day = (d: number): string | null => (Number.isFinite(d) ? formatDay(d) : null);
  return { from: day(p.from), to: day(p.to) };
}

/**
 * `--period` as a month (`2026-10`), a quarter (`2026-Q3`), a half (`2026-H1`) or a year
 * (`2026`); or `--from`/`--to`, either one open-ended; or `--last N`, the N days up to and
 * including as-of.
 */
export function parsePeriod(
  period: string | undefined,
  from: string | undefined,
  to: string | undefined,
  last?: { days: number; asOf: number },
): Period | null {
  if (last !== undefined && (period !== undefined || from !== undefined || to !== undefined)) {
    throw new FolioError({
      code: 'USAGE',
      says: says('LAST_WITH_PERIOD', {}),
    });
  }
  if (period !== undefined && (from !== undefined || to !== undefined)) {
    throw new FolioError({
      code: 'USAGE',
      says: says('PERIOD_WITH_RANGE', {}),
    });
  }
  if (last !== undefined) return { from: last.asOf - last.days + 1, to: last.asOf };
  if (period !== undefined) return namedPeriod(period);
  if (from === undefined && to === undefined) return null;
  const p = {
    from: from === undefined ? -Infinity : flagDate('--from', from),
    to: to === undefined ? Infinity : flagDate('--to', to),
  };
  if (p.from > p.to) {
    throw new FolioError({
      code: 'USAGE',
      says: says('FROM_AFTER_TO', { from: String(from), to: String(to) }),
    });
  }
  return p;
}

function namedPeriod(text: string): Period {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return months(Number(m[1]), 1, 12);
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return months(Number(m[1]), Number(m[2]), Number(m[2]));
  m = /^(\d{4})-?Q([1-4])$/.exec(t);
  if (m) return months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-?H([12])$/.exec(t);
  if (m) return months(Number(m[1]), Number(m[2]) * 6 - 5, Number(m[2]) * 6);
  throw new FolioError({
    code: 'USAGE',
    value: text,
    says: says('NOT_A_PERIOD', { text }),
  });
}

function months(year: number, first: number, last: number): Period {
  return { from: dayNumber(year, first, 1), to: dayNumber(year, last, daysInMonth(year, last)) };
}

/** A date given on the command line: ISO or dd.mm.yyyy. */
export function flagDate(flag: string, text: string): number {
  const out = newParsedDate();
  if (readDate(text, 'dmy', out) === DateRead.Ok) return out.day;
  throw new FolioError({
    code: 'USAGE',
    says: says('NOT_A_DATE', { flag, text }),
  });
}

/**
 * The period of the same length just before: the previous month, quarter or year for a
 * whole number of calendar months, otherwise the same number of days.
 */
export function previousPeriod(p: Period): Period {
  const start = dayParts(p.from);
  const end = dayParts(p.to + 1);
  if (start.day === 1 && end.day === 1) {
    const months = (end.year - start.year) * 12 + (end.month - start.month);
    return { from: addMonths(p.from, -months), to: p.from - 1 };
  }
  const length = p.to - p.from + 1;
  return { from: p.from - length, to: p.from - 1 };
}

/** Where the as-of day came from: `--as-of`, today, or the day after a past period. */
export type AsOfSource = 'given' | 'today' | 'period';

/**
 * The day a command reports as of: `--as-of` when given; else, for a period that has ended,
 * the day after it (a report for 2017-12 is as of 2018-01-01: the client base, the leads, the
 * cadence and the offers as they stood when the period closed); else today. A period still
 * running, or open at its end, leaves today.
 */
export function asOfFor(
  period: Period | null,
  given: number | null,
  today: number,
): { day: number; source: AsOfSource } {
  if (given !== null) return { day: given, source: 'given' };
  if (period !== null && Number.isFinite(period.to) && period.to + 1 < today)
    return { day: period.to + 1, source: 'period' };
  return { day: today, source: 'today' };
}

/** The last full calendar month before as-of: the report's default period. */
export function lastFullMonth(asOf: number): Period {
  const p = dayParts(asOf);
  const firstOfThisMonth = dayNumber(p.year, p.month, 1);
  const to = firstOfThisMonth - 1;
  const q = dayParts(to);
  return { from: dayNumber(q.year, q.month, 1), to };
}
