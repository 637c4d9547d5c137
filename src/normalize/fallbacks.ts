import { CLIENT_ID_ALIASES, CREATED_ALIASES, EXPECTED_CLOSE_ALIASES } from './aliases.js';
import type { Fallback } from './columns.js';

/**
 * Columns that stand in for a missing one, and the warning each use gives: the figures
 * they lead to are right only under an assumption the user must see.
 */

/** A customer, account or client ID (or tax number) when the file has no client name. */
export const CLIENT_BY_ID: Fallback = {
  aliases: CLIENT_ID_ALIASES,
  code: 'CLIENT_BY_ID',
  says: (header) =>
    `clients are told apart by "${header}", an ID: the file has no client name column, so each client is shown by its ID; map a name column with --map client=HEADER`,
};

/** A deal dated when it was expected to close, or when it was created. */
export const DEAL_DATE_FALLBACKS: readonly Fallback[] = [
  {
    aliases: EXPECTED_CLOSE_ALIASES,
    code: 'DATE_FALLBACK',
    says: (header) =>
      `won revenue is dated by "${header}", the date the deal was expected to close, not the date it was won or paid; map another with --map date=HEADER`,
  },
  {
    aliases: CREATED_ALIASES,
    code: 'DATE_FALLBACK',
    says: (header) =>
      `won revenue is dated by "${header}", the date the deal was created, not the date it was won or paid: a period holds the deals opened in it; map another with --map date=HEADER`,
  },
];

/** A contact dated when its record was created. */
export const ACTIVITY_DATE_FALLBACKS: readonly Fallback[] = [
  {
    aliases: CREATED_ALIASES,
    code: 'DATE_FALLBACK',
    says: (header) =>
      `contacts are dated by "${header}", the date the record was created, which can differ from the day of the contact; map another with --map date=HEADER`,
  },
];

/** An offer dated by its document or creation date when the file names no sending date. */
export const OFFER_SENT_FALLBACKS: readonly Fallback[] = [
  {
    aliases: ['date', 'document date', 'дата', 'дата документа', ...CREATED_ALIASES],
    code: 'DATE_FALLBACK',
    says: (header) =>
      `offers are taken as sent on "${header}", the date of the document, which can be earlier than the day it reached the client; map another with --map sent=HEADER`,
  },
];
