import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { type LedgerData, RevenueLedger } from '../analyses/ledger.js';
import { reportProgress } from '../io/progress.js';
import { lineStartsAfter, tableKind } from '../io/read-table.js';
import { ClientNames, type SpellingData } from '../normalize/client-names.js';
import { AmountColumn, DateColumn } from '../normalize/column-readers.js';
import { DealRepeats } from '../normalize/deal-repeats.js';
import type { RepeatTable } from '../normalize/repeat-table.js';
import type { ColumnMapping } from '../normalize/columns.js';
import { DEAL_NEEDS, DealConverter } from '../normalize/deals.js';
import { INFER_ROWS } from '../normalize/headerless.js';
import type { DayOrder } from '../normalize/dates.js';
import type { DecimalMark } from '../normalize/numbers.js';
import type { DealPartJob, DealPartResult, PartColumn, PartIds } from './deal-part.js';
import { DealSink, type DealTargets } from './deal-sink.js';
import type { DealFilter } from './deals.js';
import { trace } from '../io/trace.js';
import type { InputOptions } from './input-options.js';
import { loadRows, type LoadedRows, type SameFields } from './rows.js';
import type { ReportShape } from './table-source.js';

/**
 * Below this size a file is read as text on one thread unless `--threads` says otherwise: the
 * byte reader and a thread's start cost more than they save on few rows.
 */
export const AUTO_MIN_BYTES = 16 * 1024 * 1024;
/** Parts are at least this big when the number of threads is the default. */
const AUTO_PART_BYTES = 4 * 1024 * 1024;
/**
 * The head of a file, read as text before the parts: the title lines, the header, the
 * encoding and the delimiter are found there as in any file. About this many bytes, to the
 * next line start, or a share of a small file as big as each part's.
 */
const HEAD_BYTES = 1024 * 1024;

export type PartOutcome = { result: DealPartResult } | { error: string };
/**
 * Reads part `k` of `count` once its job is known, telling `progress` the bytes it has read.
 * It is called before the header is read, so that a thread can start while the head is read;
 * a null job means it is not needed.
 */
export type PartRunner = (
  job: Promise<DealPartJob | null>,
  k: number,
  count: number,
  progress: (bytes: number) => void,
) => Promise<PartOutcome>;

/**
 * Where the head ends and each later part begins, or null when the file is read as text in
 * one go. A large file (or any, under `--threads N`) is read as a head and N parts from their
 * bytes: N − 1 on worker threads and the last on this one.
 */
export async function partCuts(
  options: InputOptions,
  filter: DealFilter,
): Promise<{ cuts: number[]; size: number } | null> {
  // Only a CSV file on disk in UTF-8 or a code page can be cut at its line feeds; names
  // learnt under --redact, problems collected for `check` and the history of `report` and
  // `dynamics` are gathered in the order rows are read, so those are read in one go.
  if (options.source.path === '-' || options.names || options.collect || filter.history || options.sheet !== undefined)
    return null;
  // Backslash escapes are read by the text scanner only (the byte scanner knows RFC 4180
  // quoting alone); a file detected as such in its head is read again as text below.
  if (options.encoding?.startsWith('utf-16') || options.escape === 'backslash') return null;
  // A path that cannot be read is left to the one-thread reader, which says why.
  const info = await stat(options.source.path).catch(() => null);
  if (info === null || !info.isFile()) return null;
  const size = info.size;
  // `--threads 1` on a small file is the plain reading every other is held to (test/e2e/threads.test.ts).
  if (size < AUTO_MIN_BYTES && (options.threads ?? 1) === 1) return null;
  const threads = options.threads ?? Math.max(1, Math.min(availableParallelism(), Math.floor(size / AUTO_PART_BYTES)));
  if (!(await plainText(options.source.path))) return null;
  const head = Math.min(HEAD_BYTES, Math.floor(size / (threads + 1)));
  const starts = [
    head,
    ...Array.from({ length: threads - 1 }, (_, k) => head + Math.floor(((size - head) * (k + 1)) / threads)),
  ];
  const cuts = await lineStartsAfter(options.source.path, size, starts);
  return cuts.length === 0 ? null : { cuts, size };
}

/** The file starts as CSV text that is not UTF-16: no workbook, Parquet or HTML signature, no zero bytes. */
async function plainText(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sample = head.subarray(0, bytesRead);
    return (
      tableKind(sample) === 'csv' &&
      !sample.includes(0) &&
      !(sample[0] === 0xff && sample[1] === 0xfe) &&
      !(sample[0] === 0xfe && sample[1] === 0xff)
    );
  } finally {
    await handle.close();
  }
}

/** What the caller's one-thread reader would have left: the rows as read, and where the deals went. */
export interface DealFileRead {
  loaded: LoadedRows<DealConverter>;
  sink: DealSink;
}

/** What every file of a deals input adds to (deals.ts keeps it). */
export interface DealInputTotals extends Omit<DealTargets, 'history'> {
  repeats: DealRepeats;
  fields: SameFields;
}

/**
 * Read a deals file in parts: this thread reads the head (header and all) as text, then the
 * parts are read from their bytes, the last on this thread and the others on worker threads,
 * and added up as one pass would have counted them.
 * Null, with nothing added to `totals`, whenever that cannot be sure: a part with a problem,
 * a totals row, a row that waited for its column's convention or an error (a cut inside a
 * quoted field ends the part before it in an open quote), parts that settled a column
 * differently, or an ID whose first row is in another part or an earlier file. The caller
 * then reads the file on one thread, which reports what there is to report.
 */
export async function readDealsInParts(
  options: InputOptions,
  filter: DealFilter,
  totals: DealInputTotals,
  /** Where the parts begin, and whether a later file of the input will be compared with this one's IDs. */
  plan: { cuts: number[]; size: number; keepIds: boolean },
  /** The checks of the header mapping the one-thread reader makes (they throw). */
  checkMapping: (mapping: ColumnMapping, shape: ReportShape) => number | null,
  run: PartRunner = (job, k, count, progress) =>
    k === count - 1 ? onThisThread(job, progress) : onWorker(job, progress),
): Promise<DealFileRead | null> {
  const file = options.source.name;
  // The head counts apart until the parts are sure: a file read again on one thread must not count twice.
  const names = new ClientNames(totals.names.matching);
  const targets: DealTargets = {
    names,
    ledger: new RevenueLedger(names),
    previous: totals.previous ? new RevenueLedger(names) : null,
    trailing: totals.trailing ? new RevenueLedger(names) : null,
    currencies: new Map(),
    history: null,
  };
  const sink = new DealSink(filter, file, targets);
  const jobs = plan.cuts.map(() => deferred<DealPartJob | null>());
  const began = performance.now();
  // The progress line counts the head (reported as it is read) and what each part has read.
  const partBytes = jobs.map(() => 0);
  const progress = (k: number) => (bytes: number) => {
    partBytes[k] = bytes;
    reportProgress(file, (plan.cuts[0] as number) + partBytes.reduce((a, b) => a + b, 0), plan.size);
  };
  const outcomes = jobs.map((job, k) =>
    run(job.promise, k, jobs.length, progress(k)).then((o) => ({ ...o, ms: performance.now() - began })),
  );
  let unsure: string | null = null;
  let loaded: LoadedRows<DealConverter>;
  try {
    loaded = await loadRows(
      { ...options, stopAt: plan.cuts[0], collect: undefined },
      DEAL_NEEDS,
      (map, problems, format, shape) => {
        // A file without header has its columns told from its first rows: from fewer than one
        // pass would take (a short head), the parts might read another mapping. Such a file
        // is read again in one go, whose mapping is the one to hold to the input's other files.
        if (map.headerless !== null && map.headerless.rows < INFER_ROWS) unsure = 'a headerless head too short';
        // Rows dated by a report's title are read in one go, where the converter is told the day.
        else if (checkMapping(map, shape) !== null) unsure = 'rows dated by the title';
        const converter = new DealConverter(
          map,
          {
            file,
            decimal: options.decimal,
            dayOrder: options.dayOrder,
            vocabulary: filter.vocabulary,
            fold: options.fold,
            repeats: new DealRepeats(totals.repeats.firstColumns),
          },
          problems,
        );
        if (format.encoding.startsWith('utf-16')) unsure = 'UTF-16 text';
        else if (format.escape === 'backslash') unsure = 'backslash escapes';
        else if (converter.readsProductRows) unsure = 'product rows';
        return converter;
      },
      sink.accept,
    );
  } catch (error) {
    for (const job of jobs) job.resolve(null);
    await Promise.all(outcomes);
    return gaveUp(file, error instanceof Error ? error.message : String(error));
  }
  // The parts start once the head is read, from the decimal marks and day orders it settled
  // (one pass reads the rows after the head under them too); a worker thread loads meanwhile.
  const conv = loaded.converter;
  if (unsure === null && loaded.format.nuls.count > 0) unsure = 'NUL bytes';
  const headSure = unsure === null && loaded.problems.count === 0 && conv.totals === 0 && loaded.heldRows === 0;
  const { format, mapping } = loaded;
  const { vocabulary, period, previous, trailing, currency } = filter;
  const conventions = conv.conventions();
  jobs.forEach((job, k) => {
    const range = {
      path: options.source.path,
      file,
      start: plan.cuts[k] as number,
      end: plan.cuts[k + 1] ?? plan.size,
      encoding: format.encoding,
      delimiter: format.delimiter,
      maxRecordLength: options.maxRecordLength,
    };
    job.resolve(
      headSure
        ? {
            range,
            mapping,
            decimal: options.decimal,
            dayOrder: options.dayOrder,
            conventions,
            fold: options.fold,
            filter: { vocabulary, period, previous, trailing, currency },
            firstColumns: totals.repeats.firstColumns,
            matching: names.matching,
          }
        : null,
    );
  });
  const headMs = performance.now() - began;
  const results = await Promise.all(outcomes);
  if (unsure !== null) return gaveUp(file, unsure);
  if (!headSure) return gaveUp(file, 'a problem, a totals row or a waiting row in the head');
  const parts: DealPartResult[] = [];
  for (const o of results) {
    if ('error' in o) return gaveUp(file, o.error);
    if (o.result.unsure !== null) return gaveUp(file, o.result.unsure);
    parts.push(o.result);
  }

  // Each part numbered its lines from 1; the first part's are the file's.
  const bases: number[] = [];
  let base = (loaded.format.nextLine ?? 1) - 1;
  for (const p of parts) {
    bases.push(base);
    base += p.nextLine - 1;
  }
  const why =
    settleColumns(conv, parts, bases, options.decimal, options.dayOrder) ??
    absorbStatuses(conv, parts) ??
    (options.fold ? joinIdLines(conv, parts, bases, totals.repeats, plan.keepIds) : null);
  if (why !== null) return gaveUp(file, why);

  // Sure now: from here on the parts are added to the input's totals.
  totals.repeats.begin(file, loaded.mapping.headers);
  if (options.fold && plan.keepIds) {
    if (totals.repeats.idLines.size === 0) totals.repeats.adopt(conv.idTable);
    else {
      const { words, lines } = conv.idTable.entries();
      for (let e = 0; e < lines.length; e++) totals.repeats.idLines.add(words, e, lines[e] as number);
    }
  }
  const all: {
    names: SpellingData;
    ledger: LedgerData;
    previous: LedgerData | null;
    trailing: LedgerData | null;
    currencies: [string, number, number][];
    base: number;
  }[] = [
    {
      names: names.toData(),
      ledger: targets.ledger.toData(),
      previous: targets.previous?.toData() ?? null,
      trailing: targets.trailing?.toData() ?? null,
      currencies: [...targets.currencies].map(([c, s]) => [c, s.rows, s.line]),
      base: 0,
    },
    ...parts.map((p, k) => ({ ...p, base: bases[k] as number })),
  ];
  for (const part of all) {
    totals.names.absorb(part.names);
    totals.ledger.absorb(part.ledger);
    if (part.previous) totals.previous?.absorb(part.previous);
    if (part.trailing) totals.trailing?.absorb(part.trailing);
    for (const [currency, rows, line] of part.currencies) {
      const seen = totals.currencies.get(currency);
      if (seen) seen.rows += rows;
      else totals.currencies.set(currency, { rows, file, line: part.base + line });
    }
  }
  for (const [k, p] of parts.entries()) {
    conv.countBlankAmount(p.blankAmounts, (bases[k] as number) + p.firstBlankAmount);
    loaded.rows += p.rows;
    loaded.blank += p.blank;
    sink.used += p.used;
    sink.undated += p.undated;
    sink.excluded.status += p.excluded.status;
    sink.excluded.period += p.excluded.period;
    sink.excluded.currency += p.excluded.currency;
    sink.excluded.undated += p.excluded.undated;
    sink.firstDay = Math.min(sink.firstDay, p.firstDay);
    sink.lastDay = Math.max(sink.lastDay, p.lastDay);
    conv.addPartCounts(p);
  }
  trace(
    `${file}: read in ${parts.length} part${parts.length === 1 ? '' : 's'} on as many threads, after a head of ${plan.cuts[0]} bytes (head done at ${headMs.toFixed(0)} ms, parts at ${results.map((o) => o.ms.toFixed(0)).join(', ')} ms, added up at ${(performance.now() - began).toFixed(0)} ms)`,
  );
  return { loaded, sink };
}

function gaveUp(file: string, why: string): null {
  trace(`${file}: read again on one thread (${why})`);
  return null;
}

/**
 * Give the first part's columns what the later parts settled and counted. A value read
 * before its column settled reads the same under either convention unless it proves one,
 * and then it settles its part's column: so parts agree with one pass exactly when every
 * convention they settled is the one settled first.
 */
function settleColumns(
  conv: DealConverter,
  parts: DealPartResult[],
  bases: number[],
  decimal: DecimalMark | null,
  dayOrder: DayOrder | null,
): string | null {
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as DealPartResult;
    const base = bases[k] as number;
    for (const c of part.amounts) {
      let column = conv.amounts.get(c.field);
      if (!column) conv.amounts.set(c.field, (column = new AmountColumn(decimal)));
      if (!settle(column, 'mark', c, base)) return `parts read the decimal marks of ${c.field} differently`;
      if (c.rounded > 0) {
        if (column.rounded === 0) column.firstRounded = base + c.firstRounded;
        column.rounded += c.rounded;
      }
    }
    for (const c of part.dates) {
      let column = conv.dates.get(c.field);
      if (!column) conv.dates.set(c.field, (column = new DateColumn(dayOrder)));
      if (!settle(column, 'order', c, base)) return `parts read the day order of ${c.field} differently`;
      if (c.firstSerial !== null) {
        column.firstSerial ??= { ...c.firstSerial, line: base + c.firstSerial.line };
        column.serials += c.serials;
      }
    }
  }
  return null;
}

function settle<K extends 'mark' | 'order'>(
  column: { settledAt: number } & Record<K, string | null>,
  key: K,
  part: PartColumn,
  base: number,
): boolean {
  if (part.convention === null) return true;
  if (column[key] === null) {
    (column as Record<K, string | null>)[key] = part.convention;
    column.settledAt = part.settledAt > 0 ? base + part.settledAt : 0;
    return true;
  }
  return column[key] === part.convention;
}

function absorbStatuses(conv: DealConverter, parts: DealPartResult[]): string | null {
  for (const p of parts) if (!conv.statuses.absorb(p.statuses)) return 'more status spellings than are kept';
  return null;
}

/**
 * The later parts' first rows of IDs join the head's table (in file order, on their true
 * lines) when a later file of the input is to be compared with them; an ID already there, or
 * kept from an earlier file, would have been compared with that first row in one pass: the
 * parts cannot tell, so the file is read again. Otherwise the IDs need only be looked up, and
 * the last part's table (read on this thread: the biggest) is looked into where it lies, so
 * that no table of all of them is made (1e7 rows: about 90 MB less at the peak).
 */
function joinIdLines(
  conv: DealConverter,
  parts: DealPartResult[],
  bases: number[],
  repeats: DealRepeats,
  keep: boolean,
): string | null {
  const table = conv.idTable;
  const lastIds = parts[parts.length - 1]?.ids ?? null;
  const lastTable = !keep && lastIds !== null && 'table' in lastIds ? lastIds.table : null;
  // IDs looked up and not added to `table`: those of the part before a last one looked into, or of a last part that came from a worker.
  const aside: PartIds[] = [];
  const inTwo = 'a deal ID whose rows are in two parts';
  let why: string | null = null;
  for (let k = 0; k < parts.length && why === null; k++) {
    const ids = (parts[k] as DealPartResult).ids;
    if (!ids || (lastTable !== null && k === parts.length - 1)) continue;
    if (!keep && k >= parts.length - (lastTable === null ? 1 : 2)) {
      eachIdChunk(ids, (words, count) => {
        for (let e = 0; e < count && why === null; e++) if (table.find(words, e) >= 0) why = inTwo;
      });
      aside.push(ids);
      continue;
    }
    const base = bases[k] as number;
    const lines = 'table' in ids ? ids.table.allLines() : ids.lines;
    eachIdChunk(ids, (words, count, first) => {
      for (let e = 0; e < count && why === null; e++)
        if (table.add(words, e, base + (lines[first + e] as number)) >= 0) why = inTwo;
    });
  }
  if (why !== null) return why;
  const others: PartIds[] = [{ table }, ...aside];
  const lookUp = (into: RepeatTable, found: string): void => {
    for (const ids of others) {
      eachIdChunk(ids, (words, count) => {
        for (let e = 0; e < count && why === null; e++) if (into.find(words, e) >= 0) why = found;
      });
    }
  };
  if (lastTable !== null) lookUp(lastTable, inTwo);
  if (why === null && repeats.idLines.size > 0) {
    if (lastTable !== null) others.push({ table: lastTable });
    lookUp(repeats.idLines, 'a deal ID of an earlier file');
  }
  return why;
}

/** Each chunk of a part's entries, with how many it holds and the number of its first. */
function eachIdChunk(ids: PartIds, fn: (words: Int32Array, count: number, first: number) => void): void {
  if ('table' in ids) {
    let first = 0;
    ids.table.eachChunk((words, count) => {
      fn(words, count, first);
      first += count;
    });
    return;
  }
  let first = 0;
  for (const words of ids.chunks) {
    const count = Math.min(ids.size - first, words.length / 4);
    fn(words, count, first);
    first += count;
  }
}

/** Read a part on this thread, once the head has shown what it needs. */
async function onThisThread(job: Promise<DealPartJob | null>, progress: (bytes: number) => void): Promise<PartOutcome> {
  const given = await job;
  if (given === null) return { error: 'not needed' };
  try {
    // Loaded only for a file read in parts: the text reader's start-up does not pay for it.
    const { readDealPart } = await import('./deal-part.js');
    return { result: await readDealPart(given, progress) };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Read a part on a worker thread (`dist/deal-worker.js`, built beside this module), started at once. */
async function onWorker(job: Promise<DealPartJob | null>, progress: (bytes: number) => void): Promise<PartOutcome> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./deal-worker.js', import.meta.url));
  const outcome = new Promise<PartOutcome>((resolve) => {
    // Progress comes as it reads, then the outcome.
    worker.on('message', (message: PartOutcome | { progress: number }) =>
      'progress' in message ? progress(message.progress) : resolve(message),
    );
    worker.once('error', (error) => resolve({ error: error.message }));
    worker.once('exit', (code) => resolve({ error: `the thread exited with ${code}` }));
  });
  const given = await job;
  if (given === null) {
    await worker.terminate();
    return { error: 'not needed' };
  }
  worker.postMessage(given);
  return outcome;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
