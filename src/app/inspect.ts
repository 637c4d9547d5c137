import { formatMicros } from '../analyses/money.js';
import { describeProblem, FolioError } from '../errors.js';
import { formatDay } from '../normalize/dates.js';
import { DEAL_FIELDS, DealConverter, type Deal } from '../normalize/deals.js';
import { Problems } from '../normalize/problems.js';
import { RowFeed } from '../normalize/row-feed.js';
import type { Doc, MachineRow } from '../render/document.js';
import { t, type Lang } from '../render/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { InputOptions } from './input-options.js';
import type { CommandOutput } from './output.js';
import { readMapped } from './table-source.js';

const SAMPLE_ROWS = 5;

export interface InspectResult {
  file: string;
  encoding: string;
  encodingReason: string;
  delimiter: string;
  header: boolean;
  rows: number;
  columns: { position: number; header: string; field: string | null }[];
  choices: string[];
  conventions: { amount: string; date: string | null };
  /** Lost and open rows are not read further than their status: their amount shows as —. */
  sample: { line: number; client: string; amount: string; date: string | null; status: string; manager: string }[];
  problems: string[];
  problemCount: number;
}

/** How folio reads an export, for the analyst whose numbers look wrong. Never stops at a bad value. */
export async function runInspect(input: InputOptions, lang: Lang, won: readonly string[], lost: readonly string[]): Promise<CommandOutput> {
  const file = input.source.name;
  const problems = new Problems(true);
  const sample: InspectResult['sample'] = [];
  const ctx: { converter?: DealConverter; feed?: RowFeed<Deal> } = {};
  const { format, mapping, rows } = await readMapped(input, DEAL_FIELDS, (map) => {
    const converter = new DealConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, won, lost }, problems);
    const feed = new RowFeed(converter, (deal) => {
      if (sample.length < SAMPLE_ROWS) {
        sample.push({
          line: deal.line,
          client: deal.client,
          amount: deal.status === 'won' ? formatMicros(BigInt(deal.whole) * 1_000_000n + BigInt(deal.micro)) : '—',
          date: deal.day === null ? null : formatDay(deal.day),
          status: deal.status,
          manager: deal.manager,
        });
      }
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
  const converter = ctx.converter as DealConverter;
  const fieldAt = new Map(Object.entries(mapping.index).map(([field, i]) => [i, field]));
  const result: InspectResult = {
    file,
    encoding: format.encoding,
    encodingReason: format.encodingReason,
    delimiter: format.delimiter,
    header: input.header,
    rows,
    columns: mapping.headers.map((header, i) => ({ position: i + 1, header, field: fieldAt.get(i) ?? null })),
    choices: mapping.choices,
    conventions: { amount: converter.amountSource, date: converter.dateConvention },
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
  return {
    title: `${t(lang, 'inspectTitle')}: ${r.file}`,
    sections: [
      {
        kind: 'facts',
        facts: [
          [t(lang, 'encoding'), `${r.encoding} (${r.encodingReason})`],
          [t(lang, 'delimiter'), DELIMITER_NAMES[r.delimiter] ?? r.delimiter],
          [t(lang, 'rows'), String(r.rows)],
          ['amount', r.conventions.amount],
          ['date', r.conventions.date ?? '—'],
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
        columns: [
          { label: 'line', align: 'right' },
          { label: 'client' },
          { label: 'amount', align: 'right' },
          { label: 'date' },
          { label: 'status' },
          { label: 'manager' },
        ],
        rows: r.sample.map((s) => [String(s.line), s.client, s.amount, s.date ?? '—', s.status, s.manager]),
      },
      {
        kind: 'notes',
        title: `${t(lang, 'problems')} (${r.problemCount})`,
        lines: r.problems.length > 0 ? r.problems.map((p) => ({ text: p, tone: 'bad' as const })) : [t(lang, 'noProblems')],
      },
    ],
  };
}
