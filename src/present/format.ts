import type { Lang } from './i18n.js';

const locales: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };
const moneyFormats = new Map<string, Intl.NumberFormat>();
const percentFormats = new Map<Lang, Intl.NumberFormat>();

/** Money for people: grouped; whole amounts without decimals, others with two (JSON keeps the exact value). */
export function money(value: number, lang: Lang): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  const cacheKey = `${lang}${digits}`;
  let f = moneyFormats.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(cacheKey, f);
  }
  // Plain spaces: a terminal or e-mail may show U+00A0/U+202F oddly.
  return f.format(value).replace(/[\u00a0\u202f]/g, ' ');
}

const dayFormats = new Map<Lang, Intl.NumberFormat>();

/** A number of days that may be a half (a median of two intervals): 31, 32.5 / 32,5. */
export function days(value: number, lang: Lang): string {
  let f = dayFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 });
    dayFormats.set(lang, f);
  }
  return f.format(value).replace(/[\u00a0\u202f]/g, ' ');
}

/** A fraction as a whole percentage, for a chart's axis: 0.25 → 25% / 25 %. */
export function wholePercent(fraction: number, lang: Lang): string {
  return `${Math.round(fraction * 100)}${lang === 'ru' ? ' %' : '%'}`;
}

/** A fraction as a percentage with one decimal: 0.1234 → 12.3%; no share (null) is a dash. */
export function percent(fraction: number | null, lang: Lang): string {
  if (fraction === null) return '—';
  let f = percentFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    percentFormats.set(lang, f);
  }
  return f.format(fraction).replace(/[\u00a0\u202f]/g, ' ');
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
  const value = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction * 100);
  return `${value.replace(/[\u00a0\u202f]/g, ' ').replace('\u2212', '-')} ${lang === 'ru' ? 'п.п.' : 'pp'}`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
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
  if (months === 3 && first % 3 === 1) return ru ? `${(first + 2) / 3}-й квартал ${year}` : `Q${(first + 2) / 3} ${year}`;
  if (months === 6 && first % 6 === 1) return ru ? `${(first + 5) / 6}-е полугодие ${year}` : `H${(first + 5) / 6} ${year}`;
  if (months === 12) return ru ? `${year} год` : String(year);
  return null;
}
