import { formatMicros, MICROS_PER_UNIT, type Amount } from '../normalize/money.js';
import { type Role, activitySigns, guessRole, roleByHeader, roleByName } from './inputs.js';
import { FolioError } from '../folio-error.js';
import { ActivityConverter, ACTIVITY_NEEDS } from '../normalize/activities.js';
import { ClientConverter, CLIENT_NEEDS } from '../normalize/clients.js';
import { closestHeader, type ColumnMapping, type FieldNeeds } from '../normalize/columns.js';
import type { ConverterBase } from '../normalize/converter-base.js';
import { formatDay } from '../normalize/dates.js';
import { DEAL_NEEDS, DealConverter } from '../normalize/deals.js';
import { LEAD_NEEDS, LeadConverter } from '../normalize/leads.js';
import { OFFER_NEEDS, OfferConverter } from '../normalize/offers.js';
import { Problems } from '../normalize/problems.js';
import type { ColumnReading } from '../normalize/column-readers.js';
import { RowFeed, type RowConverter } from '../normalize/row-feed.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import { type Warning, warning } from '../codes/warnings.js';
import { contactWarning } from './deals.js';
import { columnWarnings, formatWarnings, subtotalWarnings } from './rows.js';
import { dealStatusWarnings, statusCounts } from './statuses.js';
import { unknownValuesWarning } from './unknown-values.js';
import type { StatusCount } from '../schema/build.js';
import type { InspectDetails, InspectResult } from '../schema/inspect.js';
import { type MappedTable, readMapped, type ReportShape } from './table-source.js';

const SAMPLE_ROWS = 5;

type AnyConverter = ConverterBase & RowConverter<object>;

interface RoleReader {
  needs: FieldNeeds;
  make: (
    map: ColumnMapping,
    input: InputOptions,
    problems: Problems,
    vocabulary: Vocabulary,
    shape: ReportShape,
  ) => AnyConverter;
}

const READERS: Record<Role, RoleReader> = {
  deals: {
    needs: DEAL_NEEDS,
    make: (m, i, p, vocabulary, shape) =>
      new DealConverter(
        m,
        {
          file: i.source.name,
          decimal: i.decimal,
          dayOrder: i.dayOrder,
          vocabulary,
          // As every command reads it: without a date column, dated by the period the title prints.
          undatedDay: m.index.date === undefined ? (shape.titlePeriod?.to ?? null) : null,
        },
        p,
      ),
  },
  leads: {
    needs: LEAD_NEEDS,
    make: (m, i, p, vocabulary) =>
      new LeadConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, vocabulary }, p),
  },
  activities: {
    needs: ACTIVITY_NEEDS,
    make: (m, i, p, vocabulary) =>
      new ActivityConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, vocabulary }, p),
  },
  clients: {
    needs: CLIENT_NEEDS,
    make: (m, i, p) =>
      new ClientConverter(
        m,
        { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, wantMin: null, canMin: null },
        p,
      ),
  },
  offers: {
    needs: OFFER_NEEDS,
    make: (m, i, p, vocabulary) =>
      new OfferConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, vocabulary }, p),
  },
};

const DAY_KEYS = new Set(['day', 'expectedClose', 'dossier', 'sent', 'expires']);
// Raw texts kept beside their reading (an activity's channel beside `personal`) are not shown twice.
const HIDDEN = new Set(['line', 'wantRaw', 'canRaw', 'micro', 'channel']);

/** A record as text, whatever the input: day numbers as dates, whole units and millionths as one decimal. */
function describe(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { line: String(record.line) };
  for (const [key, value] of Object.entries(record)) {
    if (HIDDEN.has(key)) continue;
    if (key === 'whole')
      out.amount =
        record.status !== undefined && record.status !== 'won' && record.status !== 'refund'
          ? '—'
          : decimal(value as number, record.micro as number);
    else if (value === null || value === undefined) out[key] = '—';
    else if (DAY_KEYS.has(key) && typeof value === 'number') out[key] = formatDay(value);
    else if (typeof value === 'object' && 'whole' in value) {
      const amount = value as Amount;
      out[key] = decimal(amount.whole, amount.micro);
    } else out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** Whole units and millionths as one exact decimal. */
function decimal(whole: number, micro: number): string {
  return formatMicros(BigInt(whole) * MICROS_PER_UNIT + BigInt(micro));
}

/**
 * How folio reads an export, for the analyst whose numbers look wrong: as deals, leads, an
 * activity log or a clients file (`--as`, or told by the columns). Never stops at a bad value.
 */
export async function inspectInput(
  input: InputOptions,
  vocabulary: Vocabulary,
  as: Role | undefined,
): Promise<{ result: InspectResult; warnings: Warning[]; details: InspectDetails }> {
  const problems = new Problems(true, undefined, input.names === undefined);
  const sample: Record<string, string>[] = [];
  const ctx: { converter?: AnyConverter; feed?: RowFeed<object>; role?: Role } = {};
  const roleOf = (headers: string[]): Role => as ?? roleOfHeader(input, headers);
  const read = await readMapped(
    input,
    (headers) => READERS[roleOf(headers)].needs,
    (map, fmt, shape) => {
      ctx.role = roleOf(map.headers);
      const converter = READERS[ctx.role].make(map, input, problems, vocabulary, shape);
      converter.sheetRows = fmt.kind !== 'csv';
      const feed = new RowFeed<object>(converter, (record) => {
        if (sample.length < SAMPLE_ROWS) sample.push(describe(record as Record<string, unknown>));
      });
      Object.assign(ctx, { converter, feed });
      problems.sheet = fmt.sheet;
      return (fields, line, kinds) => feed.push(fields, line, kinds);
    },
    true,
  );
  const { format, mapping, rows } = read;
  let stopped: FolioError | null = null;
  try {
    ctx.feed?.end();
  } catch (error) {
    if (!(error instanceof FolioError)) throw error;
    stopped = error;
  }
  const converter = ctx.converter as AnyConverter;
  const used = mapping;
  const fieldAt = new Map(Object.entries(used.index).map(([field, i]) => [i, field]));
  const { conventions, readings } = columnConventions(converter, mapping);
  const result: InspectResult = {
    file: format.file,
    kind: format.kind,
    sheet: format.sheet ?? null,
    sheets: format.sheets ?? [],
    role: ctx.role as Role,
    encoding: format.encoding,
    encodingReason: format.encodingReason,
    delimiter: format.delimiter,
    sepLine: format.sepLine,
    header: input.header && read.mapping.headerless === null,
    headerLine: read.headerLine,
    escape: format.kind === 'csv' ? { style: format.escape, detected: format.escapeDetected } : null,
    nulBytes: format.nuls,
    headerless: mapping.headerless,
    headerFrom: read.shape.headerFrom || read.headerLine,
    titlePeriod: titlePeriodOf(read.shape),
    subtotals: { rows: read.shape.subtotals.count, lines: read.shape.subtotals.notes.map((n) => n.line) },
    rows,
    blank: read.blank,
    missing: missingColumns(read, input.header),
    columns: used.headers.map((header, i) => ({ position: i + 1, header, field: fieldAt.get(i) ?? null })),
    choices: used.choices,
    warnings: readingWarnings(read, converter, ctx.role === 'deals'),
    totals: { rows: converter.totals, lines: converter.totalsLines },
    conventions,
    statuses: statusesOf(converter, mapping),
    sample,
    // Said in English by the runner, from `details`.
    problems: [],
    problemCount: problems.count + (stopped ? 1 : 0),
  };
  return {
    result,
    warnings: inputWarnings(read, converter),
    details: { readings, problems: [...problems.listed], ambiguity: stopped },
  };
}

/** What every command would warn of this file beside the reading: a guessed header, contacts, unknown status words. */
function inputWarnings(read: MappedTable, converter: AnyConverter): Warning[] {
  const { format, mapping, rows } = read;
  return [
    ...(read.guess ? [read.guess] : []),
    ...(converter instanceof DealConverter ? [contactWarning(format.file, mapping, converter)] : []).filter(
      (w): w is Warning => w !== null,
    ),
    ...vocabularyWarnings(format.file, mapping, converter, rows, read.missing.length === 0),
  ];
}

/** The period a report's title block prints, and its line; null without one. */
function titlePeriodOf(shape: ReportShape): InspectResult['titlePeriod'] {
  const p = shape.titlePeriod;
  return p === null ? null : { from: formatDay(p.from), to: formatDay(p.to), line: shape.titlePeriodLine };
}

/** The number or date convention of each amount and date column, and how it was told. */
function columnConventions(
  converter: AnyConverter,
  mapping: ColumnMapping,
): { conventions: Record<string, string>; readings: Record<string, ColumnReading> } {
  const conventions: Record<string, string> = {};
  const readings: Record<string, ColumnReading> = {};
  // A missing column has no convention: it is listed under `missing`.
  for (const [field, column] of [...converter.amounts, ...converter.dates]) {
    if (!(field in mapping.index)) continue;
    conventions[field] = column.convention;
    readings[field] = column.reading;
  }
  return { conventions, readings };
}

/**
 * What a file is read as when `--as` does not say: as in a folder, the name proposes
 * (offers.csv) and the columns confirm; else deals, unless the columns are those of another
 * kind of export only.
 */
function roleOfHeader(input: InputOptions, headers: string[]): Role {
  const named = input.header
    ? roleByName(input.source.name).filter((r) => roleByHeader(input.source.name, headers).includes(r))
    : [];
  if (named.length === 1) return named[0] as Role;
  const fitsDeals = !input.header || roleByHeader(input.source.name, headers).includes('deals');
  if (fitsDeals) return 'deals';
  // A call log without an outcome is still an activity log, not deals without an amount.
  return guessRole(input.source.name, headers) ?? (activitySigns(headers).length > 0 ? 'activities' : 'deals');
}

/** The fields no column gives, each with the column that comes closest and the `--map` that would give it. */
function missingColumns(read: MappedTable, header: boolean): InspectResult['missing'] {
  const { mapping } = read;
  return read.missing.map((spec) => {
    const headerless = mapping.headerless !== null || !header;
    const closest = headerless
      ? null
      : closestHeader(spec, mapping.headers, read.sample, new Set(Object.values(mapping.index)));
    // Without a header row, by position: the columns it could be, when the content names several.
    const could = mapping.headerless?.ambiguous.find((a) => a.field === spec.field)?.columns.join('|');
    const target = headerless ? (could ?? 'N') : closest === null ? 'HEADER' : JSON.stringify(closest);
    return { field: spec.field, description: spec.description, closest, map: `--map ${spec.field}=${target}` };
  });
}

/** How the file was read, as every command warns of it: lines above the header, column choices, subtotals, a title's period, blank amounts. */
function readingWarnings(read: MappedTable, converter: AnyConverter, deals: boolean): Warning[] {
  const { format, mapping, shape } = read;
  return [
    ...formatWarnings(format),
    ...columnWarnings(mapping, converter, shape),
    ...subtotalWarnings(undefined, shape),
    ...(shape.titlePeriod !== null && mapping.index.date === undefined && deals
      ? [
          warning('TITLE_PERIOD', {
            line: shape.titlePeriodLine,
            from: formatDay(shape.titlePeriod.from),
            to: formatDay(shape.titlePeriod.to),
          }),
        ]
      : []),
    ...(converter instanceof DealConverter && converter.blankAmounts > 0
      ? [warning('BLANK_AMOUNTS', { count: converter.blankAmounts, line: converter.firstBlankAmount })]
      : []),
  ];
}

/** The statuses of deals and leads as read, when the file has a column to read them from. */
function statusesOf(converter: AnyConverter, mapping: ColumnMapping): StatusCount[] | null {
  if (converter instanceof DealConverter)
    return converter.statusField === null ? null : statusCounts(converter.statuses);
  if (converter instanceof LeadConverter)
    return mapping.index.status === undefined ? null : statusCounts(converter.statuses);
  return null;
}

/** The status, outcome and channel values no list knows (and the statuses' other warnings), for the kinds of input that have them. */
function vocabularyWarnings(
  file: string,
  mapping: ColumnMapping,
  converter: AnyConverter,
  rows: number,
  /** The file maps what its kind needs: without that, no row would count, and "every row counts as won" would mislead. */
  complete: boolean,
): Warning[] {
  const has = (field: string): boolean => mapping.index[field] !== undefined;
  if (converter instanceof DealConverter)
    return dealStatusWarnings(file, converter, mapping.header, rows).filter(
      (w) => complete || w.code !== 'NO_STATUS_COLUMN',
    );
  const found =
    converter instanceof LeadConverter
      ? [has('status') ? unknownValuesWarning(file, 'status', converter.statuses) : null]
      : converter instanceof ActivityConverter
        ? [
            unknownValuesWarning(file, 'outcome', converter.outcomes),
            has('channel') ? unknownValuesWarning(file, 'channel', converter.channels) : null,
          ]
        : [];
  return found.filter((w): w is Warning => w !== null);
}
