import type { Lang } from './i18n.js';

/** What ICU writes for a number that is not one (folio never shows it; written as ICU would). */
const NOT_A_NUMBER: Record<Lang, string> = { en: 'NaN', ru: 'не число' };

/** `digits` plus one, as decimal digits of the same length, or one longer on a carry (999 → 1000). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${Number(digits[i]) + 1}${'0'.repeat(digits.length - i - 1)}`;
}

/**
 * A non-negative finite number as whole and fraction digits, rounded to `max` places half away
 * from zero and with trailing zeros dropped down to `min` places. It rounds the shortest decimal
 * form of the double (what `String` writes), as ICU does: 1.005 → 1.01, where `toFixed` gives 1.00.
 * `shift` moves the point right first, exactly (a percentage is the fraction's digits × 100).
 */
function digitsOf(abs: number, shift: number, min: number, max: number): [string, string] {
  const [mantissa = '', exponent = '0'] = String(abs).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const point = whole.length + Number(exponent) + shift;
  const lead = Math.max(0, -point);
  const at = point + lead + max;
  const digits = `${'0'.repeat(lead)}${whole}${fraction}`.padEnd(at + 1, '0');
  const kept = digits.charCodeAt(at) >= 0x35 ? increment(digits.slice(0, at)) : digits.slice(0, at);
  const split = kept.length - max;
  let frac = kept.slice(split);
  while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
  return [kept.slice(0, split).replace(/^0+/, '') || '0', frac];
}

/**
 * A number as en-US or ru-RU write it (groups of three by `,` or a space, the decimal point or
 * comma, `-` for a negative, also for one rounded to zero; `signed`: `+` or `-` on all but what
 * rounds to zero), without Intl.NumberFormat: its first use loads ICU's locale data, about
 * 11 ms of every command's start-up. test/present/format.test.ts compares it with Intl.
 */
function decimal(value: number, lang: Lang, min: number, max: number, { shift = 0, signed = false } = {}): string {
  if (Number.isNaN(value)) return NOT_A_NUMBER[lang];
  const negative = value < 0 || Object.is(value, -0);
  let body = '∞';
  if (Number.isFinite(value)) {
    const [whole, frac] = digitsOf(Math.abs(value), shift, min, max);
    body = `${whole.replace(/\B(?=(\d{3})+$)/g, lang === 'ru' ? ' ' : ',')}${frac === '' ? '' : `${lang === 'ru' ? ',' : '.'}${frac}`}`;
  }
  if (!signed) return negative ? `-${body}` : body;
  if (/^[0.,]+$/.test(body)) return body;
  return `${negative ? '-' : '+'}${body}`;
}

/** Money for people: grouped; whole amounts without decimals, others with two (JSON keeps the exact value). */
export function money(value: number, lang: Lang): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  // Plain spaces, never U+00A0/U+202F: a terminal or e-mail may show them oddly.
  return decimal(value, lang, digits, digits);
}

/** A number of days that may be a half (a median of two intervals): 31, 32.5 / 32,5. */
export function days(value: number, lang: Lang): string {
  return decimal(value, lang, 0, 1);
}

/** A fraction as a whole percentage, for a chart's axis: 0.25 → 25% / 25 %. */
export function wholePercent(fraction: number, lang: Lang): string {
  return `${Math.round(fraction * 100)}${lang === 'ru' ? ' %' : '%'}`;
}

/** A threshold given as a fraction, in the percent it was set as: 0.4 → 40%, 0.125 → 12.5% (up to four decimals). */
export function limitPercent(fraction: number, lang: Lang): string {
  return `${decimal(fraction, lang, 0, 4, { shift: 2 })}${lang === 'ru' ? ' %' : '%'}`;
}

/** A fraction as a percentage with one decimal: 0.1234 → 12.3%; no share (null) is a dash. */
export function percent(fraction: number | null, lang: Lang): string {
  if (fraction === null) return '—';
  return `${decimal(fraction, lang, 1, 1, { shift: 2 })}${lang === 'ru' ? ' %' : '%'}`;
}

export function integer(value: number, lang: Lang): string {
  return money(Math.round(value), lang);
}

/** A day as people write it: ISO in English, `dd.mm.yyyy` in Russian (JSON keeps ISO). */
export function isoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return lang === 'ru' && m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A change of a share in percentage points: `+1.6 pp`, `+1,6 п.п.` (a share of 79.5% → 81.1% moved 1.6 points, not 1.6%). */
export function points(fraction: number, lang: Lang): string {
  return `${decimal(fraction * 100, lang, 1, 1, { signed: true })} ${lang === 'ru' ? 'п.п.' : 'pp'}`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
};

const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * What a period is called, when it is a calendar month, quarter, half or year
 * (`October 2026`, `Q3 2026`, `H1 2026`, `2026`; `октябрь 2026`, `3-й квартал 2026`), else null.
 */
export function periodName(from: string, to: string, lang: Lang): string | null {
  const a = /^(\d{4})-(\d{2})-01$/.exec(from);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return null;
  const year = Number(a[1]);
  const first = Number(a[2]);
  const last = Number(b[2]);
  if (Number(b[3]) !== lastDay(year, last)) return null;
  const months = last - first + 1;
  const ru = lang === 'ru';
  if (months === 1) return `${MONTHS[lang][first - 1]} ${year}`;
  if (months === 3 && first % 3 === 1)
    return ru ? `${(first + 2) / 3}-й квартал ${year}` : `Q${(first + 2) / 3} ${year}`;
  if (months === 6 && first % 6 === 1)
    return ru ? `${(first + 5) / 6}-е полугодие ${year}` : `H${(first + 5) / 6} ${year}`;
  if (months === 12) return ru ? `${year} год` : String(year);
  return null;
}
