import type { RuleGap } from './findings.js';

/**
 * The warnings folio gives, each with the fields its message is made of: data (counts,
 * lines, headers, names), never words, so that every layer can raise one and only the
 * present layer chooses how it reads, in each language (src/present/messages/warnings.ts).
 * `file` is absent where the warning is shown under its file already (`folio inspect`).
 */
export interface WarningFields {
  HEADER_ROW: { file?: string; line: number; preamble: number };
  HEADER_GUESSED: { file: string; candidates: number; line: number };
  /** `over`: the headers passed over; or two columns of one name (`columns`), the first taken. */
  COLUMN_CHOICE:
    | { file?: string; field: string; took: string; over: string[] }
    | { file?: string; field: string; header: string; columns: [number, number] };
  /** `kind` tells which column stands in: an expected close, a creation date, a document date. */
  DATE_FALLBACK: {
    file?: string;
    header: string;
    kind: 'expected-close' | 'created' | 'activity-created' | 'offer-document';
  };
  CLIENT_BY_ID: { file?: string; header: string };
  FLOAT_AMOUNTS: { file?: string; count: number; header: string; decimals: number; line: number };
  /** `notes`: totals rows whose amount differs from the won rows above them (`since`: the previous totals row). */
  TOTALS_ROWS: {
    file: string;
    count: number;
    lines: number[];
    compared: number;
    agreeing: number;
    notes: { line: number; stated: string; since: number | null; counted: string; apart: string }[];
  };
  SKIPPED_ROWS: { file: string; count: number; first: string };
  /** `column`: which column's values (`offer status` is an offers file's status). */
  UNKNOWN_STATUS: UnknownValues & { column: 'status' | 'offer status' };
  UNKNOWN_OUTCOME: UnknownValues;
  UNKNOWN_CHANNEL: UnknownValues;
  /** `across`: how many of them repeat lines of an earlier file of the same input. */
  FOLDED_LINES: { file: string; count: number; across: number };
  DEAL_AMOUNT_ONCE: { file: string; count: number; across: number };
  PRODUCT_ROW_AMOUNTS: {
    file: string;
    count: number;
    disagree: number;
    price: string;
    quantity: string;
    amount: string;
  };
  /** `across`: IDs an earlier file holds on other lines (overlapping exports with other columns or number formats). */
  REPEATED_IDS: { file: string; count: number; across: number };
  UNDATED_ROWS: { file: string; count: number };
  /** Formula cells of a workbook saved without calculating: read as empty. */
  FORMULAS_NOT_CACHED: { file: string; count: number };
  DUPLICATE_CLIENTS: { file: string; count: number };
  /**
   * Spellings of one client counted as one (case, quotes, spaces, punctuation, the place of
   * the legal form): each client with its spellings and their rows, the clients of most rows
   * first; `count` the clients merged, `clients` the first ten.
   */
  CLIENT_SPELLINGS_MERGED: {
    count: number;
    clients: { client: string; spellings: { spelling: string; rows: number }[] }[];
  };
  /** Names that differ in their legal form only (ООО Ромашка, АО Ромашка, Ромашка), kept apart: `count` the groups, `groups` the first ten. */
  CLIENT_FORMS_DIFFER: { count: number; groups: { client: string; rows: number }[][] };
  /** `--redact` without a key: the pseudonyms are plain hashes of the names; `emptyKey`: FOLIO_REDACT_KEY is set, but empty. */
  REDACT_UNKEYED: { emptyKey: boolean };
  /** `lacking`: the columns the log has not. */
  COOLOFF_SIMPLIFIED: { file: string; lacking: ('manager' | 'channel')[] };
  OFFER_NO_STATUS: { file: string };
  OFFER_NO_EXPIRY: { file: string };
  OFFER_NO_AMOUNT: { file: string };
  /** `why`: a status before the offer (`preparing`), or no sending date (`undated`). */
  OFFERS_NOT_SENT: { file: string; count: number; why: 'preparing' | 'undated' };
  OFFERS_AFTER_AS_OF: { file: string; count: number; asOf: string };
  FOLLOW_UP_ANY_CHANNEL: { file: string };
  FOLLOW_UP_NEEDS_LOG: Record<string, never>;
  /** `logFrom`: the first day of the log, null when it holds nothing up to as-of. */
  FOLLOW_UP_BEFORE_LOG: { count: number; logFrom: string | null };
  OFFERS_WITHOUT_EXPIRY: { count: number };
  MANAGER_OVERLOAD: { manager: string; keyClients: number; limit: number; clients: string[] };
  NON_POSITIVE_CLIENTS: { count: number; shareBase: number; clients: { client: string; revenue: number }[] };
  KEY_CLIENTS_AT_RISK: { clients: string[] };
  /** `dynamics`: one manager carries more than `limit` percent of the window's revenue (`share` a fraction). */
  MANAGER_SHARE: { manager: string; share: number; limit: number; clients: number };
  /** `dynamics`: the deals have no manager column, so no manager figures. */
  NO_MANAGER_COLUMN: { files: string[] };
  /** `dynamics`: clients of the window none of whose deals names a manager (the first few named). */
  CLIENTS_WITHOUT_MANAGER: { count: number; clients: string[] };
  /** `dynamics`: no discount column, so no client is called price-driven. */
  NO_DISCOUNT_COLUMN: { files: string[] };
  /** `dynamics`: clients of the window whose net revenue there is zero or negative: no share, ABC or XYZ. */
  WINDOW_NON_POSITIVE: { count: number; clients: { client: string; revenue: number }[] };
  /** `report`: the dynamics window holds no revenue, so the client-base section is empty. */
  WINDOW_NO_REVENUE: { from: string; to: string };
  KEY_CLIENTS_WITHOUT_ACTIVITY: { file: string; clients: string[] };
  LEAD_OVERLOAD: { manager: string; leads: number; limit: number };
  UNCLASSIFIED_LEADS: { count: number };
  CADENCE_SKIPPED: Record<string, never>;
  /** `gap`: why the rule checked nothing. */
  RULE_SKIPPED: { gap: RuleGap };
  /** `why`: each file's reason (English, as the folder discovery gives it). */
  FILES_NOT_USED: { folder: string | null; files: { file: string; why: string }[] };
  LEADS_LOAD_UNCHECKED: Record<string, never>;
}

/** Values of a column that no list knows, the first few with their rows; `more` the values not shown, `unkept` rows whose spelling was not kept. */
export interface UnknownValues {
  file: string;
  rows: number;
  values: { value: string; rows: number; tied: string[] }[];
  more: number;
  unkept: number;
}

export type WarningCode = keyof WarningFields;

/** One warning: its stable code and the fields of that code. */
export type Warning = { [C in WarningCode]: { code: C; fields: WarningFields[C] } }[WarningCode];

export function warning<C extends WarningCode>(code: C, fields: WarningFields[C]): Warning {
  // A code and its own fields: TypeScript cannot tie the two together through the generic.
  return { code, fields } as Warning;
}
