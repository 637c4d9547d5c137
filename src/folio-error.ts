import type { CellSays, ErrorCode, ErrorId, ErrorSays } from './codes/error-fields.js';

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

/** Where and how an error stops a run, besides what it says. */
interface ErrorPlace extends Partial<Location> {
  value?: string;
  exitCode?: ExitCode;
  /** How many further problems were not listed. */
  moreCount?: number;
}

/**
 * What a FolioError is made of: its code and place, and what it says as data — an id of the
 * error catalog with its fields (`says`), or the bad cells it lists (`cells`, the first being
 * the error itself). Never words: the command layer says it in the language asked for,
 * English included, from the catalog (src/present/messages/error-words.ts).
 */
export type FolioErrorInit = ErrorPlace & { code: ErrorCode } & (
    { says: ErrorSays; cells?: undefined } | { says?: undefined; cells: [LocatedCell, ...LocatedCell[]] }
  );

/** A bad cell or row, located, and what is wrong with it as id and fields. */
export interface LocatedCell extends Location {
  value?: string;
  says: CellSays;
}

/**
 * The one error type folio throws on purpose. Everything else reaching the top is a bug
 * and is reported as such (exit 70). Its `message` is the id of what it says, for a stack
 * trace; the words are the catalog's.
 */
export class FolioError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly header: string | undefined;
  readonly sheet: string | undefined;
  readonly value: string | undefined;
  readonly moreCount: number;
  readonly says: ErrorSays | undefined;
  readonly cells: LocatedCell[];

  constructor(init: FolioErrorInit) {
    super(init.says?.id ?? init.cells?.[0].says.text.id);
    this.name = 'FolioError';
    this.code = init.code;
    this.exitCode = init.exitCode ?? EXIT.input;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.header = init.header;
    this.sheet = init.sheet;
    this.value = init.value;
    this.moreCount = init.moreCount ?? 0;
    this.says = init.says;
    this.cells = init.cells ?? [];
  }

  /** What it was made of, to make it again with a change. */
  get init(): FolioErrorInit {
    const place: ErrorPlace & { code: ErrorCode } = {
      code: this.code,
      exitCode: this.exitCode,
      file: this.file,
      line: this.line,
      column: this.column,
      header: this.header,
      sheet: this.sheet,
      value: this.value,
      moreCount: this.moreCount,
    };
    const [first, ...rest] = this.cells;
    if (first !== undefined) return { ...place, cells: [first, ...rest] };
    return { ...place, says: this.says as ErrorSays };
  }
}

/** Whether `error` is a FolioError that says one of these (for a caller that takes such an error as an answer). */
export function isFolioError(error: unknown, ...ids: ErrorId[]): error is FolioError {
  return error instanceof FolioError && error.says !== undefined && ids.includes(error.says.id);
}

/** The same error placed in a worksheet (errors raised below the reader know only the file). */
export function inSheet(error: unknown, file: string, sheet: string | undefined): unknown {
  if (sheet === undefined || !(error instanceof FolioError) || error.file !== file || error.sheet !== undefined)
    return error;
  return new FolioError({ ...error.init, sheet });
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
