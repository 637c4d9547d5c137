import { says } from '../codes/error-fields.js';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
  type SchemaElement,
} from 'hyparquet';
import { FolioError } from '../folio-error.js';
import { isoDay, NUMBER_CELL, numberText, TEXT_CELL, type CellKinds } from './cells.js';
import type { RecordHandler } from './csv-scanner.js';

/**
 * A Parquet file (DuckDB, Spark, warehouses) read as a table: the column names are record 1,
 * the rows follow from record 2 (as a sheet exported with its header would number them),
 * one row group at a time so that memory holds one group. Each column is read by its type:
 * integers and decimals exactly, doubles by the 15-digit rule of `numberText`, dates and
 * timestamps as their UTC calendar day, strings as text, booleans as `true`/`false`.
 */

type ColumnKind = 'integer' | 'decimal' | 'double' | 'float' | 'other';

interface Column {
  name: string;
  kind: ColumnKind;
  scale: number;
}

export async function readParquet(
  from: { path: string } | { bytes: Buffer },
  file: string,
  onRow: RecordHandler,
): Promise<{ rows: number }> {
  let buffer: AsyncBuffer;
  let metadata: FileMetaData;
  try {
    buffer = 'path' in from ? await asyncBufferFromFile(from.path) : toArrayBuffer(from.bytes);
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw unreadable(file, error);
  }
  const columns = parquetSchema(metadata).children.map((c) => columnOf(c.element, c.children.length > 0));
  const fields: string[] = columns.map((c) => c.name);
  const kinds: CellKinds = new Uint8Array(columns.length);
  onRow(fields, 1, kinds);
  let line = 1;
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let rows: unknown[][] = [];
    try {
      await parquetRead({
        file: buffer,
        metadata,
        rowStart: start,
        rowEnd: end,
        rowFormat: 'array',
        onComplete: (data: unknown[][]) => {
          rows = data;
        },
      });
    } catch (error) {
      throw unreadable(file, error);
    }
    for (const row of rows) {
      line++;
      for (let i = 0; i < columns.length; i++) {
        const [text, kind] = cellOf(row[i], columns[i] as Column);
        fields[i] = text;
        kinds[i] = kind;
      }
      onRow(fields, line, kinds);
    }
    start = end;
  }
  return { rows: line - 1 };
}

function columnOf(element: SchemaElement, nested: boolean): Column {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (nested) return { name: element.name, kind: 'other', scale: 0 };
  if (logical === 'DECIMAL' || converted === 'DECIMAL')
    return { name: element.name, kind: 'decimal', scale: element.scale ?? 0 };
  if (element.type === 'DOUBLE') return { name: element.name, kind: 'double', scale: 0 };
  if (element.type === 'FLOAT') return { name: element.name, kind: 'float', scale: 0 };
  if (
    (element.type === 'INT32' || element.type === 'INT64') &&
    logical !== 'DATE' &&
    logical !== 'TIMESTAMP' &&
    logical !== 'TIME' &&
    converted !== 'DATE' &&
    !String(converted ?? '').startsWith('TIME')
  ) {
    return { name: element.name, kind: 'integer', scale: 0 };
  }
  return { name: element.name, kind: 'other', scale: 0 };
}

function cellOf(value: unknown, column: Column): [string, number] {
  if (value === null || value === undefined) return ['', TEXT_CELL];
  if (typeof value === 'bigint') return [value.toString(), NUMBER_CELL];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return [String(value), TEXT_CELL];
    // A decimal arrives as the double nearest to it; with its scale it prints back exactly.
    if (column.kind === 'decimal') return [trimZeros(value.toFixed(Math.min(column.scale, 20))), NUMBER_CELL];
    return [numberText(value, column.kind === 'float' ? 7 : 15), NUMBER_CELL];
  }
  if (value instanceof Date) return [Number.isNaN(value.getTime()) ? '' : isoDay(value), TEXT_CELL];
  if (typeof value === 'string') return [value, TEXT_CELL];
  if (typeof value === 'boolean') return [value ? 'true' : 'false', TEXT_CELL];
  return [JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)), TEXT_CELL];
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(bytes.length);
  new Uint8Array(out).set(bytes);
  return out;
}

function unreadable(file: string, error: unknown): FolioError {
  if (error instanceof FolioError) return error;
  return new FolioError({
    code: 'BAD_PARQUET',
    file,
    says: says('BAD_PARQUET', { reason: error instanceof Error ? error.message : String(error) }),
  });
}
