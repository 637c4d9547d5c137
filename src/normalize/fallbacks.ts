import { CLIENT_ID_ALIASES, CONTACT_ALIASES, CREATED_ALIASES, EXPECTED_CLOSE_ALIASES } from './aliases.js';
import type { Fallback } from './columns.js';

/**
 * Columns that stand in for a missing one, and the kind of warning each use gives: the figures
 * they lead to are right only under an assumption the user must see.
 */

/** A customer, account or client ID (or tax number) when the file has no client name. */
export const CLIENT_BY_ID: Fallback = {
  aliases: CLIENT_ID_ALIASES,
  kind: 'client-id',
};

/** A deal's contact person when the file has no client column (a private buyer named by the contact). */
export const CLIENT_BY_CONTACT: Fallback = {
  aliases: CONTACT_ALIASES,
  kind: 'contact',
};

/** A deal dated when it was expected to close, or when it was created. */
export const DEAL_DATE_FALLBACKS: readonly Fallback[] = [
  {
    aliases: EXPECTED_CLOSE_ALIASES,
    kind: 'expected-close',
  },
  {
    aliases: CREATED_ALIASES,
    kind: 'created',
  },
];

/** A contact dated when its record was created. */
export const ACTIVITY_DATE_FALLBACKS: readonly Fallback[] = [
  {
    aliases: CREATED_ALIASES,
    kind: 'activity-created',
  },
];

/** An offer dated by its document or creation date when the file names no sending date. */
export const OFFER_SENT_FALLBACKS: readonly Fallback[] = [
  {
    aliases: ['date', 'document date', 'дата', 'дата документа', ...CREATED_ALIASES],
    kind: 'offer-document',
  },
];
