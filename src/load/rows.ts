import { says as errorSays } from '../codes/error-fields.js';
import { FolioError, inSheet } from '../folio-error.js';
import type { TableFormat } from '../io/read-table.js';
import type { ColumnMapping, FieldNeeds } from '../normalize/columns.js';
import type { ConverterBase } from '../normalize/converter-base.js';
import { formatDay } from '../normalize/dates.js';
import { MAX_DECIMALS } from '../normalize/numbers.js';
import { Problems } from '../normalize/problems.js';
import { RowFeed, type RowConverter } from '../normalize/row-feed.js';
import type { InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { pinLine, readMapped, type ReportShape } from './table-source.js';

export interface LoadedRows<C> {
  format: TableFormat;
  mapping: ColumnMapping;
  rows: number;
  headerLine: number;
  blank: number;
  converter: C;
  problems: Problems;
  /** Rows that waited for a column's convention to settle. */
  heldRows: number;
  /** The title block, a header over two lines, subtotal rows dropped. */
  shape: ReportShape;
}

/**
 * Read an input through a row converter: map the header, convert each row (holding the
 * ambiguous ones until their column settles), hand records to `accept`. Bad values stop
 * the run once the file is read, unless rows are being skipped.
 */
export async function loadRows<T, C extends ConverterBase & RowConverter<T>>(
  options: InputOptions,
  needs: FieldNeeds,
  make: (mapping: ColumnMapping, problems: Problems, format: TableFormat, shape: ReportShape) => C,
  accept: (record: T) => void,
  problems: Problems = new Problems(
    options.skipInvalid,
    options.collect ? Infinity : undefined,
    options.names === undefined,
  ),
): Promise<LoadedRows<C>> {
  const ctx: { converter?: C; feed?: RowFeed<T> } = {};
  const { format, mapping, rows, headerLine, blank, shape } = await readMapped(options, needs, (map, fmt, shaped) => {
    const converter = make(map, problems, fmt, shaped);
    converter.sheetRows = fmt.kind !== 'csv';
    const feed = new RowFeed<T>(converter, accept);
    Object.assign(ctx, { converter, feed });
    problems.sheet = fmt.sheet;
    return (fields, line, kinds) => feed.push(fields, line, kinds);
  });
  try {
    ctx.feed?.end();
  } catch (error) {
    throw inSheet(error, options.source.name, format.sheet);
  }
  options.collect?.push(...problems.listed);
  problems.throwUnlessSkipping();
  return {
    format,
    mapping,
    rows,
    headerLine,
    blank,
    converter: ctx.converter as C,
    problems,
    heldRows: ctx.feed?.heldRows ?? 0,
    shape,
  };
}

/** Warnings every input shares: how its header and columns were read (see `columnWarnings`), totals rows left out, and skipped rows. */
export function readWarnings(file: string, loaded: LoadedRows<ConverterBase>): Warning[] {
  const warnings = [
    ...formatWarnings(loaded.format),
    ...columnWarnings(loaded.mapping, loaded.converter, loaded.shape),
  ].map((w) => ({ ...w, fields: { file, ...w.fields } }) as Warning);
  const converter = loaded.converter;
  warnings.push(...subtotalWarnings(file, loaded.shape));
  if (converter.totals > 0) {
    warnings.push(
      warning('TOTALS_ROWS', {
        file,
        count: converter.totals,
        lines: [...converter.totalsLines],
        ...converter.totalsCheck.summary(),
      }),
    );
  }
  const skippedSheets = loaded.format.skippedSheets;
  if (skippedSheets !== undefined && loaded.format.sheet !== undefined) {
    const sheets = loaded.format.sheets ?? [];
    warnings.push(
      warning('SHEETS_SKIPPED', {
        file,
        skipped: skippedSheets,
        sheet: loaded.format.sheet,
        position: sheets.indexOf(loaded.format.sheet) + 1,
      }),
    );
  }
  if (loaded.format.uncached > 0) {
    warnings.push(warning('FORMULAS_NOT_CACHED', { file, count: loaded.format.uncached }));
  }
  const skipped = loaded.problems.summary();
  if (skipped) warnings.push(warning('SKIPPED_ROWS', { file, ...skipped }));
  return warnings;
}

/**
 * What was told from a file's bytes and changes how it reads, for every command and for
 * `inspect` (messages without the file): backslash escapes and NUL bytes dropped (CSV), a
 * code page guessed for an old .xls that names none.
 */
export function formatWarnings(format: TableFormat): Warning[] {
  const warnings: Warning[] = [];
  if (format.kind === 'xls' && format.encodingReason === 'letter-statistics')
    warnings.push(warning('XLS_CODE_PAGE_GUESSED', { encoding: format.encoding }));
  if (format.escape === 'backslash' && format.escapeDetected) warnings.push(warning('BACKSLASH_ESCAPES', {}));
  if (format.nuls.count > 0) warnings.push(warning('NUL_BYTES', { count: format.nuls.count, line: format.nuls.line }));
  return warnings;
}

/**
 * How the columns were read, for every command and for `inspect` (messages without the
 * file): lines passed over above the header, which header was taken where several fit,
 * which field a fallback header stands in for, and amounts rounded from printed binary floats.
 */
export function columnWarnings(mapping: ColumnMapping, converter: ConverterBase, shape: ReportShape): Warning[] {
  // A header over two lines is said as such, from its first line.
  const joined = shape.headerFrom > 0 && shape.headerFrom < mapping.line;
  const warnings: Warning[] =
    mapping.preamble > 0
      ? [warning('HEADER_ROW', { line: joined ? shape.headerFrom : mapping.line, preamble: mapping.preamble })]
      : [];
  if (joined)
    warnings.push(
      warning('HEADER_JOINED', {
        from: shape.headerFrom,
        to: mapping.line,
        headers: mapping.headers.filter((h) => h.includes(' - ')).slice(0, 8),
      }),
    );
  const headerless = mapping.headerless;
  if (headerless !== null && (headerless.detected || headerless.roles.length > 0))
    warnings.push(
      warning('HEADERLESS', {
        detected: headerless.detected,
        line: headerless.line,
        roles: headerless.roles,
        status: headerless.status,
        pins: pinLine(headerless),
      }),
    );
  warnings.push(...mapping.choices.map((choice) => warning('COLUMN_CHOICE', choice)));
  if (mapping.paths.length > 0) warnings.push(warning('PATH_HEADERS', { paths: mapping.paths }));
  for (const use of mapping.fallbacks)
    warnings.push(
      use.kind === 'client-id'
        ? warning('CLIENT_BY_ID', { header: use.header })
        : use.kind === 'contact'
          ? warning('CLIENT_BY_CONTACT', { header: use.header })
          : warning('DATE_FALLBACK', { header: use.header, kind: use.kind }),
    );
  for (const [field, column] of converter.dates) {
    const first = column.firstSerial;
    if (first === null) continue;
    warnings.push(
      warning('SERIAL_DATES', {
        header: mapping.header[field] ?? field,
        count: column.serials,
        line: first.line,
        first: first.raw,
        day: formatDay(first.day),
      }),
    );
  }
  for (const [field, column] of converter.amounts) {
    if (column.rounded === 0) continue;
    warnings.push(
      warning('FLOAT_AMOUNTS', {
        count: column.rounded,
        header: mapping.header[field] ?? field,
        decimals: MAX_DECIMALS,
        line: column.firstRounded,
      }),
    );
  }
  return warnings;
}

/** Subtotal rows dropped from a report-shaped workbook, and groups too large to check. */
export function subtotalWarnings(file: string | undefined, shape: ReportShape): Warning[] {
  const out: Warning[] = [];
  const s = shape.subtotals;
  if (s.count > 0)
    out.push(
      warning('SUBTOTAL_ROWS', {
        ...(file === undefined ? {} : { file }),
        count: s.count,
        notes: s.notes,
        filled: s.filled,
      }),
    );
  const footer = shape.footer;
  if (footer.count > 0)
    out.push(
      warning('REPORT_FOOTER', {
        ...(file === undefined ? {} : { file }),
        count: footer.count,
        lines: footer.lines,
        first: footer.first,
      }),
    );
  if (s.uncheckedAt > 0)
    out.push(warning('SUBTOTALS_UNCHECKED', { ...(file === undefined ? {} : { file }), line: s.uncheckedAt }));
  return out;
}

/** The input's entry in `inputs[]`: how it was read, and what became of its rows. */
export function inputReport(
  loaded: LoadedRows<ConverterBase>,
  role: string,
  counts: { used: number; excluded: Record<string, number>; folded?: number },
): InputReport {
  return {
    file: loaded.format.file,
    role,
    encoding: loaded.format.encoding,
    delimiter: loaded.format.delimiter,
    headerLine: loaded.headerLine,
    rows: loaded.rows,
    used: counts.used,
    excluded: counts.excluded,
    folded: counts.folded ?? 0,
    // Subtotal rows dropped before the converter are totals rows too.
    totals: loaded.converter.totals + loaded.shape.subtotals.count,
    skipped: loaded.converter.skipped,
    blank: loaded.blank,
    columns: { ...loaded.mapping.header },
  };
}

/**
 * The files of one input are read as one table, so each must give the same fields: a file
 * without the status column would count its lost deals as won, one without a date would
 * fall outside every period. Header spellings may differ (one export in Russian, one in
 * English); what they map to may not.
 */
export class SameFields {
  private first: { file: string; fields: string[] } | null = null;

  /**
   * `role`: the input's name, for the hint (`deals`); `optional`: fields a file may lack
   * without changing what the others count (a deal's contact only fills empty client cells,
   * and a file without one stops at such a cell).
   */
  constructor(
    private readonly role: string,
    private readonly optional: readonly string[] = [],
  ) {}

  /** Take the first file's fields, or stop at a file that maps other ones. */
  check(file: string, map: ColumnMapping): void {
    const fields = Object.keys(map.index)
      .filter((f) => !this.optional.includes(f))
      .sort();
    if (this.first === null) {
      this.first = { file, fields };
      return;
    }
    const first = this.first;
    const lacks = first.fields.filter((f) => !fields.includes(f));
    const adds = fields.filter((f) => !first.fields.includes(f));
    if (lacks.length === 0 && adds.length === 0) return;
    const says = [
      lacks.length > 0 ? `no column for ${lacks.join(', ')}, which ${first.file} has` : null,
      adds.length > 0 ? `a column for ${adds.join(', ')}, which ${first.file} has not` : null,
    ]
      .filter(Boolean)
      .join(', and ');
    throw new FolioError({
      code: 'INPUTS_DIFFER',
      file,
      line: map.line,
      says: errorSays('INPUTS_DIFFER', { says, role: this.role }),
    });
  }
}
