import type { CellSays, ErrorSays } from './codes/error-fields.js';

/** Exit codes shared by every command (see docs/exit-codes.md). */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  input: 2,
  internal: 70,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where in an input a problem sits. Line and column are 1-based; column is a field number. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** Header of the column, when known, so the message reads `Amount` rather than `5`. */
  header?: string;
  /** The worksheet, for a workbook: then `line` is its row number and the column is told by letter. */
  sheet?: string;
}

export interface FolioErrorInit extends Partial<Location> {
  code: string;
  message: string;
  hint?: string;
  value?: string;
  exitCode?: ExitCode;
  /** Further problems of the same kind, already formatted, listed under the first. */
  more?: string[];
  /** How many further problems were not listed. */
  moreCount?: number;
  /** The message as id and fields, for the languages other than English (src/codes/error-fields.ts). */
  says?: ErrorSays;
  /** For an error made of bad cells: each listed one with what it says, the first being the error itself. */
  cells?: LocatedCell[];
}

/** A bad cell or row, located, and what is wrong with it as id and fields. */
export interface LocatedCell extends Location {
  value?: string;
  says: CellSays;
}

/**
 * The one error type folio throws on purpose. Everything else reaching the top is a bug
 * and is reported as such (exit 70).
 */
export class FolioError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly header: string | undefined;
  readonly sheet: string | undefined;
  readonly value: string | undefined;
  readonly hint: string | undefined;
  readonly more: string[];
  readonly moreCount: number;
  readonly says: ErrorSays | undefined;
  readonly cells: LocatedCell[];

  constructor(init: FolioErrorInit) {
    super(init.message);
    this.name = 'FolioError';
    this.code = init.code;
    this.exitCode = init.exitCode ?? EXIT.input;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.header = init.header;
    this.sheet = init.sheet;
    this.value = init.value;
    this.hint = init.hint;
    this.more = init.more ?? [];
    this.moreCount = init.moreCount ?? 0;
    this.says = init.says;
    this.cells = init.cells ?? [];
  }
}

/** The same error placed in a worksheet (errors raised below the reader know only the file). */
export function inSheet(error: unknown, file: string, sheet: string | undefined): unknown {
  if (sheet === undefined || !(error instanceof FolioError) || error.file !== file || error.sheet !== undefined)
    return error;
  const init: FolioErrorInit = { ...error, message: error.message, sheet };
  return new FolioError(init);
}

/** 1-based column number as Excel names it: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** How a place in a worksheet is named, in the language the problem is said in. */
export interface SheetWords {
  row: string;
  column: string;
}
const SHEET_EN: SheetWords = { row: 'row', column: 'column' };

/** `file:line:column` as far as it is known; in a workbook `file [Sheet] row N, column C`. */
export function formatLocation(loc: Partial<Location>, words: SheetWords = SHEET_EN): string {
  if (loc.sheet !== undefined) {
    let at = `${loc.file ?? ''} [${loc.sheet}]`;
    if (loc.line !== undefined) at += ` ${words.row} ${loc.line}`;
    if (loc.line !== undefined && loc.column !== undefined) at += `, ${words.column} ${columnLetters(loc.column)}`;
    return at;
  }
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
  return out;
}

/** One line per problem: `deals.csv:14:3: Amount "12,x": not a number`. */
export function describeProblem(
  p: {
    file?: string;
    line?: number;
    column?: number;
    header?: string;
    sheet?: string;
    value?: string;
    message: string;
  },
  words: SheetWords = SHEET_EN,
): string {
  const where = formatLocation(p, words);
  let subject = '';
  if (p.header !== undefined && p.value !== undefined) subject = `${p.header} ${JSON.stringify(p.value)}: `;
  else if (p.header !== undefined) subject = `${p.header}: `;
  else if (p.value !== undefined) subject = `${JSON.stringify(p.value)}: `;
  return `${where ? `${where}: ` : ''}${subject}${p.message}`;
}
