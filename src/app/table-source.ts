import { FolioError } from '../errors.js';
import type { RecordHandler } from '../io/csv-scanner.js';
import { readTable, type TableFormat } from '../io/read-table.js';
import { mapColumns, type ColumnMapping, type FieldSpec } from '../normalize/columns.js';
import type { InputOptions } from './input-options.js';
import { NAME_FIELDS, type NameSink } from './redact.js';

/**
 * Read an input and hand each data row to the handler `start` builds once the header is
 * mapped. Without a header row, columns are called `column 1`, `column 2`... and must be
 * mapped by position.
 */
export async function readMapped(
  options: InputOptions,
  /** The fields to map, or a function that picks them once the header is seen. */
  specs: readonly FieldSpec[] | ((headers: string[]) => readonly FieldSpec[]),
  start: (mapping: ColumnMapping, format: TableFormat) => RecordHandler,
): Promise<{ format: TableFormat; mapping: ColumnMapping; rows: number; headerLine: number; blank: number }> {
  let mapping: ColumnMapping | null = null;
  let rows = 0;
  let headerLine = 0;
  const blank = 0;
  const file = options.source.name;
  const format = await readTable(
    options.source,
    { encoding: options.encoding, delimiter: options.delimiter, maxRecordLength: options.maxRecordLength },
    (fmt) => {
      let handler: RecordHandler | null = null;
      return (fields, line) => {
        if (handler === null) {
          const headers = options.header ? headerNames(fields) : fields.map((_, i) => `column ${i + 1}`);
          mapping = mapColumns(file, headers, typeof specs === 'function' ? specs(headers) : specs, options.map, options.header);
          handler = learningNames(start(mapping, fmt), mapping, options.names);
          if (options.header) {
            headerLine = line;
            return;
          }
        }
        rows++;
        handler(fields, line);
      };
    },
  );
  if (mapping === null) {
    throw new FolioError({ code: 'EMPTY_FILE', file, message: 'the file holds no rows', hint: 'export the data again, with a header row' });
  }
  if (rows === 0) {
    throw new FolioError({
      code: 'NO_ROWS',
      file,
      line: 1,
      message: 'the file has a header but no data rows',
      hint: 'export again with data; check that the export filter is not empty',
    });
  }
  return { format, mapping, rows, headerLine, blank };
}

/** The handler, preceded by reporting each row's names to the sink (under `--redact`), before anything can quote them. */
function learningNames(handler: RecordHandler, mapping: ColumnMapping, names: NameSink | undefined): RecordHandler {
  if (!names) return handler;
  const columns = Object.entries(mapping.index).flatMap(([field, at]) => {
    const kind = NAME_FIELDS[field];
    return kind === undefined || at === undefined ? [] : [{ at, kind }];
  });
  return (fields, line) => {
    for (const c of columns) {
      const value = fields[c.at];
      if (value !== undefined) names.learn(value, c.kind);
    }
    handler(fields, line);
  };
}

/** Header names as written, minus the empty ones a trailing delimiter leaves at the end. */
function headerNames(fields: string[]): string[] {
  const names = fields.map((f) => f.trim());
  while (names.length > 1 && names[names.length - 1] === '') names.pop();
  return names;
}
