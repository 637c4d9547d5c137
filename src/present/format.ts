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
