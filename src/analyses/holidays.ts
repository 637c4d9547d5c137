import { dayNumber, dayParts } from '../normalize/dates.js';

/** The countries whose public holidays folio knows by law (docs/rules.md §9). */
export const COUNTRIES = ['ru', 'bg'] as const;
export type Country = (typeof COUNTRIES)[number];

/** 0 Sunday … 6 Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const isWeekend = (day: number): boolean => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

/**
 * Orthodox Easter Sunday as a Gregorian day number: the Julian computus (Meeus), then the
 * days the Julian calendar lags behind (13 from 1900 to 2099, 14 in the 2100s).
 */
export function orthodoxEaster(year: number): number {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const lag = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return dayNumber(year, month, day) + lag;
}

/**
 * Each holiday of `fixed` that falls on a Saturday or Sunday gives the first working day after
 * it (not a weekend, not a holiday, not already given) as a day off, in date order.
 */
function withWeekendMoves(fixed: readonly number[], off: Set<number>): void {
  for (const day of [...fixed].sort((a, b) => a - b)) {
    if (!isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || off.has(next)) next++;
    off.add(next);
  }
}

/**
 * Russia, Labour Code art. 112: 1–8 January, 23 February, 8 March, 1 and 9 May, 12 June,
 * 4 November. A holiday other than January's that falls on a weekend moves the day off to the
 * next working day (part 2); January's weekend days are moved by the yearly decree, which only
 * a file can give.
 */
function russianDaysOff(year: number): Set<number> {
  const at = (month: number, day: number): number => dayNumber(year, month, day);
  const january = [1, 2, 3, 4, 5, 6, 7, 8].map((day) => at(1, day));
  const rest = [at(2, 23), at(3, 8), at(5, 1), at(5, 9), at(6, 12), at(11, 4)];
  const off = new Set([...january, ...rest]);
  withWeekendMoves(rest, off);
  return off;
}

/**
 * Bulgaria, Labour Code art. 154: 1 January, 3 March, 1 and 6 May, 24 May, 6 and 22 September,
 * 24–26 December, and Orthodox Easter from Good Friday to Easter Monday. A holiday other than
 * Easter's that falls on a weekend moves the day off to the next working day.
 */
function bulgarianDaysOff(year: number): Set<number> {
  const at = (month: number, day: number): number => dayNumber(year, month, day);
  const fixed = [
    at(1, 1),
    at(3, 3),
    at(5, 1),
    at(5, 6),
    at(5, 24),
    at(9, 6),
    at(9, 22),
    at(12, 24),
    at(12, 25),
    at(12, 26),
  ];
  const easter = orthodoxEaster(year);
  const off = new Set([...fixed, easter - 2, easter - 1, easter, easter + 1]);
  withWeekendMoves(fixed, off);
  return off;
}

/** A file's days: days off (moved holidays, bridges) and working days (a worked Saturday). */
export interface CalendarFile {
  file: string;
  off: readonly number[];
  working: readonly number[];
}

/** What the JSON says of the calendar a run used. */
export interface HolidaysJson {
  /** The country whose public holidays by law are known, or null. */
  country: Country | null;
  files: string[];
  /** The years the files give days for. */
  fileYears: number[];
}

/**
 * Business days: Monday to Friday, less a country's public holidays and the days off a file
 * gives, plus the working days a file gives (these win over everything else).
 */
export class HolidayCalendar {
  private readonly byYear = new Map<number, Set<number>>();
  private readonly off = new Set<number>();
  private readonly working = new Set<number>();
  readonly fileYears: number[];

  constructor(
    readonly country: Country | null,
    readonly files: readonly CalendarFile[],
  ) {
    const years = new Set<number>();
    for (const f of files) {
      for (const d of f.off) this.off.add(d);
      for (const d of f.working) this.working.add(d);
      for (const d of [...f.off, ...f.working]) years.add(dayParts(d).year);
    }
    this.fileYears = [...years].sort((a, b) => a - b);
  }

  isBusinessDay(day: number): boolean {
    if (this.working.has(day)) return true;
    if (this.off.has(day) || isWeekend(day)) return false;
    return !this.countryOff(day);
  }

  private countryOff(day: number): boolean {
    if (this.country === null) return false;
    const year = dayParts(day).year;
    let off = this.byYear.get(year);
    if (!off) {
      off = this.country === 'ru' ? russianDaysOff(year) : bulgarianDaysOff(year);
      this.byYear.set(year, off);
    }
    return off.has(day);
  }

  json(): HolidaysJson {
    return { country: this.country, files: this.files.map((f) => f.file), fileYears: this.fileYears };
  }
}

/** The `n`-th business day after `day`: Monday to Friday, less the calendar's days off when there is one. */
export function addBusinessDays(day: number, n: number, calendar: HolidayCalendar | null = null): number {
  let d = day;
  for (let left = n; left > 0;) {
    d++;
    if (calendar ? calendar.isBusinessDay(d) : !isWeekend(d)) left--;
  }
  return d;
}
