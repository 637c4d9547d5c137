import { type ErrorSays, says } from '../codes/error-fields.js';
import { FolioError, inSheet } from '../folio-error.js';
import type { RecordHandler } from '../io/csv-scanner.js';
import { HEADER_SEARCH_ROWS, readTable, type TableFormat } from '../io/read-table.js';
import {
  fitColumns,
  missingError,
  type ColumnMapping,
  type FieldNeeds,
  type FieldSpec,
  type HeaderFit,
} from '../normalize/columns.js';
import type { CellKinds, MergedRange } from '../io/cells.js';
import { looksLikeHeader, namedCells } from '../normalize/cell-kind.js';
import { DEAL_FIELDS } from '../normalize/deals.js';
import { firstRowIsData, INFER_ROWS, inferRoles, type HeaderlessRead } from '../normalize/headerless.js';
import { currencyCode } from '../normalize/numbers.js';
import { phraseWords } from '../normalize/phrase-classifier.js';
import { NO_USER_VOCABULARY, statusClassifier } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import { type Warning, warning } from '../codes/warnings.js';
import { NAME_FIELDS, type NameSink } from './name-sink.js';

import type { Period } from '../normalize/period.js';
import { SubtotalRows, type SubtotalNote } from '../normalize/subtotals.js';
import { titlePeriod } from '../normalize/title-period.js';

/**
 * What a report-shaped file holds around its table: a title block above the header (and the
 * period it prints), a header over two lines, subtotal rows among the data.
 */
export interface ReportShape {
  /** First line of the header: the line above `headerLine` when two lines were joined into one header. */
  headerFrom: number;
  /** The lines above the header as text, each its cells joined (at most 30). */
  title: string[];
  /** The period the title prints (`с 01.10.24 по 30.11.24`), or null. */
  titlePeriod: Period | null;
  /** Line of the title that names the period, 0 without one. */
  titlePeriodLine: number;
  /** Group rows dropped because the rows under them add up to their amount. */
  subtotals: { count: number; notes: SubtotalNote[]; filled: number; uncheckedAt: number };
  /** Lines below the totals row that hold no amount: the report's footer, not data rows (the first few, and their count). */
  footer: { count: number; lines: number[]; first: string };
}

export interface MappedTable {
  format: TableFormat;
  mapping: ColumnMapping;
  /** Data records below the header. */
  rows: number;
  /** 1-based line of the header row; 0 without one. */
  headerLine: number;
  /** Records below the header that are empty or hold only spaces and delimiters. */
  blank: number;
  /** Fields the input needs and the header lacks (only ever non-empty when `lenient`). */
  missing: FieldSpec[];
  /** Set when no row had every needed column and `lenient` took the best one. */
  guess: Warning | null;
  /** The first data rows as read, for proposing a column of the right kind (`inspect`). */
  sample: string[][];
  shape: ReportShape;
}

/** Data rows kept for `MappedTable.sample`. */
const SAMPLE_ROWS = 50;

/** A record held before the header is known, with a copy of its typed cells (workbooks, Parquet). */
interface Held {
  fields: string[];
  line: number;
  kinds: CellKinds | undefined;
}

interface Candidate extends Held {
  fit: HeaderFit;
}

/**
 * Read an input and hand each data row to the handler `start` builds once the header is
 * mapped. The header is the first row (of the first 30 non-blank ones) that has a column
 * for every field the input needs; rows above it (a report's title, its parameters) are
 * not data. `--header-row N` names the line instead. Blank records below the header are
 * counted, not read.
 *
 * A file without a header row (`--no-header`, or none of those rows fits and the first one
 * reads as data of the columns below it) has columns called `column 1`, `column 2`...:
 * those `--map` does not name are told by their content from the first rows of a deals
 * file (normalize/headerless.ts), and said in a warning; where that leaves a needed or
 * ambiguous field, the run stops with the `--map` lines that pin them.
 *
 * When no row fits, the run stops with the candidates listed, unless `lenient` (inspect):
 * then the row that maps most fields is taken, and what it lacks is returned.
 */
export async function readMapped(
  options: InputOptions,
  /** What the input needs, or a function that tells it from a candidate header row. */
  needs: FieldNeeds | ((headers: string[]) => FieldNeeds),
  start: (mapping: ColumnMapping, format: TableFormat, shape: ReportShape) => RecordHandler,
  lenient = false,
): Promise<MappedTable> {
  const reader = new MappedReader(options, needs, start, lenient);
  // Problems found below the reader know the file; in a workbook they are placed in the sheet.
  try {
    return await reader.read();
  } catch (error) {
    throw inSheet(error, reader.file, reader.sheet);
  }
}

/** One reading of `readMapped`: the header search, then the data rows handed on. */
class MappedReader {
  readonly file: string;
  /** The worksheet read, once the reader says. */
  sheet: string | undefined;
  private mapping: ColumnMapping | null = null;
  private missing: FieldSpec[] = [];
  private guess: Warning | null = null;
  private handler: RecordHandler | null = null;
  private rows = 0;
  private blank = 0;
  private readonly sample: string[][] = [];
  private readonly candidates: Candidate[] = [];
  /** Blank records among the candidates (below the first): rows of a table without header, if it is one. */
  private blankAmongCandidates = 0;
  /** Rows of a table without header, held until its columns' roles are told from them. */
  private sampled: Held[] | null = null;
  private readonly shape: ReportShape = {
    headerFrom: 0,
    title: [],
    titlePeriod: null,
    titlePeriodLine: 0,
    subtotals: { count: 0, notes: [], filled: 0, uncheckedAt: 0 },
    footer: { count: 0, lines: [], first: '' },
  };
  private subtotals: SubtotalRows | null = null;
  /** The row just before, while no header is taken (a header's first line, perhaps). */
  private previous: { fields: string[]; line: number } | null = null;
  /** A row that fits alone but heads merged cells: the next line may be the header's second. */
  private pending: { fields: string[]; line: number; fit: HeaderFit } | null = null;

  constructor(
    private readonly options: InputOptions,
    private readonly needs: FieldNeeds | ((headers: string[]) => FieldNeeds),
    private readonly start: (mapping: ColumnMapping, format: TableFormat, shape: ReportShape) => RecordHandler,
    private readonly lenient: boolean,
  ) {
    this.file = options.source.name;
  }

  private needsOf(headers: string[]): FieldNeeds {
    return typeof this.needs === 'function' ? this.needs(headers) : this.needs;
  }

  /** A row tried as the header: its names, and its cells (unnamed ones at the end included). */
  private fitOf(fields: string[], line: number): HeaderFit {
    const headers = headerNames(fields);
    const fit = fitColumns(this.file, headers, this.needsOf(headers), this.options.map, line);
    fit.mapping.cells = fields.length;
    return fit;
  }

  /** A row below the header: blank, a report's footer, or data for the handler. */
  private data(fields: string[], line: number, kinds: CellKinds | undefined): void {
    if (isBlank(fields)) {
      this.blank++;
      return;
    }
    if (this.subtotals !== null && this.subtotals.footer(fields, kinds)) {
      const f = this.shape.footer;
      if (f.count++ === 0) f.first = fields.filter((x) => x.trim() !== '').join(' ');
      if (f.lines.length < 5) f.lines.push(line);
      return;
    }
    this.rows++;
    if (this.sample.length < SAMPLE_ROWS) this.sample.push(fields.slice());
    (this.handler as RecordHandler)(fields, line, kinds);
  }

  /** Take a header: check it (unless lenient), read the title above it, and start the handler. */
  private take(fit: HeaderFit, format: TableFormat, from = fit.mapping.line): void {
    const options = this.options;
    if (!this.lenient) {
      if (fit.duplicate) throw fit.duplicate;
      if (fit.missing.length > 0) throw missingError(this.file, fit.mapping.line, fit, options.map, options.header);
    } else if (fit.duplicate) {
      if (fit.duplicateChoice) fit.mapping.choices.push(fit.duplicateChoice);
    }
    const mapping = fit.mapping;
    this.mapping = mapping;
    if (options.header && options.headerRow === undefined && from > 0)
      mapping.preamble = from - (format.sepLine ? 2 : 1);
    this.missing = fit.missing;
    this.shape.headerFrom = from;
    this.readTitle(from);
    let rows = this.start(mapping, format, this.shape);
    const amount = mapping.index.amount;
    if (isWorkbook(format) && amount !== undefined) {
      this.subtotals = new SubtotalRows(amount, rows);
      rows = this.subtotals.push;
    }
    // Names are learnt before a group row can be dropped and named in a warning.
    this.handler = learningNames(rows, mapping, options.names);
  }

  /** The lines above the header: the title block, and the period it prints. */
  private readTitle(from: number): void {
    const shape = this.shape;
    for (const c of this.candidates) {
      if (c.line >= from || shape.title.length >= HEADER_SEARCH_ROWS) continue;
      const text = c.fields
        .map((f) => f.trim())
        .filter((f) => f !== '')
        .join(' ');
      shape.title.push(text);
      const period = shape.titlePeriod === null ? titlePeriod(text) : null;
      if (period !== null) {
        shape.titlePeriod = period;
        shape.titlePeriodLine = c.line;
      }
    }
  }

  /** Two lines as one header, when the pair maps every needed field. */
  private joinedFit(
    top: { fields: string[]; line: number },
    bottom: string[],
    line: number,
    merges: MergedRange[],
  ): HeaderFit {
    return this.fitOf(joinedHeader(top.fields, bottom, top.line, merges), line);
  }

  /**
   * No candidate had every column. When the first reads as data of the columns below it, the
   * file has no header row: its rows are held to tell the columns by (at the end of the input,
   * at once). Otherwise stop, or (lenient) take the closest and read the rows below it.
   */
  private settle(format: TableFormat, atEnd: boolean): void {
    const candidates = this.candidates;
    if (infers(this.needsOf(columnNames(candidates))) && firstRowIsData(candidates.map((c) => c.fields))) {
      this.sampled = candidates;
      this.blank += this.blankAmongCandidates;
      if (atEnd) this.inferColumns(format);
      return;
    }
    const best = closestCandidate(candidates);
    if (!this.lenient)
      throw noHeader(this.file, best, candidates, format.delimiter, this.options.map, this.options.names !== undefined);
    this.guess = warning('HEADER_GUESSED', { file: this.file, candidates: candidates.length, line: best.line });
    this.take(best.fit, format);
    for (const c of candidates) if (c.line > best.line) this.data(c.fields, c.line, c.kinds);
  }

  /**
   * The held rows of a table without header are all there is to tell its columns by: map the
   * fields `--map` names, tell the rest from the content (a deals file), take that mapping
   * and read the rows. What stays ambiguous or missing stops the run (lenient: is listed).
   */
  private inferColumns(format: TableFormat): void {
    const { file, options } = this;
    const held = this.sampled as Held[];
    this.sampled = null;
    const headers = columnNames(held);
    const need = this.needsOf(headers);
    const first = held[0] as Held;
    if (!infers(need)) {
      this.take(fitColumns(file, headers, need, options.map, 0), format);
    } else {
      const given = givenColumns(options.map, headers.length);
      const statuses = statusClassifier(options.vocabulary ?? NO_USER_VOCABULARY);
      const guessed = inferRoles(
        held.map((r) => r.fields),
        {
          fields: need.specs.map((spec) => spec.field),
          taken: given.columns,
          given: given.fields,
          knownStatus: (value) => statuses.match(phraseWords(value)).kind !== null,
          currencyCode,
        },
      );
      const map = { ...options.map };
      for (const r of guessed.roles) map[r.field] = String(r.column + 1);
      const fit = fitColumns(file, headers, need, map, 0);
      const read: HeaderlessRead = {
        detected: options.header,
        line: first.line,
        roles: guessed.roles.map((r) => ({ field: r.field, column: r.column + 1 })).sort((a, b) => a.column - b.column),
        ambiguous: guessed.ambiguous.map((a) => ({ field: a.field, columns: a.columns.map((c) => c + 1) })),
        status: guessed.status,
        rows: held.length,
      };
      if (!this.lenient) {
        // A `--map` naming a header, or a column past the last: that error, as with any file.
        if (fit.missing.some((m) => m.field in options.map)) throw missingError(file, 0, fit, options.map, false);
        if (read.ambiguous.length > 0 || fit.missing.length > 0)
          throw headerlessRoles(
            file,
            read,
            fit.missing.map((m) => m.field),
          );
      }
      fit.mapping.headerless = read;
      this.take(fit, format);
    }
    for (const r of held) this.data(r.fields, r.line, r.kinds);
  }

  /** A record before the header is taken: held (no header row), the named header row, or a candidate. */
  private beforeHeader(
    fields: string[],
    line: number,
    kinds: CellKinds | undefined,
    fmt: TableFormat,
    merges: MergedRange[],
  ): void {
    const options = this.options;
    if (this.sampled !== null || !options.header) {
      if (isBlank(fields)) {
        this.blank++;
        return;
      }
      (this.sampled ??= []).push(held(fields, line, kinds));
      if (this.sampled.length === INFER_ROWS) this.inferColumns(fmt);
      return;
    }
    if (options.headerRow !== undefined) {
      if (line < options.headerRow) return;
      if (line > options.headerRow || isBlank(fields)) throw headerRowMissing(this.file, options.headerRow);
      return this.take(this.fitOf(fields, line), fmt);
    }
    if (isBlank(fields)) {
      this.previous = null;
      // A blank line ends the header: the line that fit alone is the whole of it.
      if (this.pending !== null) {
        this.take(this.pending.fit, fmt);
        this.pending = null;
      } else if (this.candidates.length > 0) this.blankAmongCandidates++;
      return;
    }
    if (this.pending !== null) {
      // A header over two lines, its first heading merged cells; or the first line alone.
      const top = this.pending;
      this.pending = null;
      const joined = this.joinedFit(top, fields, line, merges);
      if (joined.missing.length === 0) return this.take(joined, fmt, top.line);
      this.take(top.fit, fmt);
      return this.data(fields, line, kinds);
    }
    const workbook = isWorkbook(fmt);
    const fit = this.fitOf(fields, line);
    const above = this.previous !== null && this.previous.line === line - 1 ? this.previous : null;
    if (workbook && above !== null && (fit.missing.length > 0 || headsMerges(merges, above.line))) {
      const joined = this.joinedFit(above, fields, line, merges);
      if (joined.missing.length === 0) return this.take(joined, fmt, above.line);
    }
    if (fit.missing.length === 0) {
      if (workbook && headsMerges(merges, line)) {
        this.pending = { fields: fields.slice(), line, fit };
        return;
      }
      return this.take(fit, fmt);
    }
    this.candidates.push({ ...held(fields, line, kinds), fit });
    this.previous = { fields: fields.slice(), line };
    if (this.candidates.length === HEADER_SEARCH_ROWS) this.settle(fmt, false);
  }

  async read(): Promise<MappedTable> {
    const { file, options } = this;
    const format = await readTable(
      options.source,
      {
        encoding: options.encoding,
        delimiter: options.delimiter,
        escape: options.escape,
        maxRecordLength: options.maxRecordLength,
        sheet: options.sheet,
        limits: options.limits,
        stopAt: options.stopAt,
      },
      (fmt) => {
        this.sheet = fmt.sheet;
        const merges = fmt.merges ?? [];
        return (fields, line, kinds) => {
          if (this.handler !== null) return this.data(fields, line, kinds);
          this.beforeHeader(fields, line, kinds, fmt, merges);
        };
      },
    );
    if (this.handler === null && this.pending !== null) this.take(this.pending.fit, format);
    if (this.handler === null && this.sampled !== null) this.inferColumns(format);
    else if (this.handler === null && this.candidates.length > 0) this.settle(format, true);
    if (this.subtotals !== null) {
      const s = this.subtotals;
      s.end();
      this.shape.subtotals = { count: s.count, notes: s.notes, filled: s.filled, uncheckedAt: s.uncheckedAt };
    }
    const mapping = this.mapping;
    if (mapping === null) {
      if (options.headerRow !== undefined) throw headerRowMissing(file, options.headerRow);
      throw new FolioError({ code: 'EMPTY_FILE', file, says: says('NO_ROWS_AT_ALL', {}) });
    }
    const headerLine = mapping.line;
    if (this.rows === 0)
      throw new FolioError({ code: 'NO_ROWS', file, line: headerLine || undefined, says: says('NO_DATA_ROWS', {}) });
    const { rows, blank, missing, guess, sample, shape } = this;
    return { format, mapping, rows, headerLine, blank, missing, guess, sample, shape };
  }
}

/**
 * A record that is empty or holds only spaces (and the delimiters between them). Run on
 * every row: a field that starts with a visible character settles it without `trim`.
 */
export function isBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (f.length > 0 && (f.charCodeAt(0) > 32 || f.trim() !== '')) return false;
  }
  return true;
}

/** The handler, preceded by reporting each row's names to the sink (under `--redact`), before anything can quote them. */
function learningNames(handler: RecordHandler, mapping: ColumnMapping, names: NameSink | undefined): RecordHandler {
  if (!names) return handler;
  const columns = Object.entries(mapping.index).flatMap(([field, at]) => {
    const kind = NAME_FIELDS[field];
    return kind === undefined || at === undefined ? [] : [{ at, kind }];
  });
  return (fields, line, kinds) => {
    for (const c of columns) {
      const value = fields[c.at];
      if (value !== undefined) names.learn(value, c.kind);
    }
    handler(fields, line, kinds);
  };
}

/** A record kept for later: its own copy of the fields and typed cells (the reader reuses both). */
function held(fields: string[], line: number, kinds: CellKinds | undefined): Held {
  return { fields: fields.slice(), line, kinds: kinds?.slice() };
}

/** `column 1`, `column 2`...: the names of a table without header, as wide as its widest held row. */
function columnNames(rows: readonly Held[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.fields.length));
  return Array.from({ length: width }, (_, i) => `column ${i + 1}`);
}

/** The columns of a deals export are told by their content; other inputs are mapped by `--map` alone. */
function infers(needs: FieldNeeds): boolean {
  return needs.specs === DEAL_FIELDS;
}

/** The fields `--map` names a column for by position, and those columns (0-based). */
function givenColumns(map: Record<string, string>, width: number): { fields: Set<string>; columns: Set<number> } {
  const fields = new Set<string>();
  const columns = new Set<number>();
  for (const [field, target] of Object.entries(map)) {
    fields.add(field);
    if (/^\d+$/.test(target) && Number(target) >= 1 && Number(target) <= width) columns.add(Number(target) - 1);
  }
  return { fields, columns };
}

/**
 * A table without header whose columns' content leaves a field ambiguous or unfound: the
 * `--map` lines that pin what was told, and each choice to make.
 */
function headerlessRoles(file: string, read: HeaderlessRead, missing: string[]): FolioError {
  return new FolioError({
    code: 'HEADERLESS_ROLES',
    file,
    line: read.line,
    says: says('HEADERLESS_ROLES', {
      detected: read.detected,
      ambiguous: read.ambiguous,
      missing: missing.filter((f) => !read.ambiguous.some((a) => a.field === f)),
      pins: pinLine(read, missing),
    }),
  });
}

/** `--no-header --map date=1 --map amount=3|5 --map client=N`: the flags that pin the columns, a choice where one is to make. */
export function pinLine(read: HeaderlessRead, missing: readonly string[] = []): string {
  const maps = [
    ...read.roles.map((r) => `--map ${r.field}=${r.column}`),
    ...read.ambiguous.map((a) => `--map ${a.field}=${a.columns.join('|')}`),
    ...missing.filter((f) => !read.ambiguous.some((a) => a.field === f)).map((f) => `--map ${f}=N`),
  ];
  return ['--no-header', ...maps].join(' ');
}

/** Header names as written, minus the empty ones a trailing delimiter leaves at the end. */
function headerNames(fields: string[]): string[] {
  const names = fields.map((f) => f.trim());
  while (names.length > 1 && names[names.length - 1] === '') names.pop();
  return names;
}

/**
 * The candidate that maps most fields (the earliest on a tie). Failing any, the row that
 * looks most like a header (text in each of the most named cells: `Client,Sum,Date,,,`
 * rather than the wider data rows under it); failing that, the earliest widest row.
 */
function closestCandidate(candidates: Candidate[]): Candidate {
  const mapped = (c: Candidate): number => Object.keys(c.fit.mapping.index).length;
  const filled = (c: Candidate): number => c.fields.filter((f) => f.trim() !== '').length;
  let best = candidates[0] as Candidate;
  for (const c of candidates) if (mapped(c) > mapped(best)) best = c;
  if (mapped(best) > 0) return best;
  let header: Candidate | null = null;
  for (const c of candidates)
    if (looksLikeHeader(c.fields) && (header === null || namedCells(c.fields) > namedCells(header.fields))) header = c;
  if (header !== null) return header;
  for (const c of candidates) if (filled(c) > filled(best)) best = c;
  return best;
}

const EXCERPT = 60;
const SHOWN = 10;

/**
 * No row fits. When the first row maps some fields or looks like a header, it is the header
 * and lacks a column: that error. Otherwise the rows tried, each with what it lacked. Under --redact the rows are not
 * quoted, nor the "columns found" of the closest: when no row is the header, they are data.
 */
function noHeader(
  file: string,
  best: Candidate,
  candidates: Candidate[],
  delimiter: string,
  map: Record<string, string>,
  redact: boolean,
): FolioError {
  // The rows below the closest row show what its columns hold, for the column to propose.
  const below = candidates.filter((c) => c.line > best.line).map((c) => c.fields);
  const base = missingError(file, best.line, best.fit, map, true, below);
  // No row looks like a header (text in every named cell): the file may have none at all.
  const headerless = !candidates.some((c) => looksLikeHeader(c.fields));
  const missing = base.says as ErrorSays;
  if (best === candidates[0] && (Object.keys(best.fit.mapping.index).length > 0 || looksLikeHeader(best.fields))) {
    return new FolioError({
      code: base.code,
      file,
      line: base.line,
      says: says('HEADER_LACKS_COLUMN', { missing, headerless, redacted: redact }),
    });
  }
  return new FolioError({
    code: 'NO_HEADER_ROW',
    file,
    moreCount: Math.max(0, candidates.length - SHOWN),
    says: says('NO_HEADER_ROW', {
      tried: candidates.length,
      line: best.line,
      headerless,
      redacted: redact,
      closest: missing,
      rows: candidates.slice(0, SHOWN).map((c) => ({
        file,
        line: c.line,
        excerpt: redact ? null : excerptOf(rowText(c.fields, delimiter)),
        lacks: c.fit.missing.map((m) => m.field),
      })),
    }),
  });
}

/** A row's cells as the file has them: joined by the CSV delimiter, or by ` | ` in a workbook, an HTML table or Parquet. */
const rowText = (fields: string[], delimiter: string): string => fields.join(delimiter === '' ? ' | ' : delimiter);

const excerptOf = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

function headerRowMissing(file: string, headerRow: number): FolioError {
  return new FolioError({
    code: 'NO_HEADER_ROW',
    file,
    line: headerRow,
    says: says('BAD_HEADER_ROW', { line: headerRow }),
  });
}

/** Workbooks (and tables saved as .xls) are where reports put merged headers and subtotal rows. */
function isWorkbook(format: TableFormat): boolean {
  return format.kind === 'xlsx' || format.kind === 'xls' || format.kind === 'html';
}

/** Whether merged cells start on this line and span columns, or reach down into the next line. */
function headsMerges(merges: readonly MergedRange[], line: number): boolean {
  return merges.some((m) => m.top === line && (m.right > m.left || m.bottom > m.top));
}

/**
 * Two header lines as one, column by column: `Group - Sub` where a label stands above a
 * sub-label, the one label where only one line has one (a cell merged down both lines). A
 * label merged across several columns of the first line stands above each of them that has
 * a sub-label (`Продажи` over `Количество` and `Сумма`); without sub-labels it names its
 * first column only (a wide column drawn as two). ` - ` is the separator headers already
 * read as a group prefix (`Deal - Amount`), so the sub-label alone still matches an alias.
 */
export function joinedHeader(
  top: string[],
  bottom: string[],
  topLine: number,
  merges: readonly MergedRange[],
): string[] {
  const width = Math.max(top.length, bottom.length);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    let upper = (top[c] ?? '').trim();
    const lower = (bottom[c] ?? '').trim();
    if (upper === '' && lower !== '') {
      const m = merges.find((r) => r.top === topLine && r.left < c && r.right >= c);
      if (m) upper = (top[m.left] ?? '').trim();
    }
    out.push(upper !== '' && lower !== '' && upper !== lower ? `${upper} - ${lower}` : upper || lower);
  }
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}
