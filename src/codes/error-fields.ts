import type { RuleGap } from './findings.js';
import type { LookedFor, UnusedFile } from './inputs.js';

/**
 * The messages of folio's errors, each with the fields it is made of (data, never words), so
 * that the layer raising an error keeps its English `message` (what JSON and English output
 * say, unchanged) while the command layer words it in the language asked for through the
 * catalog in src/present/messages/error-words.ts. An id names one message, not an exit code: one
 * `FolioError.code` (`USAGE`, `MISSING_COLUMN`) has several messages.
 */
export interface ErrorFields {
  // Files and their bytes.
  NO_SUCH_FILE: Record<string, never>;
  CANNOT_OPEN_FILE: { reason: string };
  IS_DIRECTORY: Record<string, never>;
  NOT_A_FOLDER: Record<string, never>;
  EMPTY_FILE: Record<string, never>;
  NO_ROWS_AT_ALL: Record<string, never>;
  NO_DATA_ROWS: Record<string, never>;
  UNKNOWN_ENCODING: Record<string, never>;
  BINARY_FILE: Record<string, never>;
  INVALID_UTF8: { byte: number };
  BAD_ENCODING_NAME: { name: string; known: string[] };
  CANNOT_WRITE: { reason: string };
  UNTERMINATED_QUOTE_LIMIT: { limit: string };
  RECORD_TOO_LONG: { limit: string };
  UNTERMINATED_QUOTE: Record<string, never>;
  /** `backslash`: the closing quote follows a backslash (a dump written with `\"`). */
  TEXT_AFTER_QUOTE: { backslash: boolean };
  HTML_ROW_TOO_LONG: { limit: number };
  SHEET_ROW_TOO_LONG: { limit: number };
  BAD_PARQUET: { reason: string };
  LEGACY_XLS: Record<string, never>;
  ENCRYPTED_XLS: Record<string, never>;
  XLS_UNKNOWN_CODE_PAGE: Record<string, never>;
  SHEET_NOT_WORKBOOK: { sheet: string; kind: string };
  /** `what`: what is over the limit (English, as the reader says it); `flag`: the flag raising it. */
  WORKBOOK_TOO_LARGE: { what: string; flag: string };
  DAMAGED_WORKBOOK: { reason: string };
  /** `reason`: what is wrong and at which byte (English, as the reader says it). */
  DAMAGED_XLS: { reason: string };
  NO_SUCH_SHEET: { wanted: string; sheets: string[] };
  /** `why`: what the archive lacks (English, as the reader says it). */
  NOT_A_WORKBOOK: { why: string };
  NOT_AN_XLS: { why: string };
  // Columns and header rows.
  /** `columns`: the headers found, or null when the file was read without a header row; `closest`: a header that nearly matches. */
  MISSING_COLUMN: {
    fields: { field: string; description: string }[];
    columns: string[] | null;
    closest: string | null;
    first: string;
  };
  /** `given`: false when the period is the command's default, not the user's. */
  NO_DATE_FOR_PERIOD: { columns: string[]; given?: boolean };
  /** No date column, and the period the title prints (`from`, `to`) straddles the period asked for. */
  TITLE_PERIOD_STRADDLES: { from: string; to: string };
  NO_KEY_COLUMN: Record<string, never>;
  /**
   * No row among the first `tried` fits: the closest row's own error (`closest`), and the rows
   * tried with what each lacks; `headerless`: no row looks like a header; `redacted`: under
   * --redact, the rows are not quoted (`excerpt` null) nor the columns found.
   */
  NO_HEADER_ROW: {
    tried: number;
    line: number;
    headerless: boolean;
    redacted: boolean;
    closest: ErrorSays;
    rows: { file: string; line: number; excerpt: string | null; lacks: string[] }[];
  };
  /** The first row is the header and lacks a column (`missing`, its MISSING_COLUMN); `headerless`, `redacted` as for NO_HEADER_ROW. */
  HEADER_LACKS_COLUMN: { missing: ErrorSays; headerless: boolean; redacted: boolean };
  /** `line`: the line --header-row named. */
  BAD_HEADER_ROW: { line: number };
  /**
   * A table without header whose columns' content leaves fields `ambiguous` (1-based columns) or
   * `missing`; `detected`: folio found there is no header row (else `--no-header` said so);
   * `pins`: the flags that pin the columns.
   */
  HEADERLESS_ROLES: {
    detected: boolean;
    ambiguous: { field: string; columns: number[] }[];
    missing: string[];
    pins: string;
  };
  UNKNOWN_FIELD: { field: string; cased: string | null; target: string; fields: string[] };
  DUPLICATE_HEADER: { a: number; b: number; field: string };
  MAP_COLUMN_OUT_OF_RANGE: { target: string; count: number };
  MAP_COLUMN_NOT_FOUND: { target: string; columns: string[] | null; closest: string | null };
  INPUTS_DIFFER: { says: string; role: string };
  /** What was looked for per role, and the files seen and not taken. */
  NO_INPUT: { roles: string[]; looked: LookedFor[]; unused: UnusedFile[] };
  // Values a whole column or the input decides.
  /** `capped`: the rows waiting ran out of room at line `upTo` (`held` of them); null at the end of the input. */
  AMBIGUOUS_NUMBER: { capped: { upTo: number; held: number } | null };
  AMBIGUOUS_DATE: { capped: { upTo: number; held: number } | null };
  SCORE_WITHOUT_THRESHOLD: { field: string };
  MIXED_CURRENCY: { currencies: { currency: string; rows: number }[] };
  // What a command could not do.
  NO_REVENUE_TOTAL: Record<string, never>;
  NON_POSITIVE_TOTAL: { total: number };
  /** `dynamics`: the window of full months before as-of holds no won deal (`none`) or no positive client. */
  NO_WINDOW_REVENUE: {
    from: string;
    to: string;
    why: 'none' | 'non-positive';
    /** The first and last day of the won deals read, all outside the window (ISO), and the --as-of just after the last. */
    covers?: { from: string; to: string } | null;
    asOf?: string | null;
  };
  /** `--abc 80,95`, `--xyz 10,25`: two rising percentages. */
  BAD_BOUNDS: { flag: string; text: string; why: string };
  /**
   * `covers`: the first and last day of the won, dated rows whatever the period (ISO), when the
   * period left them all out; `asOf`: the --as-of to propose (the day after the last), where the
   * command's default period ends at as-of.
   * `unknown`: the status values no list knows, most rows first (a bare «Закрыт» among them): the likely fix.
   */
  NO_REVENUE: {
    /** The period asked for (ISO days, `…` for an open end), or null without one. */
    where: { from: string; to: string } | null;
    rows: number;
    /** How many files were read as one table. */
    files: number;
    /** Rows left out, by the reason they were (the inputs' `excluded` keys). */
    why: { reason: string; rows: number }[];
    skipped: number;
    period: boolean;
    covers?: { from: string; to: string } | null;
    asOf?: string | null;
    unknown: { value: string; rows: number }[];
  };
  KEY_CLIENTS_UNKNOWN: Record<string, never>;
  /** `funnel`: the log has no calls or no face-to-face contacts (`missing`); `seen`: its commonest channels. */
  FUNNEL_NO_CONTACTS: { missing: ('phone' | 'meeting')[]; seen: { value: string; rows: number }[]; more: number };
  /** Each rule that would check nothing, and the folder's files not used. */
  RULE_WITHOUT_INPUT: { gaps: RuleGap[]; unused: UnusedFile[] };
  // Flags and settings.
  UNKNOWN_FORMAT: { text: string; formats: string[] };
  FORMAT_CONFLICT: { given: string; output: string; named: string; json: boolean; flag: string; extension: string };
  GITHUB_FOR_CHECK: Record<string, never>;
  WORKBOOK_TO_TERMINAL: Record<string, never>;
  SHEET_TOO_LONG: { section: string; rows: number; limit: number };
  NOTHING_PIPED: { command: string };
  LAST_WITH_PERIOD: Record<string, never>;
  PERIOD_WITH_RANGE: Record<string, never>;
  FROM_AFTER_TO: { from: string; to: string };
  NOT_A_PERIOD: { text: string };
  NOT_A_DATE: { flag: string; text: string };
  PERIOD_AFTER_AS_OF: { from: string; asOf: string };
  FLAG_VALUE: { flag: string; text: string; what: string };
  /** `why`: what is wrong, when "is not WHAT" would not say it (English, as the settings say it). */
  ENV_VALUE: { env: string; text: string; what: string; why?: string };
  /** `--redact-key-file FILE`: the file cannot be read (`reason`: the system's code), or holds no key. */
  REDACT_KEY_UNREADABLE: { reason: string };
  REDACT_KEY_EMPTY: Record<string, never>;
  REDACT_KEY_WITHOUT_REDACT: Record<string, never>;
  ENV_UNKNOWN_RULE: { env: string; rule: string; rules: string[] };
  FLAG_NOT_SIZE: { flag: string; text: string };
  FLAG_NOT_COUNT: { flag: string; text: string };
  /** `rule`: what a percentage must be (English, as the settings say it). */
  FLAG_NOT_PERCENT: { flag: string; text: string; rule: string };
  FLAG_NOT_NUMBER: { flag: string; text: string };
  FLAG_NOT_AMOUNT: { flag: string; text: string };
  FLAG_NOT_FACTOR: { flag: string; text: string };
  DYNAMICS_PERIOD: Record<string, never>;
  /** `why`, `rule`: what is wrong and what bands must be (English, as the settings say it). */
  BAD_BANDS: { text: string; why: string; rule: string };
  THRESHOLDS_MUST_RISE: { key: number; critical: number; golden: number };
  FILE_NAMED_TWICE: { file: string };
  STDIN_TWICE: Record<string, never>;
  MAP_NOT_PAIR: { entry: string };
  HEADER_ROW_AND_NO_HEADER: Record<string, never>;
  BAD_DELIMITER: { text: string };
  BAD_ESCAPE: { text: string; escapes: string[] };
  BAD_DECIMAL: { text: string };
  BAD_DATE_FORMAT: { text: string };
  FLAG_UNKNOWN_RULE: { rule: string; rules: string[] };
  KEY_PERIOD_WITHOUT_DEALS: Record<string, never>;
  /** `funnel --stages`: fewer than two stages named. */
  FUNNEL_FEW_STAGES: { count: number };
  /** `funnel`: a flag of the other kind of funnel (`--history` without `--stages`, `--deals` with it). */
  FUNNEL_FLAG_MODE: { flag: string; stages: boolean };
  NO_REPORT_INPUTS: Record<string, never>;
  /** `flags`: the reading flags given, which apply to the deals file only. */
  READING_FLAGS_WITHOUT_DEALS: { flags: string[] };
  OPEN_RANGE: Record<string, never>;
  TWO_KEY_CHOICES: Record<string, never>;
  KEY_PERIOD_WITH_CHOICE: Record<string, never>;
  NO_SUCH_SCHEMA: { name: string; names: string[] };
  /** `--holidays ru,bg`: a calendar is one country's. */
  HOLIDAYS_TWO_COUNTRIES: { countries: string[] };
  /** A `--holidays` value that is neither a country nor a readable file (`reason` in English, as the reader says it). */
  HOLIDAYS_NOT_A_FILE: { reason: string };
  /** A line of a holidays file: not a date, a word other than working/off after it, or a day both off and working. */
  HOLIDAY_LINE: { why: 'date' | 'mark' | 'twice' };
  CONFIG_UNREADABLE: Record<string, never>;
  CONFIG_NOT_JSON: { reason: string };
  CONFIG_INVALID: { key: string; unknown: boolean; value: string; reason: string };
}

/**
 * What kind of error stops a run: one code has several messages (`USAGE`, `MISSING_COLUMN`),
 * and a bad cell's code says what kind of value it is (`BAD_NUMBER`, `BAD_DATE`).
 */
export const ERROR_CODES = [
  'AMBIGUOUS_DATE',
  'AMBIGUOUS_NUMBER',
  'BAD_DATE',
  'BAD_ENCODING_NAME',
  'BAD_MAP',
  'BAD_NUMBER',
  'BAD_PARQUET',
  'BAD_VALUE',
  'BINARY_FILE',
  'CANNOT_OPEN',
  'CANNOT_WRITE',
  'CONFIG',
  'CONFLICTING_DUPLICATE',
  'DAMAGED_WORKBOOK',
  'DUPLICATE_HEADER',
  'EMPTY_FILE',
  'EXTRA_FIELDS',
  'ENCRYPTED_WORKBOOK',
  'FORMAT_CONFLICT',
  'FUNNEL_CHANNELS',
  'HEADERLESS_ROLES',
  'HOLIDAYS',
  'INPUTS_DIFFER',
  'INVALID_UTF8',
  'IS_DIRECTORY',
  'LEGACY_XLS',
  'MISSING_COLUMN',
  'MIXED_CURRENCY',
  'NON_POSITIVE_TOTAL',
  'NOT_A_WORKBOOK',
  'NO_HEADER_ROW',
  'NO_INPUT',
  'NO_REVENUE',
  'NO_ROWS',
  'NO_SUCH_SHEET',
  'RECORD_TOO_LONG',
  'RULE_WITHOUT_INPUT',
  'SCORE_WITHOUT_THRESHOLD',
  'SHORT_ROW',
  'TEXT_AFTER_QUOTE',
  'UNKNOWN_ENCODING',
  'UNKNOWN_FIELD',
  'UNTERMINATED_QUOTE',
  'USAGE',
  'WORKBOOK_TOO_LARGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorId = keyof ErrorFields;

/** One error message: its id and the fields of that id. */
export type ErrorSays = { [I in ErrorId]: { id: I; fields: ErrorFields[I] } }[ErrorId];

export function says<I extends ErrorId>(id: I, fields: ErrorFields[I]): ErrorSays {
  // An id and its own fields: TypeScript cannot tie the two together through the generic.
  return { id, fields } as ErrorSays;
}

/** What is wrong with one cell or row (the reader's `problem`), with its fields. */
export interface CellFields {
  TWO_SIGNS: Record<string, never>;
  NO_DIGITS: Record<string, never>;
  NOT_A_NUMBER: Record<string, never>;
  /** `column`: the decimal mark the column uses. */
  WRONG_DECIMAL_MARK: { column: ',' | '.' };
  MISPLACED_SEPARATOR: Record<string, never>;
  DIGIT_GROUPS: Record<string, never>;
  TOO_LARGE: Record<string, never>;
  TOO_PRECISE: { decimals: number; digits: number };
  /** `column`: the order the column uses. */
  WRONG_DAY_ORDER: { column: 'dmy' | 'mdy' };
  /** `13/25/2026`: the two parts before the year, neither a month. */
  NO_DATE_EITHER_ORDER: { first: number; second: number };
  UNREADABLE_DATE: Record<string, never>;
  NO_MONTH: { month: number };
  NO_DAY: { day: number; year: number; month: number };
  NO_CLIENT: Record<string, never>;
  NO_CLIENT_NAME: Record<string, never>;
  NO_DATE: Record<string, never>;
  NO_VALUE: { field: string };
  NO_PRODUCT_NO_AMOUNT: Record<string, never>;
  NO_PRODUCT: Record<string, never>;
  NEGATIVE_LEAD: Record<string, never>;
  NEGATIVE_OFFER: Record<string, never>;
  NOT_WHOLE_DAYS: Record<string, never>;
  EXPIRES_BEFORE_SENT: Record<string, never>;
  /** `line`/`of`: where the deal was first (`of`: another file, or null for this one); `products`: the deal has no product rows. */
  CONFLICTING_AMOUNT: { id: string; line: number; of: string | null; noProducts: boolean };
  SHORT_ROW: { fields: number; width: number };
  EXTRA_FIELDS: { fields: number; width: number };
}

/** How a cell problem is fixed. */
export type CellHint =
  | 'amount-format'
  | 'date-format'
  | 'fix-amount'
  | 'fill-contact-client'
  | 'fill-contact-date'
  | 'fill-client'
  | 'fill-offer-client'
  | 'product-row'
  | 'map-deal-amount'
  | 'whole-days'
  | 'offer-dates'
  | 'keep-one'
  | 'short-row'
  | 'extra-fields'
  | 'extra-cells';

export type CellId = keyof CellFields;

/** What a cell problem says: its id and fields. */
export type CellText = { [I in CellId]: { id: I; fields: CellFields[I] } }[CellId];

/** One cell problem: what it says and the hint that fixes it. */
export interface CellSays {
  text: CellText;
  hint: CellHint;
}

export function cell<I extends CellId>(id: I, fields: CellFields[I]): CellText {
  return { id, fields } as CellText;
}
