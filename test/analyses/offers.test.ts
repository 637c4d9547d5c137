import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  analyzeOffers,
  ContactDays,
  weekday,
  type Offer,
  type OffersOptions,
} from '../../src/analyses/offers.js';
import { dayNumber } from '../../src/normalize/dates.js';
import { HolidayCalendar } from '../../src/analyses/holidays.js';

// November 2026 by hand (checked against `date -d`): Thu 12, Fri 13, Sat 14, Sun 15, Mon 16,
// Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Sun 22, Mon 23 (as-of), Tue 24, …, Mon 30, Tue 1 Dec.
const d = (iso: string): number => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, day);
};
const asOf = d('2026-11-23');
const options: OffersOptions = { asOf, followUpDays: 1, expiringDays: 7, window: null, calendar: null };

let n = 0;
function offer(client: string, sent: string, more: Partial<Offer> = {}): Offer {
  n++;
  return {
    client,
    clientKey: client.toLowerCase(),
    offer: `Q-${n}`,
    sent: d(sent),
    expires: null,
    amount: null,
    manager: 'Anna',
    decision: 'undecided',
    ...more,
  };
}

/** A log of personal contacts `[client, day]`; `from` is its first day (an e-mail only covers a day). */
function log(contacts: [string, string][], from = '2026-11-01'): ContactDays {
  const l = new ContactDays();
  l.covers(d(from));
  for (const [client, day] of contacts) {
    l.covers(d(day));
    l.add(client.toLowerCase(), d(day));
  }
  return l;
}

describe('business days', () => {
  it('counts Monday to Friday only', () => {
    expect(weekday(d('2026-11-23'))).toBe(1); // a Monday
    expect(weekday(d('2026-11-22'))).toBe(0); // a Sunday
    expect(addBusinessDays(d('2026-11-12'), 1)).toBe(d('2026-11-13')); // Thu → Fri
    expect(addBusinessDays(d('2026-11-13'), 1)).toBe(d('2026-11-16')); // Fri → Mon
    expect(addBusinessDays(d('2026-11-16'), 1)).toBe(d('2026-11-17')); // Mon → Tue
    expect(addBusinessDays(d('2026-11-14'), 1)).toBe(d('2026-11-16')); // Sat → Mon
    expect(addBusinessDays(d('2026-11-15'), 1)).toBe(d('2026-11-16')); // Sun → Mon
    expect(addBusinessDays(d('2026-11-13'), 2)).toBe(d('2026-11-17')); // Fri → Tue
  });
});

describe('follow-up rule', () => {
  it('passes a call on the due day and fails one a day late (Thursday and Friday sends)', () => {
    const offers = [
      offer('Thu on time', '2026-11-12'),
      offer('Thu late', '2026-11-12'),
      offer('Fri on Monday', '2026-11-13'),
      offer('Fri on Tuesday', '2026-11-13'),
    ];
    const contacts = log([
      ['Thu on time', '2026-11-13'],
      ['Thu late', '2026-11-16'],
      ['Fri on Monday', '2026-11-16'],
      ['Fri on Tuesday', '2026-11-17'],
    ]);
    const r = analyzeOffers(offers, contacts, options);
    expect(r.violations.map((v) => [v.client, v.sent, v.due, v.contact])).toEqual([
      ['Thu late', '2026-11-12', '2026-11-13', '2026-11-16'],
      ['Fri on Tuesday', '2026-11-13', '2026-11-16', '2026-11-17'],
    ]);
    expect(r.managers).toEqual([{ manager: 'Anna', sent: 4, followedUp: 2, late: 2, expired: 0, expiredAmount: 0 }]);
  });

  it('does not count an e-mail, nor a call with another client', () => {
    // Monday 16 → due Tuesday 17. The e-mail on the 17th only tells that the log covers that day.
    const contacts = log([['Someone else', '2026-11-17']]);
    contacts.covers(d('2026-11-17'));
    const r = analyzeOffers([offer('Mailed', '2026-11-16')], contacts, options);
    expect(r.violations).toEqual([
      {
        client: 'Mailed',
        offer: expect.any(String),
        sent: '2026-11-16',
        due: '2026-11-17',
        contact: null,
        manager: 'Anna',
        amount: null,
      },
    ]);
  });

  it('counts a call on the sending day, and exempts decided offers', () => {
    const r = analyzeOffers(
      [
        offer('Same day', '2026-11-18'),
        offer('Accepted', '2026-11-12', { decision: 'accepted' }),
        offer('Declined', '2026-11-12', { decision: 'declined' }),
      ],
      log([['Same day', '2026-11-18']]),
      options,
    );
    expect(r.violations).toEqual([]);
    expect(r.counts).toEqual({
      offers: 3,
      accepted: 1,
      declined: 1,
      undecided: 1,
      noExpiry: 1,
      beforeLog: 0,
      judged: 1,
    });
  });

  it('puts offers whose due day is today or later on the agenda, not among violations', () => {
    // Friday 20 → due Monday 23 (as-of): 0 days left; Monday 23 → due Tuesday 24: 1 day left.
    const r = analyzeOffers(
      [offer('Sent Friday', '2026-11-20'), offer('Sent today', '2026-11-23'), offer('Called', '2026-11-20')],
      log([['Called', '2026-11-23']]),
      options,
    );
    expect(r.violations).toEqual([]);
    expect(r.due.map((x) => [x.client, x.due, x.daysLeft])).toEqual([
      ['Sent Friday', '2026-11-23', 0],
      ['Sent today', '2026-11-24', 1],
    ]);
  });

  it('does not judge offers sent before the log begins, nor offers sent after as-of', () => {
    const r = analyzeOffers(
      [offer('Old', '2026-10-20'), offer('Future', '2026-11-25')],
      log([], '2026-11-01'),
      options,
    );
    expect(r.violations).toEqual([]);
    expect(r.due).toEqual([]);
    expect(r.counts.beforeLog).toBe(1);
    expect(r.counts.offers).toBe(1);
  });

  it('is not checked when every undecided offer of the window was sent before the log (never "0, ok")', () => {
    // Window: November. The log begins on 10 Nov; both offers were sent on 2 and 3 Nov.
    const window = { from: d('2026-11-01'), to: d('2026-11-30') };
    const before = [offer('A', '2026-11-02'), offer('B', '2026-11-03')];
    const r = analyzeOffers(before, log([], '2026-11-10'), { ...options, window });
    expect(r).toMatchObject({ followUpChecked: false, followUpNotChecked: 'before-log', logFrom: '2026-11-10' });
    expect(r.counts).toMatchObject({ undecided: 2, beforeLog: 2, judged: 0 });
    expect(r.managers).toEqual([
      { manager: 'Anna', sent: 2, followedUp: null, late: null, expired: 0, expiredAmount: 0 },
    ]);
    // One offer sent on 12 Nov (Thu), called on 13 Nov, is judged: the rule checked something.
    const one = analyzeOffers([...before, offer('C', '2026-11-12')], log([['C', '2026-11-13']], '2026-11-10'), {
      ...options,
      window,
    });
    expect(one).toMatchObject({ followUpChecked: true, followUpNotChecked: null });
    expect(one.counts).toMatchObject({ beforeLog: 2, judged: 1 });
    expect(one.managers[0]).toMatchObject({ followedUp: 1, late: 0 });
    // No undecided offer at all: nothing needed a call, which is checked (and passes).
    const decided = analyzeOffers([offer('D', '2026-11-12', { decision: 'accepted' })], log([]), {
      ...options,
      window,
    });
    expect(decided).toMatchObject({ followUpChecked: true, followUpNotChecked: null });
  });

  it('counts business days with the calendar and says the years no file covers', () => {
    // Sent Wed 30 Dec 2026. Russia by law: Thu 31 Dec is a business day, due then. With the
    // 2026 decree's file (31 Dec off): 1–8 Jan 2027 are holidays, 9–10 Jan a weekend: due Mon
    // 11 Jan 2027, a year no file covers. No call up to as-of 15 Jan 2027: a violation.
    const sent = [offer('Late', '2026-12-30')];
    const o = { ...options, asOf: d('2027-01-15') };
    const byLaw = analyzeOffers(sent, log([], '2026-12-01'), { ...o, calendar: new HolidayCalendar('ru', []) });
    expect(byLaw.violations.map((v) => v.due)).toEqual(['2026-12-31']);
    expect(byLaw.holidays).toEqual({ country: 'ru', files: [], fileYears: [], yearsWithoutFile: [2026] });
    const decree = new HolidayCalendar('ru', [{ file: 'ru-2026.txt', off: [d('2026-12-31')], working: [] }]);
    const withFile = analyzeOffers(sent, log([], '2026-12-01'), { ...o, calendar: decree });
    expect(withFile.violations.map((v) => v.due)).toEqual(['2027-01-11']);
    expect(withFile.holidays).toEqual({
      country: 'ru',
      files: ['ru-2026.txt'],
      fileYears: [2026],
      yearsWithoutFile: [2027],
    });
    expect(analyzeOffers(sent, log([], '2026-12-01'), o).holidays).toBeNull();
  });

  it('without a log checks no follow-up', () => {
    const r = analyzeOffers([offer('Thu late', '2026-11-12')], null, options);
    expect(r.followUpChecked).toBe(false);
    expect(r.violations).toEqual([]);
    expect(r.managers[0]).toMatchObject({ followedUp: null, late: null });
  });

  it('lists violations by their due day inside the window only', () => {
    const window = { from: d('2026-11-16'), to: d('2026-11-22') };
    // Due Fri 13 (before the window) and Tue 17 (inside).
    const r = analyzeOffers([offer('Before', '2026-11-12'), offer('Inside', '2026-11-16')], log([]), {
      ...options,
      window,
    });
    expect(r.violations.map((v) => v.client)).toEqual(['Inside']);
    expect(r.window).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    // Expired offers by their expiry day: the 13th is before the window, the 20th inside.
    const x = analyzeOffers(
      [
        offer('Early', '2026-11-02', { expires: d('2026-11-13') }),
        offer('Late', '2026-11-02', { expires: d('2026-11-20') }),
      ],
      null,
      { ...options, window },
    );
    expect(x.expired.map((e) => e.client)).toEqual(['Late']);
  });

  it('counts one manager however the name is spelt', () => {
    const r = analyzeOffers(
      [offer('A', '2026-11-12', { manager: 'Olga  Petrova' }), offer('B', '2026-11-12', { manager: 'olga petrova' })],
      null,
      options,
    );
    expect(r.managers.map((m) => [m.manager, m.sent])).toEqual([['Olga  Petrova', 2]]);
  });
});

describe('expiry', () => {
  it('lists today and up to --expiring-days ahead as expiring, yesterday as expired', () => {
    const amount = (whole: number) => ({ whole, micro: 0 });
    const r = analyzeOffers(
      [
        offer('Today', '2026-11-02', { expires: d('2026-11-23'), amount: amount(100) }),
        offer('Tomorrow', '2026-11-02', { expires: d('2026-11-24'), amount: amount(200) }),
        offer('Edge', '2026-11-02', { expires: d('2026-11-30'), amount: amount(300) }), // as-of + 7
        offer('Past edge', '2026-11-02', { expires: d('2026-12-01'), amount: amount(400) }), // as-of + 8
        offer('Yesterday', '2026-11-02', { expires: d('2026-11-22'), amount: { whole: 1500, micro: 500_000 } }),
        offer('Long ago', '2026-10-01', { expires: d('2026-10-15'), amount: amount(50) }),
        offer('Won anyway', '2026-11-02', { expires: d('2026-11-22'), amount: amount(999), decision: 'accepted' }),
        offer('No date', '2026-11-02'),
      ],
      null,
      options,
    );
    expect(r.expiring.map((x) => [x.client, x.expires, x.daysLeft])).toEqual([
      ['Today', '2026-11-23', 0],
      ['Tomorrow', '2026-11-24', 1],
      ['Edge', '2026-11-30', 7],
    ]);
    // The largest amount first; 1500.5 + 50 left on the table.
    expect(r.expired.map((x) => [x.client, x.expires, x.daysAgo, x.amount])).toEqual([
      ['Yesterday', '2026-11-22', 1, 1500.5],
      ['Long ago', '2026-10-15', 39, 50],
    ]);
    expect(r.expiredAmount).toBe(1550.5);
    expect(r.expiringAmount).toBe(600);
    expect(r.counts.noExpiry).toBe(1);
    expect(r.managers[0]).toMatchObject({ expired: 2, expiredAmount: 1550.5 });
  });

  it('honours a shorter --expiring-days', () => {
    const r = analyzeOffers([offer('In three', '2026-11-02', { expires: d('2026-11-26') })], null, {
      ...options,
      expiringDays: 2,
    });
    expect(r.expiring).toEqual([]);
    const r3 = analyzeOffers([offer('In three', '2026-11-02', { expires: d('2026-11-26') })], null, {
      ...options,
      expiringDays: 3,
    });
    expect(r3.expiring.map((x) => x.daysLeft)).toEqual([3]);
  });
});
