import { resolve } from 'node:path';
import type { Amount } from '../normalize/money.js';
import { Option, type Command } from 'commander';
import { DEFAULT_CADENCE } from '../analyses/cadence.js';
import { DEFAULT_SHARE_OPTIONS, type ShareOptions } from '../analyses/share.js';
import { DEFAULT_MAX_RECORD, type InputOptions } from '../load/input-options.js';
import type { NameSink } from '../load/name-sink.js';
import type { ClientNames } from '../normalize/client-names.js';
import { chooseFormat, FORMATS, type Format } from '../run/formats.js';
import {
  BANDS_RULE,
  isCount,
  isFactor,
  isPercent,
  PERCENT_RULE,
  readBands,
  readBounds,
  readNumber,
  type Bands,
  type Bounds,
} from '../config/values.js';
import { DEFAULT_DYNAMICS, type DynamicsOptions } from '../analyses/dynamics.js';
import { FolioError } from '../folio-error.js';
import { says, type ErrorSays } from '../codes/error-fields.js';
import { parseEncodingName } from '../io/encoding.js';
import { ESCAPES, type Escape } from '../io/sniff-escape.js';
import { sourceOf } from '../io/read-table.js';
import { DEFAULT_UNPACK_LIMITS } from '../io/limits.js';
import { parseDayOrder, today, type DayOrder } from '../normalize/dates.js';
import { amountFromText, type DecimalMark } from '../normalize/numbers.js';
import { asOfFor, flagDate, parsePeriod, type AsOfSource, type Period } from '../normalize/period.js';
import { VOCABULARY_LISTS, type Vocabulary, type VocabularyList } from '../normalize/vocabulary.js';
import { LANGS, type Lang } from '../present/i18n.js';

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
/** Comma-separated values, accumulated over repeats of the flag. */
export const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
];

/** Options every command that reads an export (CSV, workbook, HTML table, Parquet) accepts. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option(
      '--map <field=header>',
      'use this column for a field (header name or 1-based position); repeatable',
      collect,
      [],
    )
    .option('--no-header', 'the file has no header row (map columns by position)')
    .addOption(
      new Option(
        '--header-row <line>',
        'the line the header row is on (found among the first 30 rows by default)',
      ).argParser(positiveInt('--header-row')),
    )
    .option('--encoding <name>', 'file encoding (utf-8, windows-1251, utf-16le, ...; detected by default)')
    .option('--delimiter <char>', 'field delimiter: , ; tab | (detected by default)')
    .option(
      '--escape <style>',
      'how a quote inside a quoted field is escaped: double ("", CSV) or backslash (\\", database dumps; \\N is empty); detected by default',
    )
    .option('--decimal <mark>', 'decimal mark of amounts: , or . (detected per column by default)')
    .option(
      '--date-format <order>',
      'day order of d/m/y dates: dd/mm/yyyy or mm/dd/yyyy (detected per column by default)',
    )
    .option('--skip-invalid', 'skip rows with bad values (counted in warnings) instead of stopping')
    .option(
      '--exact-names',
      'keep apart client names not spelt the same: no merging of case, quotes, punctuation or the place of a legal form (ООО, Inc)',
    )
    .option(
      '--no-exact-names',
      'merge the spellings of one client (the default), whatever the config file or FOLIO_EXACT_NAMES say',
    )
    .option('--no-fold', 'do not fold deal lines repeated whole (saves memory per row on huge exports)')
    .addOption(
      new Option(
        '--threads <n>',
        'threads that read a CSV deals file from its bytes (default for a file of 16 MiB or more: one per core, at most one per 4 MiB; a smaller file is read as text unless N > 1)',
      ).argParser(threadCount),
    )
    .addOption(
      new Option('--max-field-size <bytes>', 'longest record accepted')
        .default(DEFAULT_MAX_RECORD)
        .argParser(positiveInt('--max-field-size')),
    )
    .option(
      '--sheet <name|n>',
      'the worksheet of an .xlsx/.xlsm workbook, by name or 1-based number (default: the first visible)',
    )
    .addOption(
      new Option('--max-unpacked <size>', 'what a workbook may unpack to (bytes, or 512MiB, 2GiB)')
        .default(DEFAULT_UNPACK_LIMITS.maxBytes, '1GiB')
        .argParser(byteSize('--max-unpacked')),
    )
    .addOption(
      new Option('--max-cells <n>', 'cells (and shared strings) a workbook may hold')
        .default(DEFAULT_UNPACK_LIMITS.maxCells)
        .argParser(positiveInt('--max-cells')),
    );
}

/** `--max-unpacked 2GiB`: bytes, with an optional KiB/MiB/GiB (or KB/MB/GB, read as binary) unit. */
export function byteSize(flag: string): (text: string) => number {
  return (text) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?)?\s*$/i.exec(text);
    const unit = m?.[2]?.[0]?.toLowerCase();
    const n = m ? Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1) : NaN;
    if (!Number.isFinite(n) || n < 1) throw usage(says('FLAG_NOT_SIZE', { flag, text }));
    return Math.floor(n);
  };
}

/** Options of commands that print a result. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format: ${FORMATS.join(', ')} (default: from the --output file's extension, else table)`,
      ),
    )
    .option('--json', 'same as --format json')
    .option(
      '-o, --output <file>',
      'write the output to a file (atomically) instead of stdout; .html, .md, .json, .ndjson, .csv, .xlsx choose the format',
    )
    .addOption(
      new Option('--lang <lang>', 'language of tables, documents and workbooks (default from LANG)').choices([
        ...LANGS,
      ]),
    );
}

/** `--last N`: the N days up to and including as-of, instead of --period or --from/--to. */
export function addLastOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--last <days>', 'the N days up to and including --as-of (not with --period, --from, --to)').argParser(
      positiveInt('--last'),
    ),
  );
}

/** `--redact` and the key of its pseudonyms, for every command that prints names. */
export function addRedactOption(cmd: Command): Command {
  return cmd
    .option(
      '--redact',
      'replace client and person names with stable pseudonyms in every output, warnings and errors included (keyed by FOLIO_REDACT_KEY)',
    )
    .option(
      '--redact-key-file <file>',
      'the secret that keys the pseudonyms of --redact (instead of FOLIO_REDACT_KEY): without a key, a guessed name can be confirmed',
    );
}

/** Options that choose which deals count. */
export function addDealOptions(cmd: Command): Command {
  cmd
    .option('--period <period>', 'a month 2026-10, quarter 2026-Q3, half 2026-H1 or year 2026')
    .option('--from <date>', 'first day counted (inclusive)')
    .option('--to <date>', 'last day counted (inclusive)')
    .option('--as-of <date>', 'the last day of --last (default: today)');
  addLastOption(cmd);
  return addStatusOptions(cmd).option(
    '--currency <code>',
    'count only amounts in this currency (needed when a file mixes currencies)',
  );
}

/** Phrases added to the built-in status lists, for every command that reads statuses. */
export function addStatusOptions(cmd: Command): Command {
  return cmd
    .option('--won <values>', 'more statuses that count as won (comma-separated; word beginnings)', list, [])
    .option('--lost <values>', 'more statuses that count as lost (comma-separated)', list, [])
    .option(
      '--open <values>',
      'more statuses that are open: not revenue, and not warned about (comma-separated)',
      list,
      [],
    )
    .option(
      '--refund <values>',
      'more statuses of refunds, returns and credit notes: netted in as negative revenue (comma-separated)',
      list,
      [],
    );
}

/** The user's additions to every list of the vocabulary; a command without a list's flag adds nothing to it. */
export function vocabularyOf(flags: Partial<Record<VocabularyList, readonly string[]>>): Vocabulary {
  return Object.fromEntries(VOCABULARY_LISTS.map((name) => [name, flags[name] ?? []])) as Record<
    VocabularyList,
    readonly string[]
  >;
}

/** The concentration bands, for the commands that show the portfolio (share, report, check). */
export function addBandOption(cmd: Command): Command {
  const d = DEFAULT_SHARE_OPTIONS.bands;
  return cmd.addOption(
    new Option('--bands <percents>', "key clients' share bands: normal from, elevated above, mono above")
      .default(d, `${d.normal},${d.elevated},${d.mono}`)
      .argParser(bandsValue),
  );
}

/** Class thresholds of the share analysis, for every command that classifies clients. */
export function addThresholdOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--key <percent>', 'a client above this share is key')
        .default(DEFAULT_SHARE_OPTIONS.key)
        .argParser(percentValue('--key')),
    )
    .addOption(
      new Option('--critical <percent>', 'above this share: critical')
        .default(DEFAULT_SHARE_OPTIONS.critical)
        .argParser(percentValue('--critical')),
    )
    .addOption(
      new Option('--golden <percent>', 'above this share: golden')
        .default(DEFAULT_SHARE_OPTIONS.golden)
        .argParser(percentValue('--golden')),
    )
    .addOption(
      new Option('--max-key-clients <n>', 'warn when a manager carries more key clients')
        .default(DEFAULT_SHARE_OPTIONS.maxKeyPerManager)
        .argParser(positiveInt('--max-key-clients')),
    );
}

export interface ThresholdFlags {
  key: number;
  critical: number;
  golden: number;
  maxKeyClients: number;
  /** Only on the commands that show the portfolio. */
  bands?: Bands;
}

export function shareOptions(flags: ThresholdFlags): ShareOptions {
  if (!(flags.key < flags.critical && flags.critical < flags.golden)) {
    throw usage(says('THRESHOLDS_MUST_RISE', { key: flags.key, critical: flags.critical, golden: flags.golden }));
  }
  return {
    ...DEFAULT_SHARE_OPTIONS,
    key: flags.key,
    critical: flags.critical,
    golden: flags.golden,
    maxKeyPerManager: flags.maxKeyClients,
    bands: flags.bands ?? DEFAULT_SHARE_OPTIONS.bands,
  };
}

/** A second input named by a flag (`--deals FILE`): detected as usual (its header row too), mapped by its own `--deals-map`. */
export function secondInput(file: string, map: string[], raw: RawOptions): InputOptions {
  return inputOptions(file, {
    ...raw,
    map,
    encoding: undefined,
    delimiter: undefined,
    escape: undefined,
    header: true,
    headerRow: undefined,
    sheet: undefined,
  });
}

/**
 * The files of one role (`folio share a.csv b.csv`, `--deals a.csv --deals b.csv`), each
 * read with the same options: one table. Standard input can be read once, and a file named
 * twice (overlapping globs) would only fold into itself, so both are usage errors.
 */
export function severalInputs(
  files: readonly string[],
  raw: RawOptions,
  read: (file: string) => InputOptions = (file) => inputOptions(file, raw),
): InputOptions[] {
  stdinOnce(files);
  const seen = new Set<string>();
  for (const file of files) {
    const key = file === '-' ? file : resolve(file);
    if (seen.has(key)) throw usage(says('FILE_NAMED_TWICE', { file }));
    seen.add(key);
  }
  return files.map(read);
}

/** `-` may stand for one input only: standard input can be read once. */
export function stdinOnce(files: readonly string[]): void {
  if (files.filter((f) => f === '-').length > 1) {
    throw usage(says('STDIN_TWICE', {}));
  }
}

export interface RawOptions {
  map: string[];
  header: boolean;
  headerRow?: number | undefined;
  encoding?: string;
  delimiter?: string;
  escape?: string;
  decimal?: string;
  dateFormat?: string;
  skipInvalid?: boolean;
  maxFieldSize: number;
  sheet?: string | undefined;
  maxUnpacked?: number;
  maxCells?: number;
  fold?: boolean;
  threads?: number;
  /** `--format`; absent: from the `--output` file's extension, else table. */
  format?: string;
  json?: boolean;
  output?: string;
  lang?: Lang;
  period?: string;
  from?: string;
  to?: string;
  last?: number;
  asOf?: string;
  redact?: boolean;
  /** Set under `--redact`: where the inputs report the names they hold. */
  names?: NameSink;
  exactNames?: boolean;
  /** Set before the command runs: the run's clients, which every input keys its clients in. */
  clientNames?: ClientNames;
  won: string[];
  lost: string[];
  open: string[];
  refund: string[];
  currency?: string;
}

export function inputOptions(file: string, raw: RawOptions): InputOptions {
  const map: Record<string, string> = {};
  for (const entry of raw.map) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      throw usage(says('MAP_NOT_PAIR', { entry }));
    }
    map[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  if (raw.headerRow !== undefined && !raw.header) {
    throw usage(says('HEADER_ROW_AND_NO_HEADER', {}));
  }
  return {
    source: sourceOf(file),
    encoding: raw.encoding === undefined ? undefined : parseEncodingName(raw.encoding),
    delimiter: raw.delimiter === undefined ? undefined : parseDelimiter(raw.delimiter),
    escape: raw.escape === undefined ? undefined : parseEscape(raw.escape),
    header: raw.header,
    headerRow: raw.headerRow,
    map,
    decimal: raw.decimal === undefined ? null : parseDecimal(raw.decimal),
    dayOrder: raw.dateFormat === undefined ? null : dayOrder(raw.dateFormat),
    skipInvalid: raw.skipInvalid === true,
    maxRecordLength: raw.maxFieldSize,
    sheet: raw.sheet,
    limits: {
      maxBytes: raw.maxUnpacked ?? DEFAULT_UNPACK_LIMITS.maxBytes,
      maxCells: raw.maxCells ?? DEFAULT_UNPACK_LIMITS.maxCells,
    },
    fold: raw.fold !== false,
    threads: raw.threads,
    vocabulary: vocabularyOf(raw),
    ...(raw.names ? { names: raw.names } : {}),
    ...(raw.clientNames ? { clientNames: raw.clientNames } : {}),
  };
}

export function outputFormat(raw: RawOptions): Format {
  return chooseFormat(raw.format, raw.json === true, raw.output);
}

/** The period of --period, --from/--to or --last (counted back from --as-of). */
export function dealPeriod(raw: RawOptions): Period | null {
  return parsePeriod(
    raw.period,
    raw.from,
    raw.to,
    raw.last === undefined ? undefined : { days: raw.last, asOf: asOfDay(raw.asOf) },
  );
}

function parseDelimiter(text: string): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[text.toLowerCase()] ?? text;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw usage(says('BAD_DELIMITER', { text }));
  }
  return d;
}

function parseEscape(text: string): Escape {
  const t = text.trim().toLowerCase();
  const found = ESCAPES.find((e) => e === t);
  if (found === undefined) throw usage(says('BAD_ESCAPE', { text, escapes: [...ESCAPES] }));
  return found;
}

function parseDecimal(text: string): DecimalMark {
  const t = text.trim().toLowerCase();
  if (t === ',' || t === 'comma') return ',';
  if (t === '.' || t === 'point' || t === 'dot') return '.';
  throw usage(says('BAD_DECIMAL', { text }));
}

function dayOrder(text: string): DayOrder {
  const order = parseDayOrder(text);
  if (order === null) {
    throw usage(says('BAD_DATE_FORMAT', { text }));
  }
  return order;
}

export function positiveInt(flag: string): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!isCount(n)) throw usage(says('FLAG_NOT_COUNT', { flag, text }));
    return n;
  };
}

/**
 * Threads past this many are refused: each holds a part's tables and a start of its own, and
 * on a 2-core machine 64 threads already took ten times as long as two, and 1.1 GB (docs/inputs.md).
 */
const MAX_THREADS = 64;

function threadCount(text: string): number {
  const n = Number(text);
  if (!isCount(n) || n > MAX_THREADS)
    throw usage(says('FLAG_VALUE', { flag: '--threads', text, what: `a whole number from 1 to ${MAX_THREADS}` }));
  return n;
}

export function percentValue(flag: string): (text: string) => number {
  return (text) => {
    const n = readNumber(text);
    if (n === null || !isPercent(n)) throw usage(says('FLAG_NOT_PERCENT', { flag, text, rule: PERCENT_RULE }));
    return n;
  };
}

function bandsValue(text: string): Bands {
  const b = readBands(text);
  if (typeof b === 'string') throw usage(says('BAD_BANDS', { text, why: b, rule: BANDS_RULE }));
  return b;
}

/** A score threshold: any number (`--want-min 7`, `--can-min 2,5`). */
export function score(flag: string): (text: string) => number {
  return (text) => {
    const n = Number(text.replace(',', '.'));
    if (!Number.isFinite(n)) throw usage(says('FLAG_NOT_NUMBER', { flag, text }));
    return n;
  };
}

/** A usage error (exit 2) of a flag's value. */
export function usage(said: ErrorSays): FolioError {
  return new FolioError({ code: 'USAGE', says: said });
}

/** `--as-of DATE`, or today in the local time zone. */
export function asOfDay(text: string | undefined): number {
  return text === undefined ? today() : flagDate('--as-of', text);
}

/**
 * The period of --period, --from/--to or --last, and the day to report as of: `--as-of`, or
 * the day after a period that has ended (see `asOfFor`), or today. `--last` counts back from
 * as-of, so it never moves it.
 */
export function periodAndAsOf(raw: RawOptions): { period: Period | null; asOf: number; asOfSource: AsOfSource } {
  const period = dealPeriod(raw);
  const given = raw.asOf === undefined ? null : flagDate('--as-of', raw.asOf);
  const { day, source } = asOfFor(raw.last === undefined ? period : null, given, today());
  return { period, asOf: day, asOfSource: source };
}

/** An amount given on the command line (`--big 100000`, `--big "1 000 000,50"`), as whole units and millionths. */
export function amountValue(flag: string): (text: string) => Amount {
  return (text) => {
    const amount = amountFromText(text);
    if (amount === null) throw usage(says('FLAG_NOT_AMOUNT', { flag, text }));
    return amount;
  };
}

/** The lead rules' flags, shared by `leads`, `report` and `check`. */
export function addLeadRuleOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--fast-days <n>', 'fast = expected close at most this many days after as-of')
        .default(30)
        .argParser(positiveInt('--fast-days')),
    )
    .addOption(
      new Option('--big <amount>', 'big = amount at or above this (default: the median of the leads ranked)').argParser(
        amountValue('--big'),
      ),
    )
    .addOption(
      new Option('--max-leads <n>', 'warn when a manager has more open leads').argParser(positiveInt('--max-leads')),
    );
}

/** The cadence rules' flags, shared by `cadence`, `report` and `check`. */
export function addCadenceRuleOptions(cmd: Command): Command {
  cmd
    .addOption(
      new Option('--max-gap <days>', 'most days between positive contacts')
        .default(DEFAULT_CADENCE.maxGap)
        .argParser(positiveInt('--max-gap')),
    )
    .addOption(
      new Option('--cooloff <days>', 'days without personal contact after a negative one')
        .default(DEFAULT_CADENCE.cooloff)
        .argParser(positiveInt('--cooloff')),
    )
    .addOption(
      new Option('--dossier-months <n>', 'a dossier older than this is due for review')
        .default(DEFAULT_CADENCE.dossierMonths)
        .argParser(positiveInt('--dossier-months')),
    );
  return addCadenceVocabularyOptions(cmd);
}

/** Phrases added to the built-in outcome and channel lists, for every command that reads an activity log. */
export function addCadenceVocabularyOptions(cmd: Command): Command {
  return cmd
    .option(
      '--positive <values>',
      'more outcome values that count as positive (comma-separated; word beginnings)',
      list,
      [],
    )
    .option('--negative <values>', 'more outcome values that count as negative', list, [])
    .option('--neutral <values>', 'more outcome values that are neutral, and not warned about', list, [])
    .option(
      '--personal-channels <values>',
      'more channels that are personal contact (added to meeting, call, visit, video...)',
      list,
      [],
    )
    .option(
      '--other-channels <values>',
      'more channels that are not personal contact (added to e-mail, letter, chat...)',
      list,
      [],
    );
}

export interface DynamicsFlags {
  months: number;
  abc: Bounds;
  xyz: Bounds;
  dormantFactor: number;
  dormantDays: number;
  maxManagerShare: number;
}

/** The dynamics rules' flags, shared by `dynamics`, `report` and `check`. */
export function addDynamicsRuleOptions(cmd: Command): Command {
  const d = DEFAULT_DYNAMICS;
  return cmd
    .addOption(
      new Option('--months <n>', 'full calendar months in the window, ending with the month before --as-of')
        .default(d.months)
        .argParser(positiveInt('--months')),
    )
    .addOption(
      new Option('--abc <percents>', 'ABC bounds of the cumulative share: A up to the first, B up to the second')
        .default([d.abc.a, d.abc.b], `${d.abc.a},${d.abc.b}`)
        .argParser(boundsValue('--abc', true)),
    )
    .addOption(
      new Option('--xyz <percents>', 'XYZ bounds of the monthly variation: X up to the first, Y up to the second')
        .default([d.xyz.x, d.xyz.y], `${d.xyz.x},${d.xyz.y}`)
        .argParser(boundsValue('--xyz', false)),
    )
    .addOption(
      new Option('--dormant-factor <n>', 'dormant: more days without an order than this many median intervals')
        .default(d.dormantFactor)
        .argParser(factorValue('--dormant-factor')),
    )
    .addOption(
      new Option('--dormant-days <n>', '... and more than this many days')
        .default(d.dormantDays)
        .argParser(positiveInt('--dormant-days')),
    )
    .addOption(
      new Option('--max-manager-share <percent>', "warn when one manager carries more of the window's revenue")
        .default(d.maxManagerShare)
        .argParser(percentValue('--max-manager-share')),
    );
}

export function dynamicsOptions(flags: DynamicsFlags & ThresholdFlags): DynamicsOptions {
  return {
    months: flags.months,
    abc: { a: flags.abc[0], b: flags.abc[1] },
    xyz: { x: flags.xyz[0], y: flags.xyz[1] },
    dormantFactor: flags.dormantFactor,
    dormantDays: flags.dormantDays,
    maxManagerShare: flags.maxManagerShare,
    share: shareOptions(flags),
  };
}

function boundsValue(flag: string, share: boolean): (text: string) => Bounds {
  return (text) => {
    const b = readBounds(text, share);
    if (typeof b === 'string')
      throw new FolioError({
        code: 'USAGE',
        says: says('BAD_BOUNDS', { flag, text, why: b }),
      });
    return b;
  };
}

function factorValue(flag: string): (text: string) => number {
  return (text) => {
    const n = readNumber(text);
    if (n === null || !isFactor(n)) throw usage(says('FLAG_NOT_FACTOR', { flag, text }));
    return n;
  };
}

/** A command's page of the manual, in the repository and in the installed package; its help ends with it. */
export function manualPage(command: string): string {
  return `docs/commands/${command}.md`;
}
