import { describe, expect, it } from 'vitest';
import { beforeLogWarning } from '../../src/run/cadence.js';
import { warningText } from '../../src/present/messages/warnings.js';
import { dayNumber } from '../../src/normalize/dates.js';

const d = (iso: string): number => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, day);
};
// October 2026, as-of 5 Nov, maximum gap 10 days: the log must reach back to 21 Sep (1 Oct − 10).
const o = {
  asOf: d('2026-11-05'),
  window: { from: d('2026-10-01'), to: d('2026-10-31') },
  maxGap: 10,
  cooloff: 14,
  dueSoon: 3,
  dossierMonths: 3,
};
const say = (logFrom: string | null): string | null => {
  const w = beforeLogWarning(logFrom === null ? null : d(logFrom), o, 'log.csv');
  return w && warningText(w, 'en');
};

describe('what the log start leaves unchecked (CADENCE_BEFORE_LOG)', () => {
  it('says nothing when the log reaches max-gap days before the window', () => {
    expect(say('2026-09-21')).toBeNull();
    expect(say('2026-01-01')).toBeNull();
  });

  it('says a gap may be missed when the log begins less than max-gap + 1 days before the window', () => {
    // 22 Sep: 9 days before 1 Oct.
    expect(say('2026-09-22')).toBe(
      "log.csv: the activity log begins on 2026-09-22, less than 11 days before the window (from 2026-10-01): a gap that began before the log is counted from its first day, so one in the window's first days may be missed",
    );
    expect(say('2026-10-01')).toMatch(/begins on 2026-10-01, less than 11 days before the window/);
  });

  it('counts the days of the window before the log, and says when none is covered', () => {
    // 15 Oct: 1–14 Oct are not checked.
    expect(say('2026-10-15')).toMatch(/the 14 day\(s\) of the window before it \(from 2026-10-01\) are not checked/);
    expect(say('2026-11-02')).toBe(
      'log.csv: the activity log begins on 2026-11-02, after the window (2026-10-01 to 2026-10-31): nothing in the window was checked',
    );
    expect(say(null)).toBe(
      'log.csv: the activity log holds no activity up to as-of 2026-11-05: no contact rule was checked',
    );
  });
});
