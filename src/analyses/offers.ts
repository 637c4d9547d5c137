import { dayParts, formatDay } from '../normalize/dates.js';
import { periodJson, type Period } from '../normalize/period.js';
import { nameKey } from '../normalize/text.js';
import { amountToNumber, type Amount, microsToNumber, MoneySum } from '../normalize/money.js';
import type { Decision } from '../normalize/offers.js';
import { compareNames } from './name-order.js';
import { addBusinessDays, type HolidayCalendar, type HolidaysJson } from './holidays.js';

export { addBusinessDays, weekday } from './holidays.js';

export interface Offer {
  client: string;
  /** The client's key (`ClientNames`): how the activity log's contacts are matched to it. */
  clientKey: string;
  /** The offer's number, or null when the file has none. */
  offer: string | null;
  sent: number;
  expires: number | null;
  amount: Amount | null;
  manager: string;
  decision: Decision;
}

export interface OffersOptions {
  asOf: number;
  /** Business days after sending by which a personal contact is due. */
  followUpDays: number;
  /** Undecided offers expiring within this many days after as-of are on the agenda. */
  expiringDays: number;
  /** Violations listed by their due day and expired offers by their expiry day in this window; null: every one up to as-of. */
  window: Period | null;
  /** The public holidays left out of business days; null: not known, Monday to Friday are all business days. */
  calendar: HolidayCalendar | null;
}

export const DEFAULT_OFFERS = { followUpDays: 1, expiringDays: 7 } as const;

/**
 * The personal contacts of the offers' clients (calls, meetings, visits: never e-mail), by
 * anyone, up to as-of; and the first day the log covers, before which a missing contact
 * proves nothing.
 */
export class ContactDays {
  private readonly days = new Map<string, number[]>();
  private sorted = true;
  /** The earliest day of any activity in the log, personal or not. */
  from: number | null = null;

  /** Any activity: it extends what the log covers. */
  covers(day: number): void {
    if (this.from === null || day < this.from) this.from = day;
  }

  add(clientKey: string, day: number): void {
    const list = this.days.get(clientKey);
    if (list) list.push(day);
    else this.days.set(clientKey, [day]);
    this.sorted = false;
  }

  /** The first personal contact on or after `day`, or null. */
  firstFrom(clientKey: string, day: number): number | null {
    if (!this.sorted) {
      for (const list of this.days.values()) list.sort((a, b) => a - b);
      this.sorted = true;
    }
    for (const d of this.days.get(clientKey) ?? []) if (d >= day) return d;
    return null;
  }
}

export interface OfferViolation {
  client: string;
  offer: string | null;
  sent: string;
  due: string;
  /** The first personal contact after sending (late), or null when there was none up to as-of. */
  contact: string | null;
  manager: string | null;
  amount: number | null;
}

export interface OfferDue {
  client: string;
  offer: string | null;
  sent: string;
  due: string;
  /** Days from as-of to the due day: 0 means today. */
  daysLeft: number;
  manager: string | null;
  amount: number | null;
}

export interface OfferExpiring {
  client: string;
  offer: string | null;
  expires: string;
  /** 0: it expires today (still valid today). */
  daysLeft: number;
  amount: number | null;
  manager: string | null;
}

export interface OfferExpired {
  client: string;
  offer: string | null;
  sent: string;
  expires: string;
  daysAgo: number;
  amount: number | null;
  manager: string | null;
}

export interface OfferManager {
  manager: string;
  /** Offers sent (in the window, when there is one). */
  sent: number;
  /** Of those, undecided offers contacted in time; null when the follow-up rule was not checked. */
  followedUp: number | null;
  /** Violations listed against this manager; null when the follow-up rule was not checked. */
  late: number | null;
  expired: number;
  expiredAmount: number;
}

/** The calendar of the business days, and the years the follow-up counted in that no file covers. */
export type OffersHolidays = HolidaysJson & { yearsWithoutFile: number[] };

export interface OffersResult {
  asOf: string;
  window: { from: string | null; to: string | null } | null;
  thresholds: { followUpDays: number; expiringDays: number };
  /** The public holidays the business days left out; null: not known (Monday to Friday all count). */
  holidays: OffersHolidays | null;
  /** The activity log's first day up to as-of; null without a log or when it holds none. */
  logFrom: string | null;
  /**
   * False when the follow-up rule checked no offer of the window: without an activity log, or
   * when every undecided offer of the window was sent before the log begins (`followUpNotChecked`
   * says which). Managers' `followedUp` and `late` are then null.
   */
  followUpChecked: boolean;
  followUpNotChecked: 'no-log' | 'before-log' | null;
  counts: {
    offers: number;
    accepted: number;
    declined: number;
    undecided: number;
    /** Undecided offers with no expiry date: expiry not checked. */
    noExpiry: number;
    /** Undecided offers sent before the log's first day: follow-up not checked. */
    beforeLog: number;
    /** Undecided offers whose follow-up was judged: in time, late, or due. */
    judged: number;
  };
  violations: OfferViolation[];
  due: OfferDue[];
  expiring: OfferExpiring[];
  expired: OfferExpired[];
  managers: OfferManager[];
  /** Sum of the amounts of `expired`: money left on the table. */
  expiredAmount: number;
  expiringAmount: number;
}

const units = (a: Amount | null): number | null => (a === null ? null : amountToNumber(a));
const addTo = (sum: MoneySum, a: Amount | null): void => {
  if (a) sum.add(a.whole, a.micro);
};
const inWindow = (day: number, w: Period | null): boolean => w === null || (day >= w.from && day <= w.to);

interface ManagerTally {
  name: string;
  sent: number;
  followedUp: number;
  late: number;
  expired: number;
  expiredSum: MoneySum;
}

/**
 * The offer rules (docs/rules.md §9): an undecided offer needs a personal contact with its client
 * by the `followUpDays`-th business day after it was sent (a later contact does not cure the
 * breach); undecided offers close to expiry go on the agenda; expired ones are money left on
 * the table. `log` is null when no activity log was given: then only expiry is checked. Pure.
 */
export function analyzeOffers(offers: readonly Offer[], log: ContactDays | null, o: OffersOptions): OffersResult {
  const book = new OfferBook(o);
  for (const offer of offers) {
    if (offer.sent > o.asOf) continue; // not sent yet as of that day
    const t = book.tally(offer.manager);
    const sentInWindow = inWindow(offer.sent, o.window);
    if (sentInWindow) {
      book.counts.offers++;
      book.counts[offer.decision]++;
      if (t) t.sent++;
    }
    if (offer.decision !== 'undecided') continue;
    if (log !== null) book.followUp(offer, log, t, sentInWindow);
    book.expiry(offer, t, sentInWindow);
  }
  book.sort();
  const { counts, violations, due, expiring, expired, years } = book;
  // Nothing of the window judged though it had undecided offers: every one was sent before the log.
  const notChecked =
    log === null
      ? 'no-log'
      : counts.beforeLog > 0 && counts.judged === 0 && violations.length === 0
        ? 'before-log'
        : null;
  const checked = notChecked === null;
  const calendar = o.calendar?.json() ?? null;
  return {
    asOf: formatDay(o.asOf),
    window: periodJson(o.window),
    thresholds: { followUpDays: o.followUpDays, expiringDays: o.expiringDays },
    holidays: calendar && {
      ...calendar,
      yearsWithoutFile: [...years].filter((y) => !calendar.fileYears.includes(y)).sort((a, b) => a - b),
    },
    logFrom: log === null || log.from === null ? null : formatDay(log.from),
    followUpChecked: checked,
    followUpNotChecked: notChecked,
    counts,
    violations,
    due,
    expiring,
    expired,
    managers: [...book.managers.values()]
      .filter((m) => m.sent + m.late + m.expired > 0)
      .map((m) => ({
        manager: m.name,
        sent: m.sent,
        followedUp: checked ? m.followedUp : null,
        late: checked ? m.late : null,
        expired: m.expired,
        expiredAmount: microsToNumber(m.expiredSum.toMicros()),
      }))
      .sort((a, b) => b.sent - a.sent || compareNames(a.manager, b.manager)),
    expiredAmount: microsToNumber(book.expiredSum.toMicros()),
    expiringAmount: microsToNumber(book.expiringSum.toMicros()),
  };
}

/** What the offer rules found so far: the lists, the counts and sums, and each manager's tally. */
class OfferBook {
  readonly violations: OfferViolation[] = [];
  readonly due: OfferDue[] = [];
  readonly expiring: OfferExpiring[] = [];
  readonly expired: OfferExpired[] = [];
  readonly managers = new Map<string, ManagerTally>();
  readonly counts = { offers: 0, accepted: 0, declined: 0, undecided: 0, noExpiry: 0, beforeLog: 0, judged: 0 };
  /** The years whose business days the follow-up counted, to say which no holiday file covers. */
  readonly years = new Set<number>();
  readonly expiredSum = new MoneySum();
  readonly expiringSum = new MoneySum();
  /** Sort keys beside the JSON rows, so no date is parsed back. */
  private readonly order = new Map<object, number>();

  constructor(private readonly o: OffersOptions) {}

  tally(name: string): ManagerTally | null {
    if (name === '') return null;
    const key = nameKey(name);
    let t = this.managers.get(key);
    if (!t) {
      t = { name, sent: 0, followedUp: 0, late: 0, expired: 0, expiredSum: new MoneySum() };
      this.managers.set(key, t);
    }
    return t;
  }

  /** An undecided offer's follow-up: in time, still due, or late (when its due day falls in the window). */
  followUp(offer: Offer, log: ContactDays, t: ManagerTally | null, sentInWindow: boolean): void {
    const o = this.o;
    const dueDay = addBusinessDays(offer.sent, o.followUpDays, o.calendar);
    const contact = log.firstFrom(offer.clientKey, offer.sent);
    const inTime = contact !== null && contact <= dueDay;
    if (log.from === null || offer.sent < log.from) {
      if (sentInWindow) this.counts.beforeLog++;
      return;
    }
    if (sentInWindow) this.counts.judged++;
    for (let y = dayParts(offer.sent + 1).year; y <= dayParts(dueDay).year; y++) this.years.add(y);
    const manager = offer.manager === '' ? null : offer.manager;
    if (inTime) {
      if (sentInWindow && t) t.followedUp++;
    } else if (dueDay >= o.asOf) {
      const item: OfferDue = {
        client: offer.client,
        offer: offer.offer,
        sent: formatDay(offer.sent),
        due: formatDay(dueDay),
        daysLeft: dueDay - o.asOf,
        manager,
        amount: units(offer.amount),
      };
      this.due.push(item);
      this.order.set(item, dueDay);
    } else if (inWindow(dueDay, o.window)) {
      const item: OfferViolation = {
        client: offer.client,
        offer: offer.offer,
        sent: formatDay(offer.sent),
        due: formatDay(dueDay),
        contact: contact === null ? null : formatDay(contact),
        manager,
        amount: units(offer.amount),
      };
      this.violations.push(item);
      this.order.set(item, dueDay);
      if (t) t.late++;
    }
  }

  /** An undecided offer's expiry: none, passed (in the window: money left on the table), or close. */
  expiry(offer: Offer, t: ManagerTally | null, sentInWindow: boolean): void {
    const o = this.o;
    const manager = offer.manager === '' ? null : offer.manager;
    if (offer.expires === null) {
      if (sentInWindow) this.counts.noExpiry++;
    } else if (offer.expires < o.asOf) {
      if (inWindow(offer.expires, o.window)) {
        const item: OfferExpired = {
          client: offer.client,
          offer: offer.offer,
          sent: formatDay(offer.sent),
          expires: formatDay(offer.expires),
          daysAgo: o.asOf - offer.expires,
          amount: units(offer.amount),
          manager,
        };
        this.expired.push(item);
        this.order.set(item, offer.expires);
        addTo(this.expiredSum, offer.amount);
        if (t) {
          t.expired++;
          addTo(t.expiredSum, offer.amount);
        }
      }
    } else if (offer.expires - o.asOf <= o.expiringDays) {
      this.expiring.push({
        client: offer.client,
        offer: offer.offer,
        expires: formatDay(offer.expires),
        daysLeft: offer.expires - o.asOf,
        amount: units(offer.amount),
        manager,
      });
      addTo(this.expiringSum, offer.amount);
    }
  }

  /** Each list in the order a seller works it. */
  sort(): void {
    const byDay = (a: object, b: object): number => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0);
    const byOffer = (
      a: { client: string; offer: string | null },
      b: { client: string; offer: string | null },
    ): number => compareNames(a.client, b.client) || (a.offer ?? '').localeCompare(b.offer ?? '');
    this.violations.sort((a, b) => byDay(a, b) || byOffer(a, b));
    this.due.sort((a, b) => a.daysLeft - b.daysLeft || byOffer(a, b));
    this.expiring.sort((a, b) => a.daysLeft - b.daysLeft || (b.amount ?? 0) - (a.amount ?? 0) || byOffer(a, b));
    // Money left on the table: the largest first.
    this.expired.sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || byDay(b, a) || byOffer(a, b));
  }
}
