import { describe, expect, it } from 'vitest';
import { isTotalsLabel } from '../../src/normalize/totals-label.js';

describe('isTotalsLabel', () => {
  it.each([
    'Итого',
    'ИТОГО',
    '  Итого:  ',
    'Итого по менеджеру Иванов',
    'Итого за октябрь',
    'Итого октябрь 2026',
    'Итог',
    'Общий итог',
    'Промежуточный итог',
    'Всего',
    'Всего:',
    'Всего по клиентам',
    'Сумма',
    '«Итого»',
    'Total',
    'TOTAL:',
    'Total for October',
    'Total October 2026',
    'Total Q3',
    'Total 2026',
    'Total - all managers',
    'Total (USD)',
    'Grand total',
    'Grand Total:',
    'Subtotal',
    'Sub-total by region',
    'Sum',
    'Totals',
    'Итого.',
  ])('%s is a totals row', (cell) => {
    expect(isTotalsLabel(cell)).toBe(true);
  });

  it.each([
    'Total Wine & More',
    'TotalEnergies',
    'Total Energies SE',
    'Totally Fun Ltd',
    'Всего Понемногу ООО',
    'Summit Corp',
    'Sumitomo',
    'Сумматор ООО',
    'Итоговый Проект АО',
    'Total-Tech',
    'Total Lawn Care',
    'Total Supplies Inc',
    'Sumara',
    'Total Mayhem Inc',
    'Всего Майонеза',
    'ООО Итого',
    'Acme',
    '',
  ])('%s is a client', (cell) => {
    expect(isTotalsLabel(cell)).toBe(false);
  });

  it('checks the first letter the way the whole expression does, case folding included', () => {
    // Every BMP character in front of the rest of `sum` and of `итого`: a cell is a totals
    // row exactly when that character is the word's first letter under Unicode case folding,
    // which a one-word expression written here tells (ſ is an s, ᲂ an о).
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const c = String.fromCharCode(code);
      expect(isTotalsLabel(`${c}um`)).toBe(/^sum$/iu.test(`${c}um`));
      expect(isTotalsLabel(`${c}того`)).toBe(/^итого$/iu.test(`${c}того`));
    }
    expect(isTotalsLabel('ſum')).toBe(true);
  });
});
