import { formatMicros, MICROS_PER_UNIT } from '../analyses/money.js';
import type { Role } from '../config/settings.js';
import { describeProblem, FolioError } from '../errors.js';
import { ActivityConverter, ACTIVITY_FIELDS } from '../normalize/activities.js';
import { ClientConverter, CLIENT_FIELDS } from '../normalize/clients.js';
import type { ColumnMapping, FieldSpec } from '../normalize/columns.js';
import type { ConverterBase } from '../normalize/converter-base.js';
import { formatDay } from '../normalize/dates.js';
import { DEAL_FIELDS, DealConverter } from '../normalize/deals.js';
import { LEAD_FIELDS, LeadConverter } from '../normalize/leads.js';
import { DEFAULT_PERSONAL_CHANNELS } from '../normalize/outcomes.js';
import { Problems } from '../normalize/problems.js';
import { RowFeed, type RowConverter } from '../normalize/row-feed.js';
import type { Doc, MachineRow } from '../render/document.js';
import { t, type Lang } from '../render/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { InputOptions } from './input-options.js';
import { guessRole, roleByHeader } from './inputs.js';
import type { CommandOutput } from './output.js';
import { readMapped } from './table-source.js';

const SAMPLE_ROWS = 5;

export interface InspectResult {
  file: string;
  /** What the file was read as: given with --as, or told by its columns. */
  role: Role;
  encoding: string;
  encodingReason: string;
  delimiter: string;
  header: boolean;
  rows: number;
  columns: { position: number; header: string; field: string | null }[];
  choices: string[];
  /** The number and date convention of each amount and date column. */
  conventions: Record<string, string>;
  /** The first rows as folio reads them (a lost or open deal is not read past its status). */
  sample: Record<string, string>[];
  problems: string[];
  problemCount: number;
}

type AnyConverter = ConverterBase & RowConverter<object>;

interface RoleReader {
  specs: readonly FieldSpec[];
  make: (map: ColumnMapping, input: InputOptions, problems: Problems, won: readonly string[], lost: readonly string[]) => AnyConverter;
}

const READERS: Record<Role, RoleReader> = {
  deals: { specs: DEAL_FIELDS, make: (m, i, p, won, lost) => new DealConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, won, lost }, p) },
  leads: { specs: LEAD_FIELDS, make: (m, i, p, won, lost) => new LeadConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, won, lost }, p) },
  activities: {
    specs: ACTIVITY_FIELDS,
    make: (m, i, p) => new ActivityConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, positive: [], negative: [], personalChannels: DEFAULT_PERSONAL_CHANNELS }, p),
  },
  clients: { specs: CLIENT_FIELDS, make: (m, i, p) => new ClientConverter(m, { file: i.source.name, decimal: i.decimal, dayOrder: i.dayOrder, wantMin: null, canMin: null }, p) },
};

const DAY_KEYS = new Set(['day', 'expectedClose', 'dossier']);
const HIDDEN = new Set(['line', 'wantRaw', 'canRaw', 'micro']);

/** A record as text, whatever the input: day numbers as dates, whole units and millionths as one decimal. */
function describe(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { line: String(record.line) };
  for (const [key, value] of Object.entries(record)) {
    if (HIDDEN.has(key)) continue;
    if (key === 'whole') out.amount = record.status !== undefined && record.status !== 'won' ? '—' : decimal(value as number, record.micro as number);
    else if (value === null || value === undefined) out[key] = '—';
    else if (DAY_KEYS.has(key) && typeof value === 'number') out[key] = formatDay(value);
    else if (typeof value === 'object' && 'whole' in value) {
      const amount = value as { whole: number; micro: number };
      out[key] = decimal(amount.whole, amount.micro);
    }
    else out[key] = String(value);
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
export async function runInspect(input: InputOptions, lang: Lang, won: readonly string[], lost: readonly string[], as: Role | undefined): Promise<CommandOutput> {
  const problems = new Problems(true, undefined, input.names === undefined);
  const sample: Record<string, string>[] = [];
  const ctx: { converter?: AnyConverter; feed?: RowFeed<object>; role?: Role } = {};
  const pick = (headers: string[]): readonly FieldSpec[] => {
    // Deals unless the columns are those of another kind of export only.
    const fitsDeals = !input.header || roleByHeader(input.source.name, headers).includes('deals');
    ctx.role = as ?? (fitsDeals ? 'deals' : guessRole(input.source.name, headers)) ?? 'deals';
    return READERS[ctx.role].specs;
  };
  const { format, mapping, rows } = await readMapped(input, pick, (map) => {
    const converter = READERS[ctx.role as Role].make(map, input, problems, won, lost);
    const feed = new RowFeed<object>(converter, (record) => {
      if (sample.length < SAMPLE_ROWS) sample.push(describe(record as Record<string, unknown>));
    });
    Object.assign(ctx, { converter, feed });
    return (fields, line) => feed.push(fields, line);
  });
  let ambiguity: string | null = null;
  try {
    ctx.feed?.end();
  } catch (error) {
    if (!(error instanceof FolioError)) throw error;
    ambiguity = `${describeProblem(error)} (hint: ${error.hint ?? ''})`;
  }
  const converter = ctx.converter as AnyConverter;
  const used = mapping;
  const fieldAt = new Map(Object.entries(used.index).map(([field, i]) => [i, field]));
  const conventions: Record<string, string> = {};
  for (const [field, column] of converter.amounts) conventions[field] = column.convention;
  for (const [field, column] of converter.dates) conventions[field] = column.convention;
  const result: InspectResult = {
    file: format.file,
    role: ctx.role as Role,
    encoding: format.encoding,
    encodingReason: format.encodingReason,
    delimiter: format.delimiter,
    header: input.header,
    rows,
    columns: used.headers.map((header, i) => ({ position: i + 1, header, field: fieldAt.get(i) ?? null })),
    choices: used.choices,
    conventions,
    sample,
    problems: [...problems.listed.map((p) => describeProblem(p)), ...(ambiguity ? [ambiguity] : [])],
    problemCount: problems.count + (ambiguity ? 1 : 0),
  };
  return {
    envelope: buildEnvelope('inspect', null, [], result, []),
    doc: () => inspectDoc(result, lang),
    rows: () => result.columns.map((c): MachineRow => ({ position: c.position, header: c.header, field: c.field })),
    columns: ['position', 'header', 'field'],
    exitCode: 0,
  };
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab', '|': 'pipe (|)' };

function inspectDoc(r: InspectResult, lang: Lang): Doc {
  const keys = [...new Set(r.sample.flatMap((s) => Object.keys(s)))];
  return {
    title: `${t(lang, 'inspectTitle')}: ${r.file}`,
    sections: [
      {
        kind: 'facts',
        facts: [
          ['read as', r.role],
          [t(lang, 'encoding'), `${r.encoding} (${r.encodingReason})`],
          [t(lang, 'delimiter'), DELIMITER_NAMES[r.delimiter] ?? r.delimiter],
          [t(lang, 'rows'), String(r.rows)],
          ...Object.entries(r.conventions).map(([field, convention]): [string, string] => [field, convention]),
        ],
      },
      {
        kind: 'table',
        title: t(lang, 'mapping'),
        columns: [{ label: '#', align: 'right' }, { label: t(lang, 'header') }, { label: t(lang, 'field') }],
        rows: r.columns.map((c) => [String(c.position), c.header, c.field === null ? { text: '—', tone: 'muted' } : { text: c.field, tone: 'good' }]),
      },
      ...(r.choices.length > 0 ? [{ kind: 'notes' as const, lines: r.choices }] : []),
      {
        kind: 'table',
        title: t(lang, 'firstRows'),
        columns: keys.map((k) => ({ label: k, ...(k === 'line' || k === 'amount' ? { align: 'right' as const } : {}) })),
        rows: r.sample.map((s) => keys.map((k) => s[k] ?? '')),
      },
      {
        kind: 'notes',
        title: `${t(lang, 'problems')} (${r.problemCount})`,
        lines: r.problems.length > 0 ? r.problems.map((p) => ({ text: p, tone: 'bad' as const })) : [t(lang, 'noProblems')],
      },
    ],
  };
}
