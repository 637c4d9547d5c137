import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  type CalendarFile,
  HolidayCalendar,
  orthodoxEaster,
  weekday,
} from '../../src/analyses/holidays.js';
import { loadCalendar, parseCalendarText } from '../../src/load/holidays.js';
import { dayNumber, formatDay } from '../../src/normalize/dates.js';
import { FolioError } from '../../src/folio-error.js';
import { english, rejectedMessage } from '../helpers/said.js';

const d = (iso: string): number => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, day);
};

/** The Monday-to-Friday days of a year that the calendar takes as days off. */
function weekdaysOff(calendar: HolidayCalendar, year: number): string[] {
  const out: string[] = [];
  for (let day = d(`${year}-01-01`); day <= d(`${year}-12-31`); day++) {
    const w = weekday(day);
    if (w !== 0 && w !== 6 && !calendar.isBusinessDay(day)) out.push(formatDay(day).slice(5));
  }
  return out;
}

describe('Orthodox Easter (Julian computus)', () => {
  it('gives the known dates of 2024, 2025 and 2026', () => {
    expect(formatDay(orthodoxEaster(2024))).toBe('2024-05-05');
    expect(formatDay(orthodoxEaster(2025))).toBe('2025-04-20');
    expect(formatDay(orthodoxEaster(2026))).toBe('2026-04-12');
  });

  it('agrees with an independent implementation for 2000–2040 and in 2100 (Julian lag 14 days)', () => {
    // python-dateutil's easter(year, EASTER_ORTHODOX), run by hand: month-day for 2000…2040.
    const dateutil =
      '04-30 04-15 05-05 04-27 04-11 05-01 04-23 04-08 04-27 04-19 04-04 04-24 04-15 05-05 04-20 04-12 ' +
      '05-01 04-16 04-08 04-28 04-19 05-02 04-24 04-16 05-05 04-20 04-12 05-02 04-16 04-08 04-28 04-13 ' +
      '05-02 04-24 04-09 04-29 04-20 04-05 04-25 04-17 05-06';
    const ours = Array.from({ length: 41 }, (_, i) => formatDay(orthodoxEaster(2000 + i)).slice(5));
    expect(ours.join(' ')).toBe(dateutil);
    expect(formatDay(orthodoxEaster(2100))).toBe('2100-05-02');
    // Always a Sunday.
    for (let y = 1950; y <= 2150; y++) expect(weekday(orthodoxEaster(y))).toBe(0);
  });
});

describe('Russia (Labour Code art. 112)', () => {
  const ru = new HolidayCalendar('ru', []);

  it('takes the fixed holidays of 2026 and moves the weekend ones other than January', () => {
    // 2026 by hand: 1 Jan is a Thursday. 1–8 Jan: Thu 1, Fri 2, (Sat 3, Sun 4), Mon 5 … Thu 8.
    // 23 Feb Mon; 8 Mar Sun → Mon 9 Mar; 1 May Fri; 9 May Sat → Mon 11 May (10 May a Sunday);
    // 12 Jun Fri; 4 Nov Wed. January's weekend days (3, 4 Jan) move only by the decree.
    expect(weekdaysOff(ru, 2026)).toEqual([
      '01-01',
      '01-02',
      '01-05',
      '01-06',
      '01-07',
      '01-08',
      '02-23',
      '03-09',
      '05-01',
      '05-11',
      '06-12',
      '11-04',
    ]);
    expect(ru.isBusinessDay(d('2026-01-09'))).toBe(true); // the decree's day, not the law's
    expect(ru.isBusinessDay(d('2026-03-08'))).toBe(false); // a Sunday
  });

  it("with the 2026 decree's file, gives the published production calendar: 247 working days", () => {
    // The decree of 24 Sep 2025 moved Sat 3 and Sun 4 Jan to Fri 9 Jan and Thu 31 Dec; the days
    // of rest published with it: 31 Dec–11 Jan, 21–23 Feb, 7–9 Mar, 1–3 and 9–11 May, 12–14
    // Jun, 4 Nov, 31 Dec, and 247 working days (365 − 104 weekend days − 14 weekdays off).
    const decree = new HolidayCalendar('ru', [
      { file: 'ru-2026.txt', off: [d('2026-01-09'), d('2026-12-31')], working: [] },
    ]);
    expect(weekdaysOff(decree, 2026)).toEqual([
      '01-01',
      '01-02',
      '01-05',
      '01-06',
      '01-07',
      '01-08',
      '01-09',
      '02-23',
      '03-09',
      '05-01',
      '05-11',
      '06-12',
      '11-04',
      '12-31',
    ]);
    let working = 0;
    for (let day = d('2026-01-01'); day <= d('2026-12-31'); day++) if (decree.isBusinessDay(day)) working++;
    expect(working).toBe(247);
  });

  it('counts the follow-up past a holiday weekend: sent Fri 8 May 2026, due Tue 12 May', () => {
    expect(formatDay(addBusinessDays(d('2026-05-08'), 1, ru))).toBe('2026-05-12');
    expect(formatDay(addBusinessDays(d('2026-05-08'), 1))).toBe('2026-05-11'); // no calendar
  });
});

describe('Bulgaria (Labour Code art. 154)', () => {
  const bg = new HolidayCalendar('bg', []);

  it('takes the fixed holidays of 2026, Easter from Good Friday to Easter Monday, and moves the weekend ones', () => {
    // 2026 by hand: 1 Jan Thu; 3 Mar Tue; Easter 12 Apr → Fri 10 and Mon 13 Apr on weekdays;
    // 1 May Fri; 6 May Wed; 24 May Sun → Mon 25; 6 Sep Sun → Mon 7; 22 Sep Tue; 24 Dec Thu,
    // 25 Dec Fri, 26 Dec Sat → Mon 28 Dec.
    expect(weekdaysOff(bg, 2026)).toEqual([
      '01-01',
      '03-03',
      '04-10',
      '04-13',
      '05-01',
      '05-06',
      '05-25',
      '09-07',
      '09-22',
      '12-24',
      '12-25',
      '12-28',
    ]);
  });

  it('moves two weekend holidays to two working days, past other holidays', () => {
    // 2022: 24 Dec Sat, 25 Dec Sun, 26 Dec Mon (a holiday) → Tue 27 and Wed 28 off.
    expect(weekdaysOff(bg, 2022).filter((x) => x.startsWith('12'))).toEqual(['12-26', '12-27', '12-28']);
    // 2021: 1 May is a Saturday and Holy Saturday; Easter Monday is 3 May, so 1 May moves to Tue
    // 4 May. Easter's own weekend days do not move.
    expect(weekdaysOff(bg, 2021).filter((x) => x >= '04-26' && x <= '05-09')).toEqual([
      '04-30',
      '05-03',
      '05-04',
      '05-06',
    ]);
  });

  it('counts the follow-up past Easter: sent Thu 9 Apr 2026, due Tue 14 Apr', () => {
    expect(formatDay(addBusinessDays(d('2026-04-09'), 1, bg))).toBe('2026-04-14');
  });
});

describe('files of days', () => {
  // Russia's decree for 2025 made Sat 1 Nov a working day and Mon 3 Nov a day off (4 Nov a holiday).
  const decree: CalendarFile = { file: 'ru-2025.txt', off: [d('2025-11-03')], working: [d('2025-11-01')] };
  const ru = new HolidayCalendar('ru', [decree]);

  it("adds a file's days off and working days to the country's", () => {
    // Sent Fri 31 Oct: the next business day is the Saturday worked.
    expect(formatDay(addBusinessDays(d('2025-10-31'), 1, ru))).toBe('2025-11-01');
    // Sent Sat 1 Nov: Sun 2, Mon 3 (file), Tue 4 (law) are off: due Wed 5.
    expect(formatDay(addBusinessDays(d('2025-11-01'), 1, ru))).toBe('2025-11-05');
    // Without the file: Fri 31 Oct → Mon 3 Nov.
    expect(formatDay(addBusinessDays(d('2025-10-31'), 1, new HolidayCalendar('ru', [])))).toBe('2025-11-03');
    expect(ru.fileYears).toEqual([2025]);
    expect(ru.json()).toEqual({ country: 'ru', files: ['ru-2025.txt'], fileYears: [2025] });
  });

  it('is a calendar of its own without a country', () => {
    const own = new HolidayCalendar(null, [{ file: 'company.txt', off: [d('2026-06-15')], working: [] }]);
    expect(own.isBusinessDay(d('2026-06-15'))).toBe(false);
    expect(own.isBusinessDay(d('2026-06-12'))).toBe(true); // Russia's day, not this calendar's
  });
});

describe('reading a file of days', () => {
  it('takes ISO dates, comments, blank lines, a BOM and CRLF; a word after the date says a working day', () => {
    const text =
      '\uFEFF# Russia 2025\r\n2025-11-03\r\n\r\n2025-11-01 working  # Saturday worked\r\n2025-12-31 OFF\n2025-05-02 Рабочий\n2025-05-08 выходной\n';
    const r = parseCalendarText('x.txt', text);
    expect(r.off.map(formatDay)).toEqual(['2025-05-08', '2025-11-03', '2025-12-31']);
    expect(r.working.map(formatDay)).toEqual(['2025-05-02', '2025-11-01']);
  });

  const problem = (text: string): { line?: number; value?: string; message: string } => {
    try {
      parseCalendarText('days.txt', text);
    } catch (error) {
      if (error instanceof FolioError) return { line: error.line, value: error.value, message: english(error).message };
    }
    throw new Error('no error');
  };

  it('stops on a line that is not an ISO date, with the file, the line and the value', () => {
    expect(problem('2026-01-09\n31.12.2026\n')).toEqual({
      line: 2,
      value: '31.12.2026',
      message: 'not an ISO date (YYYY-MM-DD)',
    });
    expect(problem('2026-02-29\n').value).toBe('2026-02-29'); // 2026 is no leap year
    expect(problem('2026-13-01\n').line).toBe(1);
    expect(problem('20260109\n').line).toBe(1);
  });

  it('does not take a word that is not working or off: «нерабочий» (non-working) is not «рабочий»', () => {
    for (const word of ['нерабочий', 'workday', 'work', 'working-day', 'holiday'])
      expect(problem(`2026-01-09 ${word}\n`)).toMatchObject({ line: 1, value: word });
    expect(problem('2026-01-09 working extra\n').value).toBe('working extra');
  });

  it('refuses a day listed both as off and as working', () => {
    expect(problem('2026-01-09\n# again\n2026-01-09 working\n')).toEqual({
      line: 3,
      value: '2026-01-09',
      message: 'listed both as a day off and as a working day',
    });
  });

  it('reads ru, bg and files from --holidays values; one country only; a missing file is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-holidays-'));
    const file = join(dir, 'ru-2026.txt');
    writeFileSync(file, '2026-01-09\n2026-12-31\n');
    const calendar = await loadCalendar(['RU', file]);
    expect(calendar?.json()).toEqual({ country: 'ru', files: [file], fileYears: [2026] });
    expect(calendar?.isBusinessDay(d('2026-01-09'))).toBe(false);
    expect(await loadCalendar([])).toBeNull();
    expect(await rejectedMessage(loadCalendar(['ru', 'bg']))).toMatch(/two countries \(ru, bg\)/);
    expect(await rejectedMessage(loadCalendar(['russia']))).toMatch(/not ru, bg or a file of dates \(no such file\)/);
    expect(await rejectedMessage(loadCalendar([dir]))).toMatch(/\(a folder\)/);
  });
});
