/**
 * Dates as CRM exports write them, read to a day number (days since 1970-01-01) so that
 * comparisons and spans are integer arithmetic and no time zone can shift a day.
 *
 * Recognised: ISO `2026-10-05` (with a time, `T` or space, and an offset ignored);
 * `5.10.2026` and `05.10.26` with an optional time (amoCRM, Bitrix24, 1C); `5/10/2026` and
 * `5-10-2026` day-first or month-first; `15 Apr, 2021`, `Apr 15, 2021`, `15-Apr-21`,
 * `15 апреля 2021`. Two-digit years follow Excel: 00–29 are 2000s, 30–99 are 1900s.
 *
 * Whether `03/07/2021` is 3 July or 7 March is a property of the column: it stays
 * "ambiguous" until a value such as `25/07/2021` settles it, or `--date-format` does.
 */

import { cell, type CellText } from '../codes/error-fields.js';
export type DayOrder = 'dmy' | 'mdy';

export const enum DateRead {
  Ok,
  /** No date: empty, or text without digits such as «не закрыта». */
  Empty,
  Ambiguous,
  Invalid,
}

export interface ParsedDate {
  day: number;
  /** The day order this value proved (a part over 12), or null. */
  proves: DayOrder | null;
  /** Why the value is invalid (when read returns Invalid), as id and fields: the catalog words it. */
  cause: CellText;
}

const NO_CAUSE = cell('UNREADABLE_DATE', {});

export function newParsedDate(): ParsedDate {
  return { day: 0, proves: null, cause: NO_CAUSE };
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'янв', 'январь', 'января']],
  [2, ['feb', 'february', 'фев', 'февраль', 'февраля']],
  [3, ['mar', 'march', 'мар', 'март', 'марта']],
  [4, ['apr', 'april', 'апр', 'апрель', 'апреля']],
  [5, ['may', 'май', 'мая']],
  [6, ['jun', 'june', 'июн', 'июнь', 'июня']],
  [7, ['jul', 'july', 'июл', 'июль', 'июля']],
  [8, ['aug', 'august', 'авг', 'август', 'августа']],
  [9, ['sep', 'sept', 'september', 'сен', 'сент', 'сентябрь', 'сентября']],
  [10, ['oct', 'october', 'окт', 'октябрь', 'октября']],
  [11, ['nov', 'november', 'ноя', 'нояб', 'ноябрь', 'ноября']],
  [12, ['dec', 'december', 'дек', 'декабрь', 'декабря']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

const TIME = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})${TIME}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`, 'i');
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})[\s.-]*([\p{L}]+)\.?[\s,.-]*(\d{2}|\d{4})(?:\s*г\.?)?${TIME}$`,
  'iu',
);
const MONTH_NAME_DAY = new RegExp(String.raw`^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`, 'iu');

const HAS_DIGIT = /\d/;

/**
 * Read one date. `order` is the column's day order once known (or from --date-format).
 */
export function readDate(raw: string, order: DayOrder | null, out: ParsedDate): DateRead {
  out.proves = null;
  const fast = fastIso(raw);
  if (fast >= 0) {
    out.day = fast;
    return DateRead.Ok;
  }
  const dotted = fastDotted(raw);
  if (dotted >= 0) {
    out.day = dotted;
    return DateRead.Ok;
  }
  const s = raw.trim();
  if (s === '' || !HAS_DIGIT.test(s)) return DateRead.Empty;

  let m = ISO.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), out);
  m = DOTTED.exec(s);
  if (m) return ymd(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]), out);
  m = SLASHED.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4] ?? '');
    let proves: DayOrder | null = null;
    // Neither part a month: no date in either order, whatever the column's order.
    if (a > 12 && b > 12) {
      out.cause = cell('NO_DATE_EITHER_ORDER', { first: a, second: b });
      return DateRead.Invalid;
    }
    if (a > 12 && b <= 12) proves = 'dmy';
    else if (b > 12 && a <= 12) proves = 'mdy';
    if (proves !== null && order !== null && proves !== order) {
      out.cause = cell('WRONG_DAY_ORDER', { column: order });
      return DateRead.Invalid;
    }
    const use = proves ?? order ?? (a === b ? 'dmy' : null);
    if (use === null) return DateRead.Ambiguous;
    out.proves = proves;
    return use === 'dmy' ? ymd(year, b, a, out) : ymd(year, a, b, out);
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month !== undefined) return ymd(fullYear(m[3] ?? ''), month, Number(m[1]), out);
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month !== undefined) return ymd(Number(m[3]), month, Number(m[2]), out);
  }
  out.cause = NO_CAUSE;
  return DateRead.Invalid;
}

/** `yyyy-mm-dd` at the start, followed by nothing, a time or an offset: most ISO columns. */
function fastIso(s: string): number {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  if (s.length > 10) {
    const c = s.charCodeAt(10);
    if (c !== 84 && c !== 32) return -1;
    if (!/^[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.test(s.slice(10))) return -1;
  }
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) return -1;
  return dayNumber(y, month, day);
}

/** `dd.mm.yyyy`, alone: the other half of most files (amoCRM, Bitrix24, 1C). */
function fastDotted(s: string): number {
  if (s.length !== 10 || s.charCodeAt(2) !== 46 || s.charCodeAt(5) !== 46) return -1;
  let v = 0;
  for (const i of [0, 1, 3, 4, 6, 7, 8, 9]) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  const year = v % 10_000;
  const month = Math.floor(v / 10_000) % 100;
  const day = Math.floor(v / 1_000_000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return dayNumber(year, month, day);
}

function ymd(year: number, month: number, day: number, out: ParsedDate): DateRead {
  if (month < 1 || month > 12) {
    out.cause = cell('NO_MONTH', { month });
    return DateRead.Invalid;
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    out.cause = cell('NO_DAY', { day, year, month });
    return DateRead.Invalid;
  }
  out.day = dayNumber(year, month, day);
  return DateRead.Ok;
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (Date.UTC
 * costs more than the rest of a row's work). The year is counted from March, so that the
 * leap day falls at its end; eras are 400-year cycles of 146 097 days.
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** ISO `yyyy-mm-dd` of a day number. */
export function formatDay(day: number): string {
  const p = dayParts(day);
  return `${p.year}-${p.month < 10 ? '0' : ''}${p.month}-${p.day < 10 ? '0' : ''}${p.day}`;
}

/** Year, month and day of a day number: the inverse of `dayNumber`, by the same era arithmetic. */
export function dayParts(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** The same day `months` months later (or earlier), clamped to the month's last day: 31.05 − 3 months = 28.02. */
export function addMonths(day: number, months: number): number {
  const p = dayParts(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayNumber(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Today in the local time zone, as a day number. */
export function today(now: Date = new Date()): number {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** `--date-format` values: an order name or a pattern such as `dd/mm/yyyy`. */
export function parseDayOrder(text: string): DayOrder | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[^dmy]/g, '')
    .replace(/d+/g, 'd')
    .replace(/m+/g, 'm')
    .replace(/y+/g, 'y');
  if (t === 'dmy') return 'dmy';
  if (t === 'mdy') return 'mdy';
  return null;
}
