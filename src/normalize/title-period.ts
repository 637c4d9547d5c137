import { dayNumber, daysInMonth } from './dates.js';
import type { Period } from './period.js';

/**
 * The period a report prints in its title block (1C, BI tools): «Продажи с 01.10.24 по
 * 30.11.24», «за октябрь 2024 г.», «за 3 квартал 2024 г.», "Period: 01.10.2024 - 30.11.2024",
 * "Sales for October 2024". Dates with dots are day first (the convention of every country
 * that writes them); with slashes or dashes the order must show in the dates themselves
 * (a part over 12), else no period is read rather than a guessed one. A two-digit year is
 * 20yy below 70 and 19yy from 70.
 */

const MONTHS: [RegExp, number][] = [
  [/^(январ[ьяе]|january|jan)$/i, 1],
  [/^(феврал[ьяе]|february|feb)$/i, 2],
  [/^(март[ае]?|march|mar)$/i, 3],
  [/^(апрел[ьяе]|april|apr)$/i, 4],
  [/^(ма[йяе]|may)$/i, 5],
  [/^(июн[ьяе]|june|jun)$/i, 6],
  [/^(июл[ьяе]|july|jul)$/i, 7],
  [/^(август[ае]?|august|aug)$/i, 8],
  [/^(сентябр[ьяе]|september|sept?)$/i, 9],
  [/^(октябр[ьяе]|october|oct)$/i, 10],
  [/^(ноябр[ьяе]|november|nov)$/i, 11],
  [/^(декабр[ьяе]|december|dec)$/i, 12],
];

const DATE = String.raw`(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))`;
const RANGE = new RegExp(
  String.raw`(?:^|[^\d])${DATE}(?:\s*г\.?)?\s*(?:по|до|to|till|until|through|[-–—]|\.\.)\s*${DATE}(?![\d])`,
  'iu',
);
const MONTH_YEAR =
  /(?:^|[\s(«"'])(?:за|for|period:?|период:?)?\s*([\p{L}]{3,9})\s+(\d{4})(?:\s*г(?:ода?)?\.?)?(?![\p{L}\d])/iu;
const QUARTER =
  /(?:(\d|IV|I{1,3})\s*(?:-?й\s+)?квартал[а-я]*\s+(\d{4})|\b[QК]([1-4])\s*(\d{4})|\b(\d{4})\s*[-\s]?[QК]([1-4])\b)/iu;
const YEAR = /(?:за|for)\s+(\d{4})\s*(?:год|г\.|г\b|year)/iu;

interface Parts {
  a: number;
  b: number;
  year: number;
  dots: boolean;
  iso: boolean;
}

function parts(text: string): Parts | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { a: Number(iso[2]), b: Number(iso[3]), year: Number(iso[1]), dots: false, iso: true };
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[4]);
  const year = (m[4] as string).length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
  return { a: Number(m[1]), b: Number(m[3]), year, dots: m[2] === '.', iso: false };
}

function day(p: Parts, dayFirst: boolean): number | null {
  const [d, month] = p.iso ? [p.b, p.a] : dayFirst ? [p.a, p.b] : [p.b, p.a];
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(p.year, month)) return null;
  return dayNumber(p.year, month, d);
}

/** The period a title line names, or null when it names none (or one that could be read two ways). */
export function titlePeriod(text: string): Period | null {
  const range = RANGE.exec(text);
  if (range) {
    const from = parts(range[1] as string);
    const to = parts(range[2] as string);
    if (from && to) {
      // Day first with dots; with slashes or dashes only when a date shows it (a part over 12).
      const shows = (p: Parts): 'day' | 'month' | null => (p.iso ? null : p.a > 12 ? 'day' : p.b > 12 ? 'month' : null);
      const order = from.dots || to.dots ? 'day' : (shows(from) ?? shows(to));
      const plain = from.iso && to.iso;
      if (order !== null || plain) {
        const f = day(from, order !== 'month');
        const t = day(to, order !== 'month');
        if (f !== null && t !== null && f <= t) return { from: f, to: t };
      }
    }
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
    const q = quarter[1] ?? quarter[3] ?? quarter[6] ?? '';
    const n = roman[q.toUpperCase()] ?? Number(q);
    const year = Number(quarter[2] ?? quarter[4] ?? quarter[5]);
    if (n >= 1 && n <= 4) {
      const first = (n - 1) * 3 + 1;
      return { from: dayNumber(year, first, 1), to: dayNumber(year, first + 2, daysInMonth(year, first + 2)) };
    }
  }
  for (const m of text.matchAll(new RegExp(MONTH_YEAR.source, 'giu'))) {
    const month = MONTHS.find(([re]) => re.test(m[1] as string))?.[1];
    if (month === undefined) continue;
    const year = Number(m[2]);
    return { from: dayNumber(year, month, 1), to: dayNumber(year, month, daysInMonth(year, month)) };
  }
  const year = YEAR.exec(text);
  if (year) {
    const y = Number(year[1]);
    return { from: dayNumber(y, 1, 1), to: dayNumber(y, 12, 31) };
  }
  return null;
}
