import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/normalize/dates.js';
import { titlePeriod } from '../../src/normalize/title-period.js';

const read = (text: string): string | null => {
  const p = titlePeriod(text);
  return p === null ? null : `${formatDay(p.from)}..${formatDay(p.to)}`;
};

describe('the period a report title prints', () => {
  it('reads ranges, months, quarters and years as 1C, BI tools and English reports print them', () => {
    // Each expected range worked out from the calendar: November has 30 days, 2024 is a leap year.
    expect(read('Продажи за период с 01.10.24 по 30.11.24')).toBe('2024-10-01..2024-11-30');
    expect(read('Валовая прибыль с 01.10.2024 г. по 30.11.2024 г.')).toBe('2024-10-01..2024-11-30');
    expect(read('Period: 01.10.2024 - 30.11.2024')).toBe('2024-10-01..2024-11-30');
    expect(read('Report period 2024-10-01 – 2024-11-30')).toBe('2024-10-01..2024-11-30');
    expect(read('Продажи за октябрь 2024 г.')).toBe('2024-10-01..2024-10-31');
    expect(read('Sales for February 2024')).toBe('2024-02-01..2024-02-29');
    expect(read('Отчёт за 3 квартал 2024 г.')).toBe('2024-07-01..2024-09-30');
    expect(read('Отчёт за IV квартал 2024')).toBe('2024-10-01..2024-12-31');
    expect(read('Revenue Q2 2025')).toBe('2025-04-01..2025-06-30');
    expect(read('Итоги за 2023 год')).toBe('2023-01-01..2023-12-31');
    // Slashes: the order shows in a part over 12 (30 is a day, so month first).
    expect(read('Period: 10/01/2024 - 11/30/2024')).toBe('2024-10-01..2024-11-30');
  });

  it('reads no period where the text names none, or one that could be read two ways', () => {
    for (const text of [
      'Отчёт о продажах',
      'Отбор: Организация Равно "ООО Торговый дом"',
      // Both orders fit: 01/10 and 11/12 could be January or October, November or December.
      'Period: 01/10/2024 - 11/12/2024',
      // A single date is a date, not a period.
      'Сформирован: 01.12.2024 10:15',
      // A range backwards is no period.
      'с 30.11.2024 по 01.10.2024',
      // Month-like words that are no months.
      'Маркетинг 2024',
      'Mayor 2024',
      'Total 2024',
    ])
      expect(read(text), text).toBeNull();
  });
});
