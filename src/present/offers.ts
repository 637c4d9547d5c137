import type { OffersHolidays, OffersResult } from '../analyses/offers.js';
import type { Cell, DataTable, MachineRow, Section } from '../render/document.js';
import { coded, dataTable, type Audience } from './tables.js';
import { isoDate, money } from './format.js';
import { t, type Lang } from './i18n.js';

/** Which days the follow-up counted as business days. */
export function calendarText(h: OffersHolidays | null, lang: Lang): string {
  if (h === null) return t(lang, 'calendarNone');
  const files = h.files.join(', ');
  if (h.country === null) return t(lang, 'calendarFilesOnly').replace('{files}', files);
  const country = t(lang, `calendar_${h.country}`);
  return files === '' ? country : `${country} ${t(lang, 'calendarFiles').replace('{files}', files)}`;
}

/** The agenda first (calls due, offers about to expire), then what was missed, then each manager's record. */
export function offersSections(r: OffersResult, lang: Lang): Section[] {
  const w = offerWords(lang);
  const sections: Section[] = [offersFacts(r, lang)];
  if (r.followUpNotChecked !== 'no-log') sections.push(dueTable(r, lang, w));
  sections.push(expiringTable(r, lang, w));
  sections.push(r.followUpChecked ? violationsTable(r, lang, w) : notCheckedNote(r, lang, w));
  sections.push(expiredTable(r, lang, w));
  if (r.managers.length > 0) sections.push(managersTable(r, lang));
  return sections;
}

/** How the offers' tables write a day, an amount and the days left. */
interface OfferWords {
  day: (iso: string) => string;
  amount: (a: number | null) => string;
}

function offerWords(lang: Lang): OfferWords {
  return {
    day: (iso) => isoDate(iso, lang),
    amount: (a) => (a === null ? '—' : money(a, lang)),
  };
}

/** As-of, window, the rules, the offers counted and the money left on the table. */
function offersFacts(r: OffersResult, lang: Lang): Section {
  const day = (iso: string): string => isoDate(iso, lang);
  const c = r.counts;
  return {
    kind: 'facts',
    facts: [
      [t(lang, 'asOf'), day(r.asOf)],
      ...(r.window
        ? [[t(lang, 'window'), `${day(r.window.from ?? '…')} — ${day(r.window.to ?? '…')}`] as [string, Cell]]
        : []),
      [
        t(lang, 'rules'),
        t(lang, 'offersRulesText')
          .replace('{days}', String(r.thresholds.followUpDays))
          .replace('{calendar}', calendarText(r.holidays, lang))
          .replace('{expiring}', String(r.thresholds.expiringDays)),
      ],
      [
        t(lang, 'offersCount'),
        t(lang, 'offersCountText')
          .replace('{offers}', String(c.offers))
          .replace('{accepted}', String(c.accepted))
          .replace('{declined}', String(c.declined))
          .replace('{undecided}', String(c.undecided)),
      ],
      [t(lang, 'leftOnTable'), { text: money(r.expiredAmount, lang), tone: r.expiredAmount > 0 ? 'bad' : 'good' }],
    ],
  };
}

/** Offers whose follow-up is still due: the calls to make. */
function dueTable(r: OffersResult, lang: Lang, { day, amount }: OfferWords): Section {
  return {
    kind: 'table',
    title: t(lang, 'offersFollowUpDue'),
    columns: [
      { label: t(lang, 'client') },
      { label: t(lang, 'offer') },
      { label: t(lang, 'sentOn') },
      { label: t(lang, 'followUpBy') },
      { label: t(lang, 'amount'), align: 'right' },
      { label: t(lang, 'manager') },
    ],
    rows: r.due.map((d) => [
      d.client,
      d.offer ?? '',
      day(d.sent),
      d.daysLeft === 0 ? { text: `${day(d.due)} (${t(lang, 'today')})`, tone: 'warn' } : day(d.due),
      amount(d.amount),
      d.manager ?? '',
    ]),
    empty: t(lang, 'none'),
  };
}

/** Undecided offers close to their expiry. */
function expiringTable(r: OffersResult, lang: Lang, { day, amount }: OfferWords): Section {
  const left = (days: number): Cell => (days === 0 ? { text: t(lang, 'today'), tone: 'bad' } : String(days));
  return {
    kind: 'table',
    title: t(lang, 'offersExpiring'),
    columns: [
      { label: t(lang, 'client') },
      { label: t(lang, 'offer') },
      { label: t(lang, 'validUntil') },
      { label: t(lang, 'daysLeft'), align: 'right' },
      { label: t(lang, 'amount'), align: 'right' },
      { label: t(lang, 'manager') },
    ],
    rows: r.expiring.map((x) => [
      x.client,
      x.offer ?? '',
      day(x.expires),
      left(x.daysLeft),
      amount(x.amount),
      x.manager ?? '',
    ]),
    empty: t(lang, 'none'),
  };
}

/** Offers not followed up by their due day. */
function violationsTable(r: OffersResult, lang: Lang, { day }: OfferWords): Section {
  return {
    kind: 'table',
    title: t(lang, 'offersViolations'),
    columns: [
      { label: t(lang, 'client') },
      { label: t(lang, 'offer') },
      { label: t(lang, 'sentOn') },
      { label: t(lang, 'followUpBy') },
      { label: t(lang, 'firstContact') },
      { label: t(lang, 'manager') },
    ],
    rows: r.violations.map((v) => [
      v.client,
      v.offer ?? '',
      day(v.sent),
      day(v.due),
      v.contact === null ? { text: t(lang, 'none'), tone: 'bad' } : { text: day(v.contact), tone: 'warn' },
      v.manager ?? '',
    ]),
    empty: t(lang, 'noViolations'),
  };
}

/** Why the follow-up was not checked: no activity log, or every offer sent before it begins. */
function notCheckedNote(r: OffersResult, lang: Lang, { day }: OfferWords): Section {
  const text =
    r.followUpNotChecked === 'before-log'
      ? t(lang, 'offersBeforeLog').replace('{date}', r.logFrom === null ? '—' : day(r.logFrom))
      : t(lang, 'offersNoLog');
  return { kind: 'notes', title: t(lang, 'offersViolations'), lines: [{ text, tone: 'warn' }] };
}

/** Offers that expired undecided: money left on the table. */
function expiredTable(r: OffersResult, lang: Lang, { day, amount }: OfferWords): Section {
  return {
    kind: 'table',
    title: t(lang, 'offersExpired'),
    columns: [
      { label: t(lang, 'client') },
      { label: t(lang, 'offer') },
      { label: t(lang, 'sentOn') },
      { label: t(lang, 'validUntil') },
      { label: t(lang, 'daysAgo'), align: 'right' },
      { label: t(lang, 'amount'), align: 'right' },
      { label: t(lang, 'manager') },
    ],
    rows: r.expired.map((x) => [
      x.client,
      x.offer ?? '',
      day(x.sent),
      day(x.expires),
      String(x.daysAgo),
      { text: amount(x.amount), tone: 'bad' },
      x.manager ?? '',
    ]),
    empty: t(lang, 'none'),
  };
}

/** Each manager's offers: sent, followed up, late, expired and the money left. */
function managersTable(r: OffersResult, lang: Lang): Section {
  const dash = (v: number | null): string => (v === null ? '—' : String(v));
  return {
    kind: 'table',
    title: t(lang, 'offersManagers'),
    columns: [
      { label: t(lang, 'manager') },
      { label: t(lang, 'offersCount'), align: 'right' },
      { label: t(lang, 'followedUp'), align: 'right' },
      { label: t(lang, 'late'), align: 'right' },
      { label: t(lang, 'expiredCount'), align: 'right' },
      { label: t(lang, 'leftOnTable'), align: 'right' },
    ],
    rows: r.managers.map((m) => [
      m.manager,
      String(m.sent),
      dash(m.followedUp),
      m.late ? { text: String(m.late), tone: 'bad' } : dash(m.late),
      String(m.expired),
      money(m.expiredAmount, lang),
    ]),
  };
}

const LIST_WORD = {
  violation: 'offersViolations',
  due: 'offersFollowUpDue',
  expiring: 'offersExpiring',
  expired: 'offersExpired',
} as const;

/** The four lists in one (told apart by `list`), the counts, and each manager's record, as data. */
export function offersTables(r: OffersResult, lang: Audience): DataTable[] {
  return [offerListsTable(r, lang), offersSummaryTable(r, lang), offerManagersTable(r, lang)];
}

/** The violations, the follow-ups due, the offers expiring and those expired, one row each. */
function offerListsTable(r: OffersResult, lang: Audience): DataTable {
  const row = (
    list: keyof typeof LIST_WORD,
    x: { client: string; offer: string | null; amount: number | null; manager: string | null },
    more: Partial<Record<'sent' | 'due' | 'contact' | 'expires' | 'daysLeft', string | number | null>>,
  ): MachineRow => ({
    list: coded(lang, list, LIST_WORD[list]),
    client: x.client,
    offer: x.offer,
    sent: more.sent ?? null,
    due: more.due ?? null,
    contact: more.contact ?? null,
    expires: more.expires ?? null,
    daysLeft: more.daysLeft ?? null,
    amount: x.amount,
    manager: x.manager,
  });
  return dataTable(
    'offers',
    lang,
    [
      ['list', 'text'],
      ['client', 'text'],
      ['offer', 'text'],
      ['sent', 'date'],
      ['due', 'date'],
      ['contact', 'date'],
      ['expires', 'date'],
      ['daysLeft', 'integer'],
      ['amount', 'decimal'],
      ['manager', 'text'],
    ],
    [
      ...r.violations.map((v) => row('violation', v, { sent: v.sent, due: v.due, contact: v.contact })),
      ...r.due.map((d) => row('due', d, { sent: d.sent, due: d.due, daysLeft: d.daysLeft })),
      ...r.expiring.map((x) => row('expiring', x, { expires: x.expires, daysLeft: x.daysLeft })),
      ...r.expired.map((x) => row('expired', x, { sent: x.sent, expires: x.expires, daysLeft: -x.daysAgo })),
    ],
  );
}

/** The offers counted and the money of the expired and expiring ones. */
function offersSummaryTable(r: OffersResult, lang: Audience): DataTable {
  const c = r.counts;
  return dataTable(
    'offersSummary',
    lang,
    [
      ['asOf', 'date'],
      ['windowFrom', 'date'],
      ['windowTo', 'date'],
      ['offersSent', 'integer'],
      ['accepted', 'integer'],
      ['declined', 'integer'],
      ['undecided', 'integer'],
      ['expiredAmount', 'decimal'],
      ['expiringAmount', 'decimal'],
    ],
    [
      {
        asOf: r.asOf,
        windowFrom: r.window?.from ?? null,
        windowTo: r.window?.to ?? null,
        offersSent: c.offers,
        accepted: c.accepted,
        declined: c.declined,
        undecided: c.undecided,
        expiredAmount: r.expiredAmount,
        expiringAmount: r.expiringAmount,
      },
    ],
    true,
  );
}

/** Each manager's record. */
function offerManagersTable(r: OffersResult, lang: Audience): DataTable {
  return dataTable(
    'offerManagers',
    lang,
    [
      ['manager', 'text'],
      ['offersSent', 'integer'],
      ['followedUp', 'integer'],
      ['late', 'integer'],
      ['expired', 'integer'],
      ['expiredAmount', 'decimal'],
    ],
    r.managers.map((m) => ({
      manager: m.manager,
      offersSent: m.sent,
      followedUp: m.followedUp,
      late: m.late,
      expired: m.expired,
      expiredAmount: m.expiredAmount,
    })),
  );
}
