import { readFile, stat } from 'node:fs/promises';
import { says } from '../codes/error-fields.js';
import { type CalendarFile, type Country, COUNTRIES, HolidayCalendar } from '../analyses/holidays.js';
import { FolioError } from '../folio-error.js';
import { daysInMonth, dayNumber } from '../normalize/dates.js';

/** A file of days is a few hundred bytes; anything this large was named by mistake. */
const MAX_BYTES = 1 << 20;

/** The words after a date: a day off (the default), or a working day. */
const OFF_MARKS = ['off', 'выходной', 'почивен'];
const WORKING_MARKS = ['working', 'рабочий', 'работен'];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar `--holidays` names: `ru` or `bg` (the country's public holidays by law) and any
 * number of files of days; null when none is given.
 */
export async function loadCalendar(values: readonly string[]): Promise<HolidayCalendar | null> {
  if (values.length === 0) return null;
  const countries: Country[] = [];
  const files: CalendarFile[] = [];
  for (const value of values) {
    const country = COUNTRIES.find((c) => c === value.trim().toLowerCase());
    if (country) {
      if (!countries.includes(country)) countries.push(country);
    } else files.push(await readCalendarFile(value));
  }
  if (countries.length > 1) {
    throw new FolioError({
      code: 'USAGE',
      says: says('HOLIDAYS_TWO_COUNTRIES', { countries }),
    });
  }
  return new HolidayCalendar(countries[0] ?? null, files);
}

async function readCalendarFile(path: string): Promise<CalendarFile> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw notAFile(path, 'a folder');
    if (info.size > MAX_BYTES) throw notAFile(path, 'larger than 1 MiB');
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof FolioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw notAFile(path, code === 'ENOENT' ? 'no such file' : `cannot open it: ${code ?? 'unknown error'}`);
  }
  return { file: path, ...parseCalendarText(path, text) };
}

function notAFile(path: string, reason: string): FolioError {
  return new FolioError({
    code: 'USAGE',
    file: path,
    says: says('HOLIDAYS_NOT_A_FILE', { reason }),
  });
}

/**
 * The days of a calendar file: one ISO date a line, a day off unless the word after it says a
 * working day (a Saturday worked in exchange for a bridge day). Blank lines and `#` comments
 * are skipped; anything else stops with the line.
 */
export function parseCalendarText(file: string, text: string): { off: number[]; working: number[] } {
  const off = new Set<number>();
  const working = new Set<number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [date = '', mark, ...rest] = line.split(/\s+/);
    const day = isoDay(date);
    const at = (value: string) => ({ file, line: index + 1, value });
    if (day === null) throw badLine(at(date), 'date');
    const word = mark?.toLowerCase();
    const isWorking = word !== undefined && WORKING_MARKS.includes(word);
    if (rest.length > 0 || (word !== undefined && !isWorking && !OFF_MARKS.includes(word)))
      throw badLine(at(line.slice(date.length).trim()), 'mark');
    if ((isWorking ? off : working).has(day)) throw badLine(at(date), 'twice');
    (isWorking ? working : off).add(day);
  });
  return { off: [...off].sort((a, b) => a - b), working: [...working].sort((a, b) => a - b) };
}

function isoDay(text: string): number | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumber(year, month, day);
}

/** A line of a holidays file that is not a date, has a word other than working/off after it, or names a day twice. */
function badLine(where: { file: string; line: number; value: string }, why: 'date' | 'mark' | 'twice'): FolioError {
  return new FolioError({
    code: 'HOLIDAYS',
    ...where,
    says: says('HOLIDAY_LINE', { why }),
  });
}
