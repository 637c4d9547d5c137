import type { LocatedCell } from '../folio-error.js';
import type { RuleGap } from './findings.js';

/**
 * The warnings folio gives, each with the fields its message is made of: data (counts,
 * lines, headers, names), never words, so that every layer can raise one and only the
 * present layer chooses how it reads, in each language (src/present/messages/warnings.ts).
 * `file` is absent where the warning is shown under its file already (`folio inspect`).
 */
export interface WarningFields {
  /** The CSV file was told to escape quotes with backslashes (a database dump), and read so. */
  BACKSLASH_ESCAPES: { file?: string };
  /** NUL bytes dropped from a CSV file's text (`line`: the first). */
  NUL_BYTES: { file?: string; count: number; line: number };
  HEADER_ROW: { file?: string; line: number; preamble: number };
  HEADER_GUESSED: { file: string; candidates: number; line: number };
  /**
   * A file without a header row (`detected`: found so, else `--no-header`), its columns told
   * by their content (`roles`, 1-based); `status`: a status column maps; `pins`: the flags
   * that would pin them.
   */
  HEADERLESS: {
    file?: string;
    detected: boolean;
    line: number;
    roles: { field: string; column: number }[];
    status: boolean;
    pins: string;
  };
  /** A header over two lines read as one (`headers`: the names made of both lines). */
  HEADER_JOINED: { file?: string; from: number; to: number; headers: string[] };
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
  /** No client column: the deal's contact person is the client. */
  CLIENT_BY_CONTACT: { file?: string; header: string };
  /** Won rows whose `client` cell was empty took the `contact` column: `count` of the `won` rows (all of them when equal). */
  CONTACT_AS_CLIENT: { file: string; client: string; contact: string; count: number; won: number };
  /** Path-style headers (`order_line/price_subtotal`) matched by their last part (`read`). */
  PATH_HEADERS: { file?: string; paths: { field: string; header: string; read: string }[] };
  /** Excel serial day numbers in a date column of a text file, read as dates (`first` as written, `day` ISO). */
  SERIAL_DATES: { file?: string; header: string; count: number; line: number; first: string; day: string };
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
  /** Group rows of a report left out as the exact sums of the rows under them; `filled`: cells under them given the group's label. */
  SUBTOTAL_ROWS: {
    file?: string;
    count: number;
    notes: { line: number; label: string; amount: string; rows: number }[];
    filled: number;
  };
  /** Lines below a totals row with no amount (`first`: the first as text): the report's footer, not data. */
  REPORT_FOOTER: { file?: string; count: number; lines: number[]; first: string };
  /** A group too large to hold while its sum is checked: its rows were read as they are. */
  SUBTOTALS_UNCHECKED: { file?: string; line: number };
  /** No date column: the rows are dated by the period the title prints (`line`), each on its last day. */
  TITLE_PERIOD: { file?: string; line: number; from: string; to: string };
  /**
   * `first`: the first bad cell or row, located, with what is wrong with it; in JSON (from
   * which stderr words the warnings too) the line as said in English.
   */
  SKIPPED_ROWS: { file: string; count: number; first: LocatedCell | string };
  /** `column`: which column's values (`offer status` is an offers file's status). */
  UNKNOWN_STATUS: UnknownValues & { column: 'status' | 'offer status' };
  /** Statuses that say only closed («Закрыт», `Closed`): done in some systems, lost in others. */
  CLOSED_STATUS: { file: string; rows: number; values: { value: string; rows: number }[]; more: number };
  /** A deals file with no status column (and no won column): every row was counted as won. */
  NO_STATUS_COLUMN: { file: string; rows: number };
  /** The status was read from a yes/no won column (`IsWon`, «Успешна»), the file having no status words. */
  STATUS_FROM_WON_COLUMN: { file: string; header: string };
  /** A won column beside the status words that disagrees with them on some rows; the status words were taken. */
  WON_COLUMN_DISAGREES: { file: string; status: string; flag: string; statusOnly: number; flagOnly: number };
  /** Won statuses that say the deal was paid or shipped only in part, counted as won. */
  PARTIAL_STATUS: { file: string; rows: number; values: { value: string; rows: number }[]; more: number };
  /** Won statuses taken from a lifecycle (`Customer`) or payment stage (`Payment Done`). */
  STAGE_AS_WON: { file: string; rows: number; values: { value: string; rows: number }[]; more: number };
  /** Rows under a refund status whose amount was positive: taken as negative. */
  REFUNDS_NEGATED: { file: string; count: number };
  UNKNOWN_OUTCOME: UnknownValues;
  UNKNOWN_CHANNEL: UnknownValues;
  /** `funnel`: channels that are neither a call nor a face-to-face contact by any list, nor known to be neither. */
  UNKNOWN_CONTACT_CHANNEL: UnknownValues;
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
  /** Won rows with a blank amount cell, left out (`line`: the first). */
  BLANK_AMOUNTS: { file?: string; count: number; line: number };
  UNDATED_ROWS: { file: string; count: number };
  /**
   * No `--sheet`: the first visible sheets held no header and row of data (a cover, notes),
   * so `sheet` (1-based `position`) was read instead.
   */
  SHEETS_SKIPPED: { file: string; skipped: string[]; sheet: string; position: number };
  /** Formula cells of a workbook saved without calculating: read as empty. */
  FORMULAS_NOT_CACHED: { file: string; count: number };
  /** An .xls whose 8-bit text names no code page (no CODEPAGE record): the code page was guessed from the text. */
  XLS_CODE_PAGE_GUESSED: { file?: string; encoding: string };
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
  /** `logFrom`: the first day of the log, null when it holds nothing up to as-of; `none`: no offer of the window was judged. */
  FOLLOW_UP_BEFORE_LOG: { count: number; logFrom: string | null; none: boolean };
  /** The follow-up counted business days as Monday to Friday: no `--holidays` calendar. */
  HOLIDAYS_NOT_KNOWN: Record<string, never>;
  /** The follow-up counted business days in `years` that no holidays file covers (`country`'s list by law, if any, applied). */
  HOLIDAYS_NOT_COVERED: { country: 'ru' | 'bg' | null; files: string[]; years: number[] };
  OFFERS_WITHOUT_EXPIRY: { count: number };
  /** `funnel`: clients or deals with no manager, in the team's counts only; `noColumn`: the files map no manager column. */
  FUNNEL_UNASSIGNED: { count: number; files: string[]; noColumn: boolean; unit: 'clients' | 'deals' };
  /** `funnel`: no call in the window, so no client entered the funnel. */
  FUNNEL_NO_CALLS: { from: string; to: string };
  /** `funnel` without `--deals`: the won step is not counted. */
  FUNNEL_NO_DEALS: Record<string, never>;
  /** `funnel --stages`: lost deals with neither a lost-at stage nor a stage log, counted at the first step only. */
  FUNNEL_LOST_AT_FIRST: { file: string; count: number };
  /** `funnel --stages`: deals at a stage that is not a step (nor won or lost), counted at the first step only. */
  FUNNEL_UNKNOWN_STAGES: UnknownValues;
  /** `funnel --history`: rows of a stage log whose stage is not a step: passed over. */
  FUNNEL_LOG_OTHER_STAGES: UnknownValues;
  /** `funnel --history`: deals of the stage logs that no deals file holds: left out. */
  FUNNEL_LOG_UNMATCHED: { file: string; count: number };
  /** `report`: activities and deals are there, but the log cannot give the funnel (`seen`: its commonest channels). */
  FUNNEL_SKIPPED: {
    why: 'no-channel-column' | 'no-calls-or-meetings';
    files: string[];
    missing: ('phone' | 'meeting')[];
  };
  MANAGER_OVERLOAD: { manager: string; keyClients: number; limit: number; clients: string[] };
  NON_POSITIVE_CLIENTS: { count: number; shareBase: number; clients: { client: string; revenue: number }[] };
  KEY_CLIENTS_AT_RISK: { clients: string[] };
  /** `dynamics`: one manager carries more than `limit` of the window's revenue (both fractions). */
  MANAGER_SHARE: { manager: string; share: number; limit: number; clients: number };
  /** Clients that several managers sold to in the window: each counted whole under the manager who brought most. */
  CLIENTS_SHARED_BY_MANAGERS: { count: number; revenue: number; share: number };
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
  /**
   * The activity log begins too late for every day of the window to be judged: `logFrom` its
   * first day up to as-of (null: none), `unchecked` the days of the window before it.
   */
  CADENCE_BEFORE_LOG: {
    file: string;
    logFrom: string | null;
    asOf: string;
    window: { from: string; to: string };
    unchecked: number | null;
    maxGap: number;
  };
  LEAD_OVERLOAD: { manager: string; leads: number; limit: number };
  UNCLASSIFIED_LEADS: { count: number };
  /** Every expected close of the open leads is more than a year before as-of: `earliest` and `latest` of them (ISO). */
  LEADS_LOOK_OLD: { count: number; earliest: string; latest: string; asOf: string };
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
