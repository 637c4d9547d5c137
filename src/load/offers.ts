import { ContactDays, type Offer } from '../analyses/offers.js';
import type { Activity } from '../normalize/activities.js';
import { formatDay } from '../normalize/dates.js';
import { OFFER_NEEDS, OfferConverter, type OfferRow } from '../normalize/offers.js';
import type { ClientNames } from '../normalize/client-names.js';
import { detach, displayName } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { CONTACT_NEEDS, loadActivities } from './activities.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { tallyCurrency, type Currencies } from './currencies.js';
import { inputReport, type LoadedRows, loadRows, readWarnings, type SameFields } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface LoadedOffers {
  offers: Offer[];
  input: InputReport;
  warnings: Warning[];
}

/**
 * The offers of an export that were sent by as-of. Rows without a sending day or at a stage
 * before an offer (deals of a deals export that never got one, drafts) and offers sent after
 * as-of are counted out.
 */
export async function loadOffers(
  input: InputOptions,
  vocabulary: Vocabulary,
  asOf: number,
  fields?: SameFields,
  money?: { currency: string | undefined; currencies: Currencies },
): Promise<LoadedOffers> {
  const file = input.source.name;
  const names = clientNamesOf([input]);
  const offers: Offer[] = [];
  let otherCurrency = 0;
  let notSent = 0;
  let preparing = 0;
  let later = 0;
  const loaded = await loadRows(
    input,
    OFFER_NEEDS,
    (map, p) => {
      fields?.check(file, map);
      return new OfferConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, vocabulary }, p);
    },
    (row: OfferRow) => {
      if (row.sent === null) {
        notSent++;
        return;
      }
      if (row.decision === 'preparing') {
        preparing++;
        return;
      }
      if (row.sent > asOf) {
        later++;
        return;
      }
      if (row.currency !== '' && money?.currency !== undefined && row.currency !== money.currency) {
        otherCurrency++;
        return;
      }
      if (money) tallyCurrency(money.currencies, row.currency, file, row.line);
      offers.push({
        // The spelling of this row, until the run's name for the client is known (`readOffers`).
        client: detach(displayName(row.client)),
        clientKey: names.seen(row.client, 'offers'),
        offer: row.number === '' ? null : detach(row.number),
        sent: row.sent,
        expires: row.expires,
        amount: row.amount,
        manager: detach(displayName(row.manager)),
        decision: row.decision,
      });
    },
  );
  return {
    offers,
    warnings: [...readWarnings(file, loaded), ...offerWarnings(file, loaded, { preparing, notSent, later, asOf })],
    input: inputReport(loaded, 'offers', {
      used: offers.length,
      excluded: { notSent, preparing, sentAfterAsOf: later, currency: otherCurrency },
    }),
  };
}

/** What an offers export lacks (a status, expiry or amount column), and the offers counted out, as warnings. */
function offerWarnings(
  file: string,
  loaded: LoadedRows<OfferConverter>,
  out: { preparing: number; notSent: number; later: number; asOf: number },
): Warning[] {
  const columns = loaded.mapping.index;
  const warnings: Warning[] = [];
  if (columns.status === undefined) {
    warnings.push(warning('OFFER_NO_STATUS', { file }));
  } else {
    const unknown = unknownValuesWarning(file, 'offer status', loaded.converter.decisions);
    if (unknown) warnings.push(unknown);
  }
  if (columns.expires === undefined) warnings.push(warning('OFFER_NO_EXPIRY', { file }));
  if (columns.amount === undefined) warnings.push(warning('OFFER_NO_AMOUNT', { file }));
  if (out.preparing > 0) warnings.push(warning('OFFERS_NOT_SENT', { file, count: out.preparing, why: 'preparing' }));
  if (out.notSent > 0) warnings.push(warning('OFFERS_NOT_SENT', { file, count: out.notSent, why: 'undated' }));
  if (out.later > 0)
    warnings.push(warning('OFFERS_AFTER_AS_OF', { file, count: out.later, asOf: formatDay(out.asOf) }));
  return warnings;
}

export interface LoadedContacts {
  log: ContactDays;
  input: InputReport;
  warnings: Warning[];
}

/**
 * Takes the contacts the follow-up rule needs from an activity log as it is read: personal
 * contacts (calls, meetings, visits) with the offers' clients, by anyone, up to as-of. Fed by
 * `loadContacts`, or by the cadence's pass over the same log in `report`, so the log is read once.
 */
export class ContactSink {
  readonly excluded = { notOfferClient: 0, notPersonal: 0, afterAsOf: 0 };
  used = 0;

  constructor(
    readonly log: ContactDays,
    private readonly clients: ReadonlySet<string>,
    private readonly asOf: number,
    /** How the run keys its clients, the offers' among them. */
    private readonly names: ClientNames,
  ) {}

  accept(a: Activity): void {
    if (a.day > this.asOf) {
      this.excluded.afterAsOf++; // planned, not yet a contact
      return;
    }
    this.log.covers(a.day);
    const key = this.names.key(a.client);
    if (!this.clients.has(key)) this.excluded.notOfferClient++;
    else if (!a.personal) this.excluded.notPersonal++;
    else {
      this.used++;
      this.log.add(key, a.day);
    }
  }
}

/** What the follow-up rule must say of a log's columns: without a channel column an e-mail counts as a call. */
export function contactColumnWarning(file: string, hasChannel: boolean): Warning | null {
  if (hasChannel) return null;
  return warning('FOLLOW_UP_ANY_CHANNEL', { file });
}

/** An activity log read for the follow-up rule alone; several logs add to one `log`, and must then map the same `fields`. */
export async function loadContacts(
  input: InputOptions,
  vocabulary: Vocabulary,
  clients: ReadonlySet<string>,
  asOf: number,
  log = new ContactDays(),
  fields?: SameFields,
): Promise<LoadedContacts> {
  const file = input.source.name;
  const sink = new ContactSink(log, clients, asOf, clientNamesOf([input]));
  const loaded = await loadActivities(input, vocabulary, (a) => sink.accept(a), CONTACT_NEEDS, fields);
  const warnings = readWarnings(file, loaded);
  const columns = contactColumnWarning(file, loaded.converter.hasChannel);
  if (columns) warnings.push(columns);
  else {
    const unknown = unknownValuesWarning(file, 'channel', loaded.converter.channels);
    if (unknown) warnings.push(unknown);
  }
  return { log, warnings, input: inputReport(loaded, 'activities', { used: sink.used, excluded: sink.excluded }) };
}
