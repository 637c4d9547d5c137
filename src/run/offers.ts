import { analyzeOffers, ContactDays, type Offer, type OffersOptions, type OffersResult } from '../analyses/offers.js';
import { isoDate } from '../present/format.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { loadContacts, loadOffers } from '../load/offers.js';
import { SameFields } from '../load/rows.js';
import { formatDay } from '../normalize/dates.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { offersSections } from '../present/offers.js';
import { t, type Lang } from '../present/i18n.js';
import type { MachineRow } from '../render/document.js';
import { buildEnvelope } from '../schema/build.js';
import type { CommandOutput } from './output.js';

export interface OffersRules {
  offers: InputOptions[];
  /** Activity logs; none: only expiry is checked. */
  activities: InputOptions[];
  vocabulary: Vocabulary;
  rules: OffersOptions;
}

export interface ComputedOffers {
  result: OffersResult;
  inputs: InputReport[];
  warnings: Warning[];
}

export interface ReadOffers {
  offers: Offer[];
  inputs: InputReport[];
  warnings: Warning[];
}

/** Every offers file, in order; each offer's client shown as the run names it. */
export async function readOffers(files: InputOptions[], vocabulary: Vocabulary, asOf: number): Promise<ReadOffers> {
  const out: ReadOffers = { offers: [], inputs: [], warnings: [] };
  const fields = new SameFields('offers');
  for (const input of files) {
    const loaded = await loadOffers(input, vocabulary, asOf, fields);
    out.offers.push(...loaded.offers);
    out.inputs.push(loaded.input);
    out.warnings.push(...loaded.warnings);
  }
  const names = clientNamesOf(files);
  for (const offer of out.offers) offer.client = names.name(offer.clientKey, offer.client);
  return out;
}

/** The clients whose contacts the follow-up rule needs. */
export const offerClients = (offers: readonly Offer[]): Set<string> => new Set(offers.map((x) => x.clientKey));

/** Apply the rules, with what their figures leave unchecked said as warnings. */
export function offersResult(
  read: ReadOffers,
  log: ContactDays | null,
  rules: OffersOptions,
): { result: OffersResult; warnings: Warning[] } {
  const result = analyzeOffers(read.offers, log, rules);
  const warnings: Warning[] = [];
  const c = result.counts;
  if (log === null) {
    warnings.push(warning('FOLLOW_UP_NEEDS_LOG', {}));
  } else if (c.beforeLog > 0) {
    warnings.push(
      warning('FOLLOW_UP_BEFORE_LOG', { count: c.beforeLog, logFrom: log.from === null ? null : formatDay(log.from) }),
    );
  }
  if (c.noExpiry > 0 && read.inputs.some((i) => i.columns.expires !== undefined)) {
    warnings.push(warning('OFFERS_WITHOUT_EXPIRY', { count: c.noExpiry }));
  }
  return { result, warnings };
}

/** Read the offers, then the contacts with their clients, and apply the rules. */
export async function computeOffers(o: OffersRules): Promise<ComputedOffers> {
  // One run, one set of client names for the offers and the logs.
  clientNamesOf(o.offers, o.activities);
  const read = await readOffers(o.offers, o.vocabulary, o.rules.asOf);
  const inputs = [...read.inputs];
  const warnings = [...read.warnings];
  let log: ContactDays | null = null;
  if (o.activities.length > 0) {
    log = new ContactDays();
    const clients = offerClients(read.offers);
    const fields = new SameFields('activities');
    for (const input of o.activities) {
      const loaded = await loadContacts(input, o.vocabulary, clients, o.rules.asOf, log, fields);
      inputs.push(loaded.input);
      warnings.push(...loaded.warnings);
    }
  }
  const done = offersResult(read, log, o.rules);
  return { result: done.result, inputs, warnings: [...warnings, ...done.warnings] };
}

/** One row per item of the four lists, told apart by `list`. */
function offerRows(r: OffersResult): MachineRow[] {
  const row = (
    list: string,
    x: { client: string; offer: string | null; amount: number | null; manager: string | null },
    more: Partial<Record<'sent' | 'due' | 'contact' | 'expires' | 'daysLeft', string | number | null>>,
  ): MachineRow => ({
    list,
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
  return [
    ...r.violations.map((v) => row('violation', v, { sent: v.sent, due: v.due, contact: v.contact })),
    ...r.due.map((d) => row('due', d, { sent: d.sent, due: d.due, daysLeft: d.daysLeft })),
    ...r.expiring.map((x) => row('expiring', x, { expires: x.expires, daysLeft: x.daysLeft })),
    ...r.expired.map((x) => row('expired', x, { sent: x.sent, expires: x.expires, daysLeft: -x.daysAgo })),
  ];
}

export async function runOffers(o: OffersRules & { lang: Lang }): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeOffers(o);
  warnings.push(...clientNamesOf(o.offers, o.activities).warnings());
  return {
    envelope: buildEnvelope('offers', result.window, inputs, result, warnings.map(warningJson)),
    doc: () => ({
      title: `${t(o.lang, 'offersTitle')} · ${t(o.lang, 'asOf')} ${isoDate(result.asOf, o.lang)}`,
      sections: offersSections(result, o.lang),
    }),
    rows: () => offerRows(result),
    columns: ['list', 'client', 'offer', 'sent', 'due', 'contact', 'expires', 'daysLeft', 'amount', 'manager'],
    exitCode: 0,
  };
}
