import type { TableFormat } from '../io/read-table.js';
import type { ColumnMapping, FieldSpec } from '../normalize/columns.js';
import type { ConverterBase } from '../normalize/converter-base.js';
import { Problems } from '../normalize/problems.js';
import { RowFeed, type RowConverter } from '../normalize/row-feed.js';
import type { InputOptions, InputReport, Warning } from './input-options.js';
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
  specs: readonly FieldSpec[],
  make: (mapping: ColumnMapping, problems: Problems) => C,
  accept: (record: T) => void,
  problems: Problems = new Problems(options.skipInvalid, options.collect ? Infinity : undefined, options.names === undefined),
): Promise<LoadedRows<C>> {
  const ctx: { converter?: C; feed?: RowFeed<T> } = {};
  const { format, mapping, rows, headerLine, blank } = await readMapped(options, specs, (map) => {
    const converter = make(map, problems);
    const feed = new RowFeed<T>(converter, accept);
    Object.assign(ctx, { converter, feed });
    return (fields, line) => feed.push(fields, line);
  });
  ctx.feed?.end();
  options.collect?.push(...problems.listed);
  problems.throwUnlessSkipping();
  return { format, mapping, rows, headerLine, blank, converter: ctx.converter as C, problems };
}

/** Warnings every input shares: which header was taken where several fit, and skipped rows. */
export function readWarnings(file: string, mapping: ColumnMapping, problems: Problems): Warning[] {
  const warnings: Warning[] = mapping.choices.map((message) => ({ code: 'COLUMN_CHOICE', message: `${file}: ${message}` }));
  const skipped = problems.summary();
  if (skipped) warnings.push({ code: 'SKIPPED_ROWS', message: `${file}: ${skipped}` });
  return warnings;
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
