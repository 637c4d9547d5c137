import type { Encoding } from '../io/encoding.js';
import type { Escape } from '../io/sniff-escape.js';
import type { Source } from '../io/read-table.js';
import type { UnpackLimits } from '../io/limits.js';
import type { ColumnOverrides } from '../normalize/columns.js';
import type { DayOrder } from '../normalize/dates.js';
import type { DecimalMark } from '../normalize/numbers.js';
import type { Problem } from '../normalize/problems.js';
import { ClientNames } from '../normalize/client-names.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { NameSink } from './name-sink.js';

/** How to read one input (CSV, workbook, HTML table or Parquet); every field can be left to detection. */
export interface InputOptions {
  source: Source;
  encoding: Encoding | undefined;
  delimiter: string | undefined;
  /** `--escape`: how a quote inside a quoted field is escaped (detected without it). */
  escape?: Escape | undefined;
  header: boolean;
  /** `--header-row N`: the 1-based line of the header row, instead of looking for it. */
  headerRow?: number | undefined;
  map: ColumnOverrides;
  decimal: DecimalMark | null;
  dayOrder: DayOrder | null;
  skipInvalid: boolean;
  /** Longest record in characters before the file is declared broken. */
  maxRecordLength: number;
  /** `--sheet NAME|N`: the worksheet of a workbook (the first visible one without it). */
  sheet?: string | undefined;
  /** What a workbook may unpack to (`--max-unpacked`, `--max-cells`). */
  limits?: UnpackLimits | undefined;
  /** When given, every bad row's problem is added here (`folio check` lists them all). */
  collect?: Problem[];
  /**
   * Fold lines repeated whole (same ID). It costs memory per distinct ID; `--no-fold` turns
   * it off for exports of many millions of rows known to hold no repeats.
   */
  fold: boolean;
  /** Under `--redact`: every name read is reported here, and bad cells are not quoted. */
  names?: NameSink;
  /** The run's clients: one for every input of a command, so that a client is one key in all of them (`--exact-names` sets its matching). */
  clientNames?: ClientNames;
  /** `--threads N`: how many threads read a CSV deals file from its bytes (undefined: one per core, at most one per 4 MiB, for files of 16 MiB and more). */
  threads?: number | undefined;
  /** The status words (built in, and the user's `--won`, `--lost`, `--open`): a headerless file's status column is told by them. */
  vocabulary?: Vocabulary;
  /** Set by the reader in parts, not by users: the byte at which the first part stops. */
  stopAt?: number | undefined;
}

export const DEFAULT_MAX_RECORD = 1024 * 1024;

/**
 * The run's clients, as the inputs carry them (the command line gives all of a command's
 * inputs the same one); where none carries one, a new one that all of them carry from now on.
 */
export function clientNamesOf(...inputs: (readonly InputOptions[] | null | undefined)[]): ClientNames {
  const all = inputs.flatMap((list) => list ?? []);
  const names = all.find((input) => input.clientNames !== undefined)?.clientNames ?? new ClientNames();
  for (const input of all) input.clientNames ??= names;
  return names;
}
