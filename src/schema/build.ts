import type { Warning } from '../codes/warnings.js';
import { SCHEMA_VERSION } from './version.js';

/*
 * The envelope's types and builder, apart from its zod schemas (src/schema/envelope.ts), so
 * that a command run does not load zod at start-up: only `folio schema` and the tests
 * validate against the schemas.
 */
/**
 * What happened to the rows of one input: `used + excluded + folded + totals + skipped = rows`.
 * `rows` counts the data records below the header; blank records are counted apart in `blank`.
 */
export interface InputReport {
  file: string;
  role: string;
  encoding: string;
  delimiter: string;
  /** 1-based line of the header row (0 when the file is read without one). */
  headerLine: number;
  rows: number;
  used: number;
  excluded: Record<string, number>;
  folded: number;
  /** Totals and subtotals rows (`Итого`, `Grand total`): never a client. */
  totals: number;
  skipped: number;
  /** Records that are empty or hold only spaces and delimiters: ignored. */
  blank: number;
  columns: Record<string, string>;
  /**
   * Deals and leads read with a status column (or a won column): each status value, what it
   * was read as and on how many rows, most rows first. Absent when the file has none.
   */
  statuses?: StatusCount[];
}

/** One status value of an input and what it counted as; `value` null sums the values past those listed, by role. */
export interface StatusCount {
  value: string | null;
  role: 'won' | 'lost' | 'open' | 'refund' | 'unknown';
  rows: number;
}

export type { Warning } from '../codes/warnings.js';

/** A warning as the JSON carries it. */
export type WarningJson = Warning & { message: string };

export interface Envelope<R> {
  schemaVersion: typeof SCHEMA_VERSION;
  command: string;
  period: { from: string | null; to: string | null } | null;
  inputs: InputReport[];
  result: R;
  warnings: WarningJson[];
}

/** The one JSON shape of every command (docs/json.md). */
export function buildEnvelope<R>(
  command: string,
  period: { from: string | null; to: string | null } | null,
  inputs: InputReport[],
  result: R,
  warnings: WarningJson[],
): Envelope<R> {
  return { schemaVersion: SCHEMA_VERSION, command, period, inputs, result, warnings };
}
