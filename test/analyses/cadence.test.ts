import { describe, expect, it } from 'vitest';
import { analyzeCadence, CadenceLog, type CadenceOptions, type KeyClient } from '../../src/analyses/cadence.js';
import { dayNumber, formatDay } from '../../src/normalize/dates.js';
import type { Outcome } from '../../src/normalize/vocabulary.js';

// Dates below are written out and counted by hand from as-of 2026-11-23.
const d = (iso: string): number => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, day);
};
const asOf = d('2026-11-23');
const options: CadenceOptions = {
  asOf,
  window: { from: d('2026-10-25'), to: asOf },
  maxGap: 10,
  cooloff: 14,
  dueSoon: 3,
  dossierMonths: 3,
};
const key: KeyClient = { key: 'k', name: 'K', manager: null };

function run(
  contacts: [string, Outcome, string, boolean][],
  o: CadenceOptions = options,
  clients: KeyClient[] = [key],
) {
  const log = new CadenceLog(o);
  for (const [day, outcome, manager, personal] of contacts) log.add('k', d(day), outcome, manager, personal);
  return analyzeCadence(clients, log, o, false);
}
const gaps = (r: ReturnType<typeof run>) => r.violations.filter((v) => v.rule === 'gap');
const cooloffs = (r: ReturnType<typeof run>) => r.violations.filter((v) => v.rule === 'cooloff');

describe('gap rule', () => {
  it('lets a 10-day gap pass and fails an 11-day one', () => {
    expect(
      gaps(
        run([
          ['2026-10-25', 'positive', 'A', true],
          ['2026-11-04', 'positive', 'A', true],
          ['2026-11-14', 'positive', 'A', true],
          ['2026-11-20', 'positive', 'A', true],
        ]),
      ),
    ).toEqual([]);
    expect(
      gaps(
        run([
          ['2026-10-25', 'positive', 'A', true],
          ['2026-11-05', 'positive', 'A', true],
          ['2026-11-15', 'positive', 'A', true],
          ['2026-11-20', 'positive', 'A', true],
        ]),
      ),
    ).toEqual([
      { client: 'K', rule: 'gap', date: '2026-11-05', from: '2026-10-25', to: '2026-11-05', days: 11, open: false },
    ]);
  });

  it('starts at the last positive contact before the window, or at the window start', () => {
    const before = run([
      ['2026-10-20', 'positive', 'A', true],
      ['2026-11-01', 'positive', 'A', true],
      ['2026-11-20', 'positive', 'A', true],
    ]);
    expect(gaps(before)[0]).toMatchObject({ date: '2026-10-31', from: '2026-10-20', to: '2026-11-01', days: 12 });
    const none = run([
      ['2026-11-06', 'positive', 'A', true],
      ['2026-11-16', 'positive', 'A', true],
    ]);
    expect(gaps(none)).toEqual([
      { client: 'K', rule: 'gap', date: '2026-11-05', from: '2026-10-25', to: '2026-11-06', days: 12, open: false },
    ]);
  });

  it('reports an open gap up to as-of, and ignores neutral, negative and future contacts', () => {
    const r = run([
      ['2026-11-01', 'positive', 'A', true],
      ['2026-11-10', 'positive', 'A', true],
      ['2026-11-15', 'neutral', 'A', true],
      ['2026-11-20', 'negative', 'B', true],
      ['2026-11-24', 'positive', 'A', true],
    ]);
    expect(gaps(r)).toEqual([
      { client: 'K', rule: 'gap', date: '2026-11-21', from: '2026-11-10', to: '2026-11-23', days: 13, open: true },
    ]);
  });

  it('in a past window, ends the last interval at the next positive contact after it', () => {
    const o = { ...options, window: { from: d('2026-10-01'), to: d('2026-10-31') } };
    const r = run(
      [
        ['2026-10-01', 'positive', 'A', true],
        ['2026-10-25', 'positive', 'A', true],
        ['2026-11-03', 'positive', 'A', true],
      ],
      o,
    );
    expect(gaps(r)).toEqual([
      { client: 'K', rule: 'gap', date: '2026-10-12', from: '2026-10-01', to: '2026-10-25', days: 24, open: false },
    ]);
  });
});

describe('window rule: a violation is listed in the window it is dated in', () => {
  // October 2026 seen from as-of 2026-11-05, maximum gap 10 days, cool-off 14. Each case
  // has positive contacts at most 10 days apart before the gap it is about.
  const october = { ...options, asOf: d('2026-11-05'), window: { from: d('2026-10-01'), to: d('2026-10-31') } };
  const last30 = { ...options, asOf: d('2026-11-05'), window: { from: d('2026-10-07'), to: d('2026-11-05') } };

  it('dates a gap on its 11th day without a positive contact: 20 Oct → broke 31 Oct, in October', () => {
    // 20 Oct + 10 days = 30 Oct is still allowed; 31 Oct is the first day past the gap.
    const r = run(
      [
        ['2026-09-30', 'positive', 'A', true],
        ['2026-10-10', 'positive', 'A', true],
        ['2026-10-20', 'positive', 'A', true],
        ['2026-11-04', 'positive', 'A', true],
      ],
      october,
    );
    expect(gaps(r)).toEqual([
      { client: 'K', rule: 'gap', date: '2026-10-31', from: '2026-10-20', to: '2026-11-04', days: 15, open: false },
    ]);
  });

  it('leaves a gap that broke on 1 November out of October', () => {
    // 21 Oct + 11 days = 1 Nov: it breaks in November, whatever its start.
    const r = run(
      [
        ['2026-09-30', 'positive', 'A', true],
        ['2026-10-10', 'positive', 'A', true],
        ['2026-10-18', 'positive', 'A', true],
        ['2026-10-21', 'positive', 'A', true],
        ['2026-11-04', 'positive', 'A', true],
      ],
      october,
    );
    expect(gaps(r)).toEqual([]);
  });

  it('leaves a gap that broke before the window out of it, though it ends inside', () => {
    // 15 Sep + 11 days = 26 Sep: September's violation, not October's.
    const r = run(
      [
        ['2026-09-15', 'positive', 'A', true],
        ['2026-10-05', 'positive', 'A', true],
        ['2026-10-12', 'positive', 'A', true],
        ['2026-10-20', 'positive', 'A', true],
        ['2026-10-28', 'positive', 'A', true],
      ],
      october,
    );
    expect(gaps(r)).toEqual([]);
  });

  it('dates a cool-off breach on the day of the contact: 1 November is not October, but is in the last 30 days', () => {
    // Negative on 25 Oct by Olga, her call on 1 Nov: 7 days, inside the 14-day pause.
    const contacts: [string, Outcome, string, boolean][] = [
      ['2026-10-25', 'negative', 'Olga', true],
      ['2026-11-01', 'neutral', 'Olga', true],
    ];
    expect(cooloffs(run(contacts, october))).toEqual([]);
    expect(cooloffs(run(contacts, last30))).toEqual([
      { client: 'K', rule: 'cooloff', date: '2026-11-01', negativeDate: '2026-10-25', days: 7, manager: 'Olga' },
    ]);
  });

  it('lists the open gap up to as-of when as-of is inside the window', () => {
    // Last positive 24 Oct: broke 4 Nov, still open at as-of 5 Nov (12 days).
    const every10days: [string, Outcome, string, boolean][] = [
      ['2026-10-04', 'positive', 'A', true],
      ['2026-10-14', 'positive', 'A', true],
      ['2026-10-24', 'positive', 'A', true],
    ];
    const r = run(every10days, last30);
    expect(gaps(r)).toEqual([
      { client: 'K', rule: 'gap', date: '2026-11-04', from: '2026-10-24', to: '2026-11-05', days: 12, open: true },
    ]);
    expect(gaps(run(every10days, october))).toEqual([]);
  });
});

describe('cool-off rule', () => {
  const negative: [string, Outcome, string, boolean] = ['2026-11-01', 'negative', 'Olga', true];
  it('fails a personal call 13 days after a negative contact and passes one 14 days after', () => {
    expect(cooloffs(run([negative, ['2026-11-14', 'neutral', 'Olga', true]]))).toEqual([
      { client: 'K', rule: 'cooloff', date: '2026-11-14', negativeDate: '2026-11-01', days: 13, manager: 'Olga' },
    ]);
    expect(cooloffs(run([negative, ['2026-11-15', 'positive', 'Olga', true]]))).toEqual([]);
  });
  it("lets another manager's call and an email through", () => {
    expect(
      cooloffs(run([negative, ['2026-11-03', 'positive', 'Ivan', true], ['2026-11-04', 'positive', 'Olga', false]])),
    ).toEqual([]);
  });
  it('does not count a contact on the same day as the negative one', () => {
    expect(cooloffs(run([negative, ['2026-11-01', 'positive', 'Olga', true]]))).toEqual([]);
  });
  it('matches managers whatever their case and spaces', () => {
    expect(cooloffs(run([negative, ['2026-11-05', 'neutral', ' olga ', true]]))).toHaveLength(1);
  });
  it('counts a negative before the window whose cool-off reaches into it', () => {
    expect(
      cooloffs(
        run([
          ['2026-10-20', 'negative', 'Olga', true],
          ['2026-10-26', 'neutral', 'Olga', true],
        ]),
      ),
    ).toEqual([
      { client: 'K', rule: 'cooloff', date: '2026-10-26', negativeDate: '2026-10-20', days: 6, manager: 'Olga' },
    ]);
  });
});

describe('agenda', () => {
  it('gives ok, due soon (3 days), overdue and cooling off', () => {
    const status = (contacts: [string, Outcome, string, boolean][]) => run(contacts).agenda[0];
    expect(status([['2026-11-17', 'positive', 'A', true]])).toMatchObject({
      status: 'ok',
      nextDue: '2026-11-27',
      daysUntilDue: 4,
    });
    expect(status([['2026-11-16', 'positive', 'A', true]])).toMatchObject({ status: 'due_soon', daysUntilDue: 3 });
    expect(status([['2026-11-13', 'positive', 'A', true]])).toMatchObject({ status: 'due_soon', daysUntilDue: 0 });
    expect(status([['2026-11-12', 'positive', 'A', true]])).toMatchObject({ status: 'overdue', daysUntilDue: -1 });
    expect(status([])).toMatchObject({ status: 'overdue', lastPositive: null, nextDue: null });
    expect(
      status([
        ['2026-11-20', 'positive', 'A', true],
        ['2026-11-10', 'negative', 'Olga', true],
      ]),
    ).toMatchObject({
      status: 'cooling_off',
      personalAllowed: false,
      allowedFrom: '2026-11-24',
      cooloffManager: 'Olga',
    });
    expect(
      status([
        ['2026-11-20', 'positive', 'A', true],
        ['2026-11-09', 'negative', 'Olga', true],
      ]),
    ).toMatchObject({ status: 'ok', personalAllowed: true });
  });

  it('lists stale and missing dossiers (3 months, clamped to the month end)', () => {
    const log = new CadenceLog(options);
    const clients: KeyClient[] = [
      { key: 'a', name: 'Fresh', manager: null, dossier: d('2026-08-23') },
      { key: 'b', name: 'Stale', manager: null, dossier: d('2026-08-22') },
      { key: 'c', name: 'Never', manager: null, dossier: null },
    ];
    const r = analyzeCadence(clients, log, options, true);
    expect(r.dossier).toEqual([
      { client: 'Never', reviewed: null, dueBy: null, status: 'missing' },
      { client: 'Stale', reviewed: '2026-08-22', dueBy: '2026-11-22', status: 'stale' },
    ]);
    expect(formatDay(d('2026-08-23'))).toBe('2026-08-23');
  });
});
