import { RevenueLedger, type LedgerData } from '../analyses/ledger.js';
import { fieldText, type ByteRecord } from '../io/byte-scanner.js';
import { spanText, type SpanText } from '../io/byte-text.js';
import { readCsvRange, type CsvRange } from '../io/read-range.js';
import type { NameMatching } from '../normalize/client-key.js';
import { ClientNames, type SpellingData } from '../normalize/client-names.js';
import type { ColumnMapping } from '../normalize/columns.js';
import type { DayOrder } from '../normalize/dates.js';
import type { RepeatTable } from '../normalize/repeat-table.js';
import { DealRepeats } from '../normalize/deal-repeats.js';
import type { Conventions } from '../normalize/converter-base.js';
import { AS_TEXT, DealByteConverter, FUSED_DECLINED, FUSED_FOLDED } from '../normalize/deal-bytes.js';
import type { Deal } from '../normalize/deals.js';
import type { DecimalMark } from '../normalize/numbers.js';
import type { ClassifierSnapshot } from '../normalize/phrase-classifier.js';
import { Problems } from '../normalize/problems.js';
import { RowFeed } from '../normalize/row-feed.js';
import type { StatusKind } from '../normalize/vocabulary.js';
import { FusedDealWalker, FusedSums, sumsFused, type FusedRecordHandler } from './deal-fused.js';
import { DealSink, type DealTargets } from './deal-sink.js';
import { isBlank } from './table-source.js';
import type { DealFilter } from './deals.js';

/** A byte range of a deals file after its first part, and all a thread needs to read it as the first part's reader would. */
export interface DealPartJob {
  range: CsvRange;
  mapping: ColumnMapping;
  decimal: DecimalMark | null;
  dayOrder: DayOrder | null;
  /** What the head settled: the part reads on under it, as one pass would. */
  conventions: Conventions;
  fold: boolean;
  filter: Omit<DealFilter, 'history' | 'historyOnly'>;
  /** Header keys of the input's first file: the order cells are hashed in for folding. */
  firstColumns: string[] | null;
  /** How client names are keyed (`--exact-names`). */
  matching: NameMatching;
}

/**
 * A part's first rows of IDs: the table itself when the part was read on this thread; from a
 * worker thread, its chunks of entries (four words an entry, `RepeatTable.eachChunk`), moved
 * across rather than copied, with their number and lines.
 */
export type PartIds = { table: RepeatTable } | { chunks: Int32Array[]; size: number; lines: Int32Array };

/** How one column of a part was read, with lines counted from the part's first. */
export interface PartColumn {
  field: string;
  /** The decimal mark or day order, null while nothing settled it. */
  convention: string | null;
  settledAt: number;
  rounded: number;
  firstRounded: number;
  /** Of a date column: values read as Excel serial dates, and the first (its line counted from the part's first). */
  serials: number;
  firstSerial: { line: number; raw: string; day: number } | null;
}

/** What a part read: sums and counts to add to the first part's, in plain data. */
export interface DealPartResult {
  /** The line after the part's last record, counted from 1 at its first. */
  nextLine: number;
  rows: number;
  blank: number;
  /** The rows of each client spelling, which decide the name shown. */
  names: SpellingData;
  ledger: LedgerData;
  previous: LedgerData | null;
  trailing: LedgerData | null;
  /** Currency, rows, first line. */
  currencies: [string, number, number][];
  excluded: { status: number; period: number; currency: number; undated: number };
  firstDay: number;
  lastDay: number;
  used: number;
  undated: number;
  folded: number;
  wonRows: number;
  contactClients: number;
  repeatedIds: number;
  /** Won rows left out for a blank amount, and the first of their lines (counted from the part's first). */
  blankAmounts: number;
  firstBlankAmount: number;
  /** Refund rows whose positive amount was taken as negative; rows where a won column and the status words disagree. */
  refundsFlipped: number;
  statusOnlyWon: number;
  flagOnlyWon: number;
  /** The first row of each ID; null with folding off. */
  ids: PartIds | null;
  amounts: PartColumn[];
  dates: PartColumn[];
  statuses: ClassifierSnapshot<StatusKind>;
  /**
   * Why this part cannot be added up as it stands, or null: a problem, a totals row or a
   * row that waited for its column's convention all depend on the rows before the part,
   * and then the whole file is read again on one thread.
   */
  unsure: string | null;
}

/**
 * A guess at the bytes a deal row with an ID takes, to size a part's index of IDs: deal rows
 * are seldom shorter (an ID, a client, an amount, a status, a date), and a guess too small only
 * lets the index grow once or twice as it would have anyway.
 */
const BYTES_PER_ID = 48;

/**
 * Read one part of a deals file (on a worker thread, or on this one), from its bytes: rows of
 * the common shapes straight into the sums, the rest from their text through the same
 * converter (deal-bytes.ts). Reading stops at the first row that makes the part unsure.
 * `progress` is told the bytes of the part read so far.
 */
export async function readDealPart(job: DealPartJob, progress?: (bytes: number) => void): Promise<DealPartResult> {
  const file = job.range.file;
  const problems = new Problems(true);
  const span = spanText(job.range.encoding);
  const converter = new DealByteConverter(
    job.mapping,
    {
      file,
      decimal: job.decimal,
      dayOrder: job.dayOrder,
      vocabulary: job.filter.vocabulary,
      fold: job.fold,
      repeats: new DealRepeats(
        job.firstColumns,
        job.fold ? Math.floor((job.range.end - job.range.start) / BYTES_PER_ID) : 0,
      ),
    },
    problems,
    span,
  );
  converter.carryOn(job.conventions);
  const filter: DealFilter = { ...job.filter, history: null };
  const names = new ClientNames(job.matching);
  const targets: DealTargets = {
    names,
    ledger: new RevenueLedger(names),
    previous: filter.previous ? new RevenueLedger(names) : null,
    trailing: filter.trailing ? new RevenueLedger(names) : null,
    currencies: new Map(),
    history: null,
  };
  const sink = sumsFused(filter) ? new FusedSums(file, targets, converter) : new DealSink(filter, file, targets);
  const feed = new RowFeed<Deal>(converter, sink.accept);
  const fields: string[] = [];
  let rows = 0;
  let blank = 0;
  let nul = false;
  const fused = sink instanceof FusedSums && converter.fusable ? sink : null;
  const onRecord: FusedRecordHandler = (r, hashes) => {
    if (blankRecord(r, span, fields)) {
      blank++;
      return;
    }
    rows++;
    if (fused !== null && hashes !== null && feed.heldRows === 0) {
      const kind = converter.fusedRow(r, hashes);
      if (kind !== FUSED_DECLINED) {
        if (kind !== FUSED_FOLDED) fused.takeFused(kind);
        return;
      }
    }
    const deal = feed.heldRows === 0 ? converter.convertBytes(r, hashes) : AS_TEXT;
    if (deal === AS_TEXT) {
      feed.push(textOf(r, span, fields), r.line);
    } else if (deal !== null) {
      sink.accept(deal, converter.clientNumber, converter);
    }
  };
  const nextLine = await readCsvRange(
    job.range,
    (r) => onRecord(r, null),
    (bytes, read) => {
      progress?.(bytes);
      // The text reader drops NUL bytes and counts them, with the line of the first: such a file is read as text.
      if (!nul && read.includes(0)) nul = true;
      return nul || problems.count > 0 || converter.totals > 0 || feed.heldRows > 0;
    },
    (scanner) =>
      new FusedDealWalker(
        scanner,
        {
          delimiter: job.range.delimiter.charCodeAt(0),
          fields: job.mapping.headers.length,
          hashed: converter.keptFields,
          maxRecordLength: job.range.maxRecordLength,
        },
        onRecord,
      ),
  );
  if (sink instanceof FusedSums) sink.flush();
  const unsure = nul
    ? 'NUL bytes'
    : problems.count > 0
      ? 'a row with a problem'
      : converter.totals > 0
        ? 'a totals row'
        : feed.heldRows > 0
          ? 'a row that waited for its column to settle'
          : null;
  return {
    nextLine,
    rows,
    blank,
    names: names.toData(),
    ledger: targets.ledger.toData(),
    previous: targets.previous?.toData() ?? null,
    trailing: targets.trailing?.toData() ?? null,
    currencies: [...targets.currencies].map(([currency, c]) => [currency, c.rows, c.line]),
    excluded: sink.excluded,
    firstDay: sink.firstDay,
    lastDay: sink.lastDay,
    used: sink.used,
    undated: sink.undated,
    folded: converter.folded,
    wonRows: converter.wonRows,
    contactClients: converter.contactClients,
    repeatedIds: converter.repeatedIdCount,
    blankAmounts: converter.blankAmounts,
    firstBlankAmount: converter.firstBlankAmount,
    refundsFlipped: converter.refundsFlipped,
    statusOnlyWon: converter.statusOnlyWon,
    flagOnlyWon: converter.flagOnlyWon,
    ids: job.fold ? { table: converter.idTable } : null,
    amounts: [...converter.amounts].map(([field, c]) => ({
      field,
      convention: c.mark,
      settledAt: c.settledAt,
      rounded: c.rounded,
      firstRounded: c.firstRounded,
      serials: 0,
      firstSerial: null,
    })),
    dates: [...converter.dates].map(([field, c]) => ({
      field,
      convention: c.order,
      settledAt: c.settledAt,
      rounded: 0,
      firstRounded: 0,
      serials: c.serials,
      firstSerial: c.firstSerial,
    })),
    statuses: converter.statuses.snapshot(),
    unsure,
  };
}

/**
 * A record of empty or blank fields, as `isBlank` tells from their text: a field whose first
 * byte is past the space (an ASCII character, or the first byte of one beyond ASCII, all
 * above U+0020) is not blank; one starting with a space or a control is looked at as text.
 */
function blankRecord(r: ByteRecord, span: SpanText, fields: string[]): boolean {
  for (let f = 0; f < r.count; f++) {
    const start = r.start[f] as number;
    if (start === (r.end[f] as number)) continue;
    if ((r.bytes[start] as number) > 32) return false;
    return isBlank(textOf(r, span, fields));
  }
  return true;
}

/** The record's fields as text, in `fields` (reused from row to row). */
function textOf(r: ByteRecord, span: SpanText, fields: string[]): string[] {
  fields.length = r.count;
  for (let f = 0; f < r.count; f++) fields[f] = fieldText(r, f, span.text);
  return fields;
}
