import { inSheet } from '../errors.js';
import type { TableFormat } from '../io/read-table.js';
import type { ColumnMapping, FieldNeeds } from '../normalize/columns.js';
import type { ConverterBase } from '../normalize/converter-base.js';
import { MAX_DECIMALS } from '../normalize/numbers.js';
import { Problems } from '../normalize/problems.js';
import { RowFeed, type RowConverter } from '../normalize/row-feed.js';
import type { InputOptions } from './input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { readMapped } from './table-source.js';

export interface LoadedRows<C> {
  format: TableFormat;
  mapping: ColumnMapping;
  rows: number;
  headerLine: number;
  blank: number;
  converter: C;
  problems: Problems;
}

/**
 * Read an input through a row converter: map the header, convert each row (holding the
 * ambiguous ones until their column settles), hand records to `accept`. Bad values stop
 * the run once the file is read, unless rows are being skipped.
 */
export async function loadRows<T, C extends ConverterBase & RowConverter<T>>(
  options: InputOptions,
  needs: FieldNeeds,
  make: (mapping: ColumnMapping, problems: Problems) => C,
  accept: (record: T) => void,
  problems: Problems = new Problems(options.skipInvalid, options.collect ? Infinity : undefined, options.names === undefined),
): Promise<LoadedRows<C>> {
  const ctx: { converter?: C; feed?: RowFeed<T> } = {};
  const { format, mapping, rows, headerLine, blank } = await readMapped(options, needs, (map, fmt) => {
    const converter = make(map, problems);
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
  return { format, mapping, rows, headerLine, blank, converter: ctx.converter as C, problems };
}

/** Warnings every input shares: how its header and columns were read (see `columnWarnings`), totals rows left out, and skipped rows. */
export function readWarnings(file: string, loaded: LoadedRows<ConverterBase>): Warning[] {
  const warnings = columnWarnings(loaded.mapping, loaded.converter).map((w) => ({ code: w.code, message: `${file}: ${w.message}` }));
  const converter = loaded.converter;
  if (converter.totals > 0) {
    const lines = converter.totalsLines;
    const more = converter.totals > lines.length ? `, and ${converter.totals - lines.length} more` : '';
    warnings.push({
      code: 'TOTALS_ROWS',
      message: `${file}: ${converter.totals} totals or subtotals row(s) left out, never a client (line ${lines.join(', ')}${more})${converter.totalsCheck.summary()}`,
    });
  }
  if (loaded.format.uncached > 0) {
    warnings.push({
      code: 'FORMULAS_NOT_CACHED',
      message: `${file}: ${loaded.format.uncached} formula cell(s) hold no calculated value (the workbook was saved without calculating) and were read as empty; open it in Excel or LibreOffice, let it calculate and save`,
    });
  }
  const skipped = loaded.problems.summary();
  if (skipped) warnings.push({ code: 'SKIPPED_ROWS', message: `${file}: ${skipped}` });
  return warnings;
}

/**
 * How the columns were read, for every command and for `inspect` (messages without the
 * file): lines passed over above the header, which header was taken where several fit,
 * which field a fallback header stands in for, and amounts rounded from printed binary floats.
 */
export function columnWarnings(mapping: ColumnMapping, converter: ConverterBase): Warning[] {
  const warnings: Warning[] = mapping.preamble > 0 ? [{ code: 'HEADER_ROW', message: preambleNote(mapping) }] : [];
  warnings.push(...mapping.choices.map((message) => ({ code: 'COLUMN_CHOICE', message })));
  for (const use of mapping.fallbacks) warnings.push({ code: use.code, message: use.message });
  for (const [field, column] of converter.amounts) {
    if (column.rounded === 0) continue;
    warnings.push({
      code: 'FLOAT_AMOUNTS',
      message: `${column.rounded} value(s) of "${mapping.header[field] ?? field}" had more than ${MAX_DECIMALS} decimals (binary floats printed in full) and were rounded to ${MAX_DECIMALS}, first on line ${column.firstRounded}`,
    });
  }
  return warnings;
}

/** What was passed over above the header. */
function preambleNote(mapping: ColumnMapping): string {
  const n = mapping.preamble;
  return `the header is on line ${mapping.line}; the ${n} line${n === 1 ? '' : 's'} above it (a title, report parameters, blank lines) ${n === 1 ? 'was' : 'were'} not read (name another with --header-row N)`;
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
    totals: loaded.converter.totals,
    skipped: loaded.converter.skipped,
    blank: loaded.blank,
    columns: { ...loaded.mapping.header },
  };
}
