import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { days, integer, money, percent, points } from '../../src/present/format.js';
import type { Lang } from '../../src/present/i18n.js';

/** The independent method: Intl.NumberFormat as folio called it before it wrote numbers itself. */
const LOCALE: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };
const spaced = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
const intl = {
  money: (v: number, lang: Lang) => {
    const digits = Number.isInteger(v) ? 0 : 2;
    return spaced(
      new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
    );
  },
  days: (v: number, lang: Lang) => spaced(new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(v)),
  percent: (v: number, lang: Lang) =>
    spaced(
      new Intl.NumberFormat(LOCALE[lang], {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(v),
    ),
  points: (v: number, lang: Lang) => {
    const value = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(v * 100);
    return `${spaced(value).replace('\u2212', '-')} ${lang === 'ru' ? 'п.п.' : 'pp'}`;
  },
};

const LANGS: Lang[] = ['en', 'ru'];

/** Numbers of every kind: any double, cents, halves on the rounding edge, tiny and huge, signed zero. */
const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000 + 0.0005),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => (n + 0.5) / 10),
  fc.double({ min: -1e-5, max: 1e-5 }),
  fc.constantFrom(
    0,
    -0,
    0.005,
    0.015,
    1.005,
    2.675,
    0.9995,
    999.995,
    9999.95,
    1e21,
    1.5e300,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    Infinity,
    -Infinity,
    NaN,
  ),
);

describe('number formatting', () => {
  it('writes the figures worked out by hand', () => {
    expect(money(1234567.891, 'en')).toBe('1,234,567.89');
    expect(money(1234567.891, 'ru')).toBe('1 234 567,89');
    expect(money(1.005, 'en')).toBe('1.01');
    expect(money(-1234, 'ru')).toBe('-1 234');
    expect(money(999.995, 'en')).toBe('1,000.00');
    expect(percent(0.1535, 'en')).toBe('15.4%');
    expect(percent(0.153, 'ru')).toBe('15,3 %');
    expect(percent(null, 'en')).toBe('—');
    expect(days(32.5, 'ru')).toBe('32,5');
    expect(days(31, 'en')).toBe('31');
    expect(points(0.016, 'en')).toBe('+1.6 pp');
    expect(points(-0.0004, 'ru')).toBe('0,0 п.п.');
    expect(integer(1234.5, 'en')).toBe('1,235');
  });

  it('writes what Intl.NumberFormat writes, in both languages, for any number', () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom(...LANGS), (v, lang) => {
        expect(money(v, lang)).toBe(intl.money(v, lang));
        expect(days(v, lang)).toBe(intl.days(v, lang));
        expect(percent(v, lang)).toBe(intl.percent(v, lang));
        expect(points(v, lang)).toBe(intl.points(v, lang));
      }),
      { numRuns: 5000 },
    );
  });
});
