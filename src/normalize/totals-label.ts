/**
 * Totals and subtotals rows (`Итого`, `Итого по менеджеру Иванов`, `Total for October`,
 * `Grand total:`) that 1C, amoCRM and spreadsheet exports put in the client column. Such a
 * row is never a client. The word alone is not enough: `Total Wine & More`, `TotalEnergies`
 * and `Всего Понемногу ООО` are companies. So the totals word must stand alone, or be
 * followed by punctuation (`:`, `—`, `(`, ` - `), a qualifier word (по, за, for, by, of...),
 * a month, a quarter or a number.
 */
const WORDS = [
  'общий итог',
  'промежуточный итог',
  'общая сумма',
  'итого',
  'итог',
  'всего',
  'сумма',
  'grand total',
  'sub-total',
  'sub total',
  'subtotal',
  'sum total',
  'totals',
  'total',
  'sum',
];
const QUALIFIERS = ['по', 'за', 'на', 'для', 'в', 'во', 'с', 'из', 'by', 'for', 'of', 'per', 'in', 'on', 'from'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'январ[ьяе]',
  'феврал[ьяе]',
  'март[ае]?',
  'апрел[ьяе]',
  'ма[йяе]',
  'июн[ьяе]',
  'июл[ьяе]',
  'август[ае]?',
  'сентябр[ьяе]',
  'октябр[ьяе]',
  'ноябр[ьяе]',
  'декабр[ьяе]',
  'q[1-4]',
];

const END = '(?![\\p{L}\\p{N}])';
const TOTALS = new RegExp(
  `^[\\s"'«“„]*(?:${WORDS.join('|')})` +
    `(?:[\\s"'»”]*$|\\s*[:：—–(=]|\\s+-(?:\\s|$)|\\.\\s*$|\\s+(?:${QUALIFIERS.join('|')})${END}|\\s+(?:${MONTHS.join('|')})${END}|\\s+\\d)`,
  'iu',
);

/**
 * The first letter a totals word can start with, after the same leading marks and under the
 * same flags: every cell TOTALS accepts passes it, and most names fail it, so the large
 * expression is compiled and run only for cells that may be a totals row (its compilation
 * was a few milliseconds of every run's start-up).
 */
const FIRST = new RegExp(`^[\\s"'«“„]*[${[...new Set(WORDS.map((w) => w[0]))].join('')}]`, 'iu');

/** Whether a client cell (or a first cell) names a totals or subtotals row, not a client. */
export function isTotalsLabel(cell: string): boolean {
  return FIRST.test(cell) && TOTALS.test(cell);
}
