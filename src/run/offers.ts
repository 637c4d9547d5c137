import { analyzeOffers, ContactDays, type Offer, type OffersOptions, type OffersResult } from '../analyses/offers.js';
import { isoDate } from '../present/format.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { mixedCurrencies, type Currencies } from '../load/currencies.js';
import { loadContacts, loadOffers } from '../load/offers.js';
import { loadCalendar } from '../load/holidays.js';
import { SameFields } from '../load/rows.js';
import { formatDay } from '../normalize/dates.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { offersSections, offersTables } from '../present/offers.js';
import { t, type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import type { CommandOutput } from './output.js';

export interface OffersRules {
  offers: InputOptions[];
  /** Activity logs; none: only expiry is checked. */
  activities: InputOptions[];
  vocabulary: Vocabulary;
  /** Only the offers in this currency; needed when the offers mix currencies. */
  currency?: string;
  rules: Omit<OffersOptions, 'calendar'>;
  /** `--holidays`: ru, bg and files of days; none: public holidays are not known. */
  holidays: readonly string[];
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

/**
 * Every offers file, in order; only the offers in `currency` (rows that name none are taken
 * to be in it). Offers in several currencies with no `currency` stop: their amounts would
 * be compared and added as one. Each offer's client is shown as the run names it.
 */
export async function readOffers(
  files: InputOptions[],
  vocabulary: Vocabulary,
  asOf: number,
  currency?: string,
): Promise<ReadOffers> {
  const out: ReadOffers = { offers: [], inputs: [], warnings: [] };
  const fields = new SameFields('offers');
  const currencies: Currencies = new Map();
  for (const input of files) {
    const loaded = await loadOffers(input, vocabulary, asOf, fields, { currency, currencies });
    out.offers.push(...loaded.offers);
    out.inputs.push(loaded.input);
    out.warnings.push(...loaded.warnings);
  }
  const mixed = mixedCurrencies(currencies, currency, files[0]?.source.name ?? '');
  if (mixed) throw mixed;
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
      warning('FOLLOW_UP_BEFORE_LOG', {
        count: c.beforeLog,
        logFrom: log.from === null ? null : formatDay(log.from),
        none: result.followUpNotChecked === 'before-log',
      }),
    );
  }
  const counted = c.judged > 0 || result.violations.length > 0 || result.due.length > 0;
  if (counted && result.holidays === null) warnings.push(warning('HOLIDAYS_NOT_KNOWN', {}));
  if (counted && result.holidays !== null && result.holidays.yearsWithoutFile.length > 0) {
    const h = result.holidays;
    warnings.push(warning('HOLIDAYS_NOT_COVERED', { country: h.country, files: h.files, years: h.yearsWithoutFile }));
  }
  if (c.noExpiry > 0 && read.inputs.some((i) => i.columns.expires !== undefined)) {
    warnings.push(warning('OFFERS_WITHOUT_EXPIRY', { count: c.noExpiry }));
  }
  return { result, warnings };
}

/** Read the offers, then the contacts with their clients, and apply the rules. */
export async function computeOffers(o: OffersRules): Promise<ComputedOffers> {
  const calendar = await loadCalendar(o.holidays);
  // One run, one set of client names for the offers and the logs.
  clientNamesOf(o.offers, o.activities);
  const read = await readOffers(o.offers, o.vocabulary, o.rules.asOf, o.currency);
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
  const done = offersResult(read, log, { ...o.rules, calendar });
  return { result: done.result, inputs, warnings: [...warnings, ...done.warnings] };
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
    tables: (lang) => offersTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
