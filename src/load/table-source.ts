import { says } from '../codes/errors.js';
import { FolioError, inSheet } from '../errors.js';
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
import { looksLikeHeader, namedCells } from '../normalize/cell-kind.js';
import type { InputOptions } from './input-options.js';
import { type Warning, warning } from '../codes/warnings.js';
import { NAME_FIELDS, type NameSink } from './names.js';

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
}

interface Candidate {
  fields: string[];
  line: number;
  fit: HeaderFit;
}

/**
 * Read an input and hand each data row to the handler `start` builds once the header is
 * mapped. The header is the first row (of the first 30 non-blank ones) that has a column
 * for every field the input needs; rows above it (a report's title, its parameters) are
 * not data. `--header-row N` names the line instead. Without a header row, columns are
 * called `column 1`, `column 2`... and must be mapped by position. Blank records below the
 * header are counted, not read.
 *
 * When no row fits, the run stops with the candidates listed, unless `lenient` (inspect):
 * then the row that maps most fields is taken, and what it lacks is returned.
 */
export async function readMapped(
  options: InputOptions,
  /** What the input needs, or a function that tells it from a candidate header row. */
  needs: FieldNeeds | ((headers: string[]) => FieldNeeds),
  start: (mapping: ColumnMapping, format: TableFormat) => RecordHandler,
  lenient = false,
): Promise<MappedTable> {
  let mapping: ColumnMapping | null = null;
  let missing: FieldSpec[] = [];
  let guess: Warning | null = null;
  let handler: RecordHandler | null = null;
  let rows = 0;
  let blank = 0;
  const candidates: Candidate[] = [];
  const file = options.source.name;
  const needsOf = (headers: string[]): FieldNeeds => (typeof needs === 'function' ? needs(headers) : needs);
  const fitOf = (headers: string[], line: number): HeaderFit =>
    fitColumns(file, headers, needsOf(headers), options.map, line);

  const data: RecordHandler = (fields, line, kinds) => {
    if (isBlank(fields)) {
      blank++;
      return;
    }
    rows++;
    (handler as RecordHandler)(fields, line, kinds);
  };
  const take = (fit: HeaderFit, format: TableFormat): void => {
    if (!lenient) {
      if (fit.duplicate) throw fit.duplicate;
      if (fit.missing.length > 0) throw missingError(file, fit.mapping.line, fit, options.map, options.header);
    } else if (fit.duplicate) {
      if (fit.duplicateChoice) fit.mapping.choices.push(fit.duplicateChoice);
    }
    mapping = fit.mapping;
    if (options.header && options.headerRow === undefined)
      mapping.preamble = fit.mapping.line - (format.sepLine ? 2 : 1);
    missing = fit.missing;
    handler = learningNames(start(fit.mapping, format), fit.mapping, options.names);
  };
  /** No candidate had every column: stop, or (lenient) take the closest and read the rows below it. */
  const settle = (format: TableFormat): void => {
    const best = closestCandidate(candidates);
    if (!lenient) throw noHeader(file, best, candidates, format.delimiter, options.map, options.names !== undefined);
    guess = warning('HEADER_GUESSED', { file, candidates: candidates.length, line: best.line });
    take(best.fit, format);
    for (const c of candidates) if (c.line > best.line) data(c.fields, c.line);
  };

  // Problems found below the reader know the file; in a workbook they are placed in the sheet.
  let sheet: string | undefined;
  try {
    return await readRows();
  } catch (error) {
    throw inSheet(error, file, sheet);
  }

  async function readRows(): Promise<MappedTable> {
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
        sheet = fmt.sheet;
        return (fields, line, kinds) => {
          if (handler !== null) return data(fields, line, kinds);
          if (!options.header) {
            if (isBlank(fields)) {
              blank++;
              return;
            }
            take(
              fitOf(
                fields.map((_, i) => `column ${i + 1}`),
                0,
              ),
              fmt,
            );
            return data(fields, line, kinds);
          }
          if (options.headerRow !== undefined) {
            if (line < options.headerRow) return;
            if (line > options.headerRow || isBlank(fields)) throw headerRowMissing(file, options.headerRow);
            return take(fitOf(headerNames(fields), line), fmt);
          }
          if (isBlank(fields)) return;
          const fit = fitOf(headerNames(fields), line);
          if (fit.missing.length === 0) return take(fit, fmt);
          candidates.push({ fields: fields.slice(), line, fit });
          if (candidates.length === HEADER_SEARCH_ROWS) settle(fmt);
        };
      },
    );
    if (handler === null && candidates.length > 0) settle(format);
    if (mapping === null) {
      if (options.headerRow !== undefined) throw headerRowMissing(file, options.headerRow);
      throw new FolioError({
        code: 'EMPTY_FILE',
        file,
        message: 'the file holds no rows',
        hint: 'export the data again, with a header row',
        says: says('NO_ROWS_AT_ALL', {}),
      });
    }
    const headerLine = mapping.line;
    if (rows === 0) {
      throw new FolioError({
        code: 'NO_ROWS',
        file,
        line: headerLine || undefined,
        message: 'the file has a header but no data rows',
        hint: 'export again with data; check that the export filter is not empty',
        says: says('NO_DATA_ROWS', {}),
      });
    }
    return { format, mapping, rows, headerLine, blank, missing, guess };
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
  const base = missingError(file, best.line, best.fit, map, true);
  const hint = `${redact ? 'map the columns with --map FIELD=HEADER' : (base.hint ?? '')}; or name the header's line with --header-row N`;
  if (best === candidates[0] && (Object.keys(best.fit.mapping.index).length > 0 || looksLikeHeader(best.fields))) {
    return new FolioError({
      code: base.code,
      file,
      line: base.line,
      message: base.message,
      hint,
      says: redact ? undefined : base.says,
    });
  }
  const lines = candidates.map((c) => {
    const lacks = `lacks ${c.fit.missing.map((m) => m.field).join(', ')}`;
    if (redact) return `${file}:${c.line}: ${lacks}`;
    return `${file}:${c.line}: ${JSON.stringify(excerptOf(rowText(c.fields, delimiter)))} ${lacks}`;
  });
  return new FolioError({
    code: 'NO_HEADER_ROW',
    file,
    message: `no row among the first ${candidates.length} has a column for every field needed; the closest is line ${best.line}: ${base.message}`,
    hint,
    more: lines.slice(0, SHOWN),
    moreCount: Math.max(0, lines.length - SHOWN),
    says:
      redact || base.says === undefined
        ? undefined
        : says('NO_HEADER_ROW', {
            tried: candidates.length,
            line: best.line,
            closest: base.says,
            hint: base.says,
            rows: candidates.slice(0, SHOWN).map((c) => ({
              file,
              line: c.line,
              excerpt: excerptOf(rowText(c.fields, delimiter)),
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
    message: `--header-row ${headerRow}: this line holds no header row (it is blank, inside a quoted value, or past the end)`,
    hint: 'give the line number of the header row as an editor shows it; `folio inspect FILE` shows the line it takes',
    says: says('BAD_HEADER_ROW', {}),
  });
}
