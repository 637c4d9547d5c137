import type { Role } from '../codes/inputs.js';
import type { Warning, WarningFields } from '../codes/warnings.js';
import type { FolioError } from '../folio-error.js';
import type { ColumnReading } from '../normalize/column-readers.js';
import type { HeaderlessRead } from '../normalize/headerless.js';
import type { Problem } from '../normalize/problems.js';
import type { StatusCount } from './build.js';

/** What `folio inspect` found out about one file: its JSON result (src/load/inspect.ts reads it). */
export interface InspectResult {
  file: string;
  /** What the file is, told by its bytes: csv, xlsx, html (a table saved as .xls) or parquet. */
  kind: string;
  /** The worksheet read and every worksheet of a workbook (null and [] for the other kinds). */
  sheet: string | null;
  sheets: string[];
  /** What the file was read as: given with --as, or told by its columns. */
  role: Role;
  encoding: string;
  encodingReason: string;
  delimiter: string;
  /** The file began with Excel's `sep=` line. */
  sepLine: boolean;
  header: boolean;
  /** 1-based line of the header row taken (0 without one); lines above it are not data. */
  headerLine: number;
  /** CSV only: how quotes inside quoted fields are escaped (`double`, or `backslash` in a database dump), and whether that was told from the text; null for the other kinds. */
  escape: { style: string; detected: boolean } | null;
  /** NUL bytes dropped from a CSV file's text, and the line of the first. */
  nulBytes: { count: number; line: number };
  /** A file without a header row whose columns were told by their content: the roles told, those left ambiguous; null otherwise. */
  headerless: HeaderlessRead | null;
  /** First line of the header: below `headerLine` when a header over two lines was read as one. */
  headerFrom: number;
  /** The period the title block above the header prints, and its line; null without one. */
  titlePeriod: { from: string; to: string; line: number } | null;
  /** Group rows left out as the exact sums of the rows under them (report-shaped workbooks). */
  subtotals: { rows: number; lines: number[] };
  rows: number;
  /** Records below the header that are empty or hold only delimiters. */
  blank: number;
  /** Fields the kind of export needs that no column gives, with the `--map` that would give them. */
  missing: { field: string; description: string; closest: string | null; map: string }[];
  columns: { position: number; header: string; field: string | null }[];
  choices: WarningFields['COLUMN_CHOICE'][];
  /** Lines passed over above the header, column choices, fallback columns and rounded amounts, as every command warns of them. */
  warnings: Warning[];
  /** Totals and subtotals rows (never a client) and the lines of the first of them. */
  totals: { rows: number; lines: number[] };
  /** The number and date convention of each amount and date column. */
  conventions: Record<string, string>;
  /**
   * Deals and leads with a status (or won) column: each status value, what it counts as and
   * its rows among the rows read; null for other files.
   */
  statuses: StatusCount[] | null;
  /** The first rows as folio reads them (a lost or open deal is not read past its status). */
  sample: Record<string, string>[];
  problems: string[];
  problemCount: number;
}

/** What `inspect` words in the user's language beside the result (JSON keeps the result's English). */
export interface InspectDetails {
  readings: Record<string, ColumnReading>;
  problems: Problem[];
  /** An ambiguous column that stopped the reading. */
  ambiguity: FolioError | null;
}
