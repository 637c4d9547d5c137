import { describe, expect, it } from 'vitest';
import type { LeadInput } from '../../src/analyses/leads.js';
import { activitySigns } from '../../src/load/inputs.js';
import { dayNumber } from '../../src/normalize/dates.js';
import { oldExport } from '../../src/run/leads.js';

const lead = (expectedClose: number | null): LeadInput => ({
  lead: 'L',
  client: 'C',
  amount: null,
  expectedClose,
  daysFromAsOf: null,
  manager: '',
});

describe('an export that looks old', () => {
  const asOf = dayNumber(2026, 1, 1);

  it('is said when every expected close is more than 365 days before as-of', () => {
    // 2024-12-31 is 366 days before 2026-01-01; 2024-06-01 earlier still.
    const w = oldExport([lead(dayNumber(2024, 12, 31)), lead(dayNumber(2024, 6, 1)), lead(null)], asOf);
    expect(w).toEqual({
      code: 'LEADS_LOOK_OLD',
      fields: { count: 2, earliest: '2024-06-01', latest: '2024-12-31', asOf: '2026-01-01' },
    });
  });

  it('is not said at exactly a year, nor when one close is recent, nor without closes', () => {
    // 2025-01-01 is 365 days before 2026-01-01: not more than a year.
    expect(oldExport([lead(dayNumber(2025, 1, 1)), lead(dayNumber(2020, 1, 1))], asOf)).toBeNull();
    expect(oldExport([lead(dayNumber(2025, 12, 1)), lead(dayNumber(2020, 1, 1))], asOf)).toBeNull();
    expect(oldExport([lead(null)], asOf)).toBeNull();
  });
});

describe('the columns that make a file an activity log', () => {
  it('are an outcome or a named kind of contact', () => {
    expect(activitySigns(['Call Start Time', 'Account', 'Call Type', 'Subject'])).toEqual(['Call Type']);
    expect(activitySigns(['Дата', 'Клиент', 'Результат звонка'])).toEqual(['Результат звонка']);
    expect(activitySigns(['Date', 'Account', 'Activity Type', 'Outcome'])).toEqual(['Activity Type', 'Outcome']);
  });

  it('are never a vague "Type", nor a deal or sales channel spelled otherwise', () => {
    expect(activitySigns(['Potential Name', 'Amount', 'Type', 'Lead Source', 'Stage'])).toEqual([]);
    expect(activitySigns(['Клиент', 'Тип', 'Вид', 'Сумма'])).toEqual([]);
    expect(activitySigns(['Customer', 'Sales Channel', 'Result Date'])).toEqual([]);
  });
});
