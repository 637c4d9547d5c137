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

/** `logFrom`: the first day of the log, as another client's activity on that day would set it. */
function run(
  contacts: [string, Outcome, string, boolean][],
  o: CadenceOptions = options,
  clients: KeyClient[] = [key],
  logFrom?: string,
) {
  const log = new CadenceLog(o);
  if (logFrom !== undefined) log.covers(d(logFrom));
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
      {
        client: 'K',
        rule: 'gap',
        date: '2026-11-05',
        from: '2026-10-25',
        to: '2026-11-05',
        days: 11,
        open: false,
        fromLogStart: false,
      },
    ]);
  });

  it("starts at the last positive contact before the window, or at the log's first day", () => {
    const before = run([
      ['2026-10-20', 'positive', 'A', true],
      ['2026-11-01', 'positive', 'A', true],
      ['2026-11-20', 'positive', 'A', true],
    ]);
    expect(gaps(before)[0]).toMatchObject({ date: '2026-10-31', from: '2026-10-20', to: '2026-11-01', days: 12 });
    // No positive contact before 6 Nov; the log begins on 20 Oct (another client's row): the gap
    // runs 20 Oct → 6 Nov, 11 + 6 = 17 days, and broke on 20 Oct + 11 = 31 Oct.
    const contacts: [string, Outcome, string, boolean][] = [
      ['2026-11-06', 'positive', 'A', true],
      ['2026-11-16', 'positive', 'A', true],
    ];
    expect(gaps(run(contacts, options, [key], '2026-10-20'))).toEqual([
      {
        client: 'K',
        rule: 'gap',
        date: '2026-10-31',
        from: '2026-10-20',
        to: '2026-11-06',
        days: 17,
        open: false,
        fromLogStart: true,
      },
    ]);
    // The log begins with this client's 6 Nov contact: nothing is known before it, no gap.
    expect(gaps(run(contacts))).toEqual([]);
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
      {
        client: 'K',
        rule: 'gap',
        date: '2026-11-21',
        from: '2026-11-10',
        to: '2026-11-23',
        days: 13,
        open: true,
        fromLogStart: false,
      },
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
      {
        client: 'K',
        rule: 'gap',
        date: '2026-10-12',
        from: '2026-10-01',
        to: '2026-10-25',
        days: 24,
        open: false,
        fromLogStart: false,
      },
    ]);
  });
});

describe('window rule: a gap is a finding of every window it is in breach during', () => {
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
      {
        client: 'K',
        rule: 'gap',
        date: '2026-10-31',
        from: '2026-10-20',
        to: '2026-11-04',
        days: 15,
        open: false,
        fromLogStart: false,
      },
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

  it('lists a gap that broke before the window and ends inside it: in breach on 1–5 October', () => {
    // 15 Sep + 11 days = 26 Sep: it broke in September and lasted to the 5 Oct contact (15 + 5 =
    // 20 days), so October's first five days were in breach too.
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
    expect(gaps(r)).toEqual([
      {
        client: 'K',
        rule: 'gap',
        date: '2026-09-26',
        from: '2026-09-15',
        to: '2026-10-05',
        days: 20,
        open: false,
        fromLogStart: false,
      },
    ]);
  });

  it("fails October for a key client with no positive contact since 1 September (the issue's case)", () => {
    // Last positive contact 1 Sep, none since, as-of 5 Nov: 29 days to 30 Sep + 31 in October +
    // 5 in November = 65 days. It broke on 1 Sep + 11 = 12 Sep and is still open: a finding of
    // September, of October (in breach all month) and of November up to as-of.
    const contacts: [string, Outcome, string, boolean][] = [
      ['2026-08-22', 'positive', 'A', true],
      ['2026-09-01', 'positive', 'A', true],
    ];
    const open = {
      client: 'K',
      rule: 'gap',
      date: '2026-09-12',
      from: '2026-09-01',
      to: '2026-11-05',
      days: 65,
      open: true,
      fromLogStart: false,
    };
    expect(gaps(run(contacts, october))).toEqual([open]);
    const september = { ...october, window: { from: d('2026-09-01'), to: d('2026-09-30') } };
    expect(gaps(run(contacts, september))).toEqual([open]);
    const november = { ...october, window: { from: d('2026-11-01'), to: d('2026-11-30') } };
    expect(gaps(run(contacts, november))).toEqual([open]);
  });

  it("lists a gap ended by a late contact on the window's first day, not one ended the day before", () => {
    // 10 Sep + 11 = 21 Sep broke; the contact on 1 Oct came 10 days late, on October's first day.
    const onFirst = run(
      [
        ['2026-09-10', 'positive', 'A', true],
        ['2026-10-01', 'positive', 'A', true],
        ['2026-10-11', 'positive', 'A', true],
        ['2026-10-21', 'positive', 'A', true],
        ['2026-10-31', 'positive', 'A', true],
      ],
      october,
    );
    expect(gaps(onFirst).map((g) => `${g.from} → ${g.to} ${g.days}`)).toEqual(['2026-09-10 → 2026-10-01 21']);
    // The same gap closed on 30 Sep (20 days) ended before October: September's alone.
    const before = run(
      [
        ['2026-09-10', 'positive', 'A', true],
        ['2026-09-30', 'positive', 'A', true],
        ['2026-10-10', 'positive', 'A', true],
        ['2026-10-20', 'positive', 'A', true],
        ['2026-10-30', 'positive', 'A', true],
      ],
      october,
    );
    expect(gaps(before)).toEqual([]);
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
      {
        client: 'K',
        rule: 'gap',
        date: '2026-11-04',
        from: '2026-10-24',
        to: '2026-11-05',
        days: 12,
        open: true,
        fromLogStart: false,
      },
    ]);
    // In October the client was never more than 10 days without one (24 Oct + 10 = 3 Nov).
    expect(gaps(run(every10days, october))).toEqual([]);
  });
});

describe('log-start rule: no gap begins before the log does', () => {
  const october = { ...options, asOf: d('2026-11-05'), window: { from: d('2026-10-01'), to: d('2026-10-31') } };

  it('gives no "14 days from 1 October" when the log begins on 15 October', () => {
    // K's positive contacts 15 Oct, 25 Oct, 4 Nov are 10 days apart; the log's first row is
    // K's 15 Oct one. Counting from the window's start would make 1 → 15 Oct a 14-day gap.
    const r = run(
      [
        ['2026-10-15', 'positive', 'A', true],
        ['2026-10-25', 'positive', 'A', true],
        ['2026-11-04', 'positive', 'A', true],
      ],
      october,
    );
    expect(r.logFrom).toBe('2026-10-15');
    expect(gaps(r)).toEqual([]);
  });

  it("counts a client first contacted later from the log's first day", () => {
    // Log from 15 Oct; K's first positive contact 28 Oct: 13 days, broke on 15 + 11 = 26 Oct.
    const r = run(
      [
        ['2026-10-28', 'positive', 'A', true],
        ['2026-11-04', 'positive', 'A', true],
      ],
      october,
      [key],
      '2026-10-15',
    );
    expect(gaps(r)).toEqual([
      {
        client: 'K',
        rule: 'gap',
        date: '2026-10-26',
        from: '2026-10-15',
        to: '2026-10-28',
        days: 13,
        open: false,
        fromLogStart: true,
      },
    ]);
  });

  it('checks nothing when the log begins after the window, or holds nothing up to as-of', () => {
    // Log from 3 Nov: no day of October is known.
    const after = run([['2026-11-04', 'positive', 'A', true]], october, [key], '2026-11-03');
    expect(gaps(after)).toEqual([]);
    expect(after.logFrom).toBe('2026-11-03');
    // Only planned activities (after as-of): the log covers nothing.
    const planned = run([['2026-11-10', 'positive', 'A', true]], october);
    expect(planned.logFrom).toBeNull();
    expect(gaps(planned)).toEqual([]);
    expect(planned.agenda[0]?.status).toBe('unknown');
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
    // A log with no activity up to as-of tells nothing: not known, rather than overdue.
    expect(status([])).toMatchObject({ status: 'unknown', lastPositive: null, countedFrom: null, nextDue: null });
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

  it("counts a client never contacted positively from the log's first day", () => {
    // The log begins on 10 Nov (another client's row); K has only a neutral call on 12 Nov:
    // due 10 + 10 = 20 Nov, 3 days before as-of 23 Nov.
    const r = run([['2026-11-12', 'neutral', 'A', true]], options, [key], '2026-11-10');
    expect(r.logFrom).toBe('2026-11-10');
    expect(r.agenda[0]).toMatchObject({
      status: 'overdue',
      lastPositive: null,
      countedFrom: '2026-11-10',
      nextDue: '2026-11-20',
      daysUntilDue: -3,
    });
    // A log begun on 16 Nov: due 26 Nov, in 3 days.
    expect(run([], options, [key], '2026-11-16').agenda[0]).toMatchObject({ status: 'due_soon', daysUntilDue: 3 });
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
