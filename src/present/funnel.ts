import {
  type ChannelCount,
  type FunnelManager,
  type FunnelResult,
  type WeakStep,
  wilsonUpper,
  zOf,
} from '../analyses/funnel.js';
import type { Cell, Chart, Column, DataTable, Doc, MachineRow, Section } from '../render/document.js';
import { dataTable, type Audience } from './tables.js';
import { integer, isoDate, percent, wholePercent } from './format.js';
import { t, type Lang, type MessageKey } from './i18n.js';

/** A step as people read it: the funnel by channel names its steps in words; a stage is the CRM's own name. */
function stepName(r: FunnelResult, step: string, lang: Lang): string {
  return r.mode === 'channels' ? t(lang, `step_${step}` as MessageKey) : step;
}

/** 0.9 → 90%; 0.975 → 97.5%. */
function confidenceText(c: number, lang: Lang): string {
  return Number.isInteger(Math.round(c * 1e9) / 1e7) ? wholePercent(c, lang) : percent(c, lang);
}

function weakText(r: FunnelResult, w: WeakStep, lang: Lang): string {
  return t(lang, 'funnelWeakText')
    .replace('{from}', stepName(r, w.from, lang))
    .replace('{to}', stepName(r, w.to, lang))
    .replace('{rate}', percent(w.rate, lang))
    .replace('{team}', percent(w.teamRate, lang))
    .replace('{upper}', percent(w.upper, lang));
}

/** `consulted 40 → met 12 (30.0%) → won 4 (33.3%)`. */
function pathText(r: FunnelResult, counts: readonly number[], rates: readonly (number | null)[], lang: Lang): string {
  return r.steps
    .map((s, i) => {
      const rate = i === 0 ? '' : ` (${percent(rates[i - 1] ?? null, lang)})`;
      return `${stepName(r, s, lang)} ${integer(counts[i] ?? 0, lang)}${rate}`;
    })
    .join(' → ');
}

const channelList = (list: readonly ChannelCount[], lang: Lang): Cell =>
  list.length === 0
    ? { text: t(lang, 'none'), tone: 'muted' }
    : list.map((c) => (lang === 'ru' ? `«${c.value}» (${c.rows})` : `"${c.value}" (${c.rows})`)).join(', ');

/** The funnels of the chart: the team's, then each manager's, each step's bar its share of the first. */
function chart(r: FunnelResult, lang: Lang): Chart {
  const one = (title: string, line: { counts: number[]; rates: (number | null)[] }, weak: WeakStep | null) => ({
    title,
    name: `${title}: ${pathText(r, line.counts, line.rates, lang)}${weak ? `; ${t(lang, 'funnelWeakest').toLowerCase()}: ${weakText(r, weak, lang)}` : ''}`,
    bars: r.steps.map((s, i) => ({
      label: `${stepName(r, s, lang)} ${integer(line.counts[i] ?? 0, lang)}${i === 0 ? '' : ` · ${percent(line.rates[i - 1] ?? null, lang)}`}`,
      share: (line.counts[0] ?? 0) === 0 ? 0 : (line.counts[i] ?? 0) / (line.counts[0] ?? 1),
      tone: weak !== null && weak.to === s ? ('bad' as const) : ('key' as const),
    })),
  });
  return {
    type: 'funnels',
    funnels: [
      one(t(lang, 'funnelTeam'), r.team, null),
      ...r.managers.map((m: FunnelManager) => one(m.manager, m, m.weakest)),
    ],
  };
}

/** The facts (window, rule, what was counted), a row per manager beside the team's, and the chart. */
export function funnelSections(r: FunnelResult, lang: Lang): Section[] {
  const day = (iso: string | null): string => (iso === null ? '…' : isoDate(iso, lang));
  const rule = t(lang, r.mode === 'channels' ? 'funnelRulesChannels' : 'funnelRulesStages').replace(
    '{confidence}',
    confidenceText(r.confidence, lang),
  );
  const facts: [string, Cell][] = [
    [t(lang, 'window'), r.window === null ? t(lang, 'funnelAllDeals') : `${day(r.window.from)} — ${day(r.window.to)}`],
    [t(lang, 'asOf'), day(r.asOf)],
    [t(lang, 'funnelSteps'), r.steps.map((s) => stepName(r, s, lang)).join(' → ')],
    [t(lang, 'rules'), rule],
  ];
  if (r.channels) {
    facts.push([t(lang, 'funnelCalls'), channelList(r.channels.phone, lang)]);
    facts.push([t(lang, 'funnelMeetings'), channelList(r.channels.meeting, lang)]);
  }
  facts.push([t(lang, 'funnelTeam'), pathText(r, r.team.counts, r.team.rates, lang)]);

  const transitions = r.steps.slice(1).map((s, i) => ({ from: r.steps[i] as string, to: s }));
  const columns: Column[] = [
    { label: t(lang, 'manager') },
    ...r.steps.map((s) => ({ label: stepName(r, s, lang), align: 'right' as const })),
    // The rate into a step from the one before: `→ met`.
    ...transitions.map((x) => ({ label: `→ ${stepName(r, x.to, lang)}`, align: 'right' as const })),
    { label: t(lang, 'funnelWeakest') },
  ];
  const row = (
    name: Cell,
    line: { counts: number[]; rates: (number | null)[] },
    weak: WeakStep | null,
    strong = false,
  ): Cell[] => [
    name,
    ...line.counts.map((c): Cell => (strong ? { text: integer(c, lang), tone: 'strong' } : integer(c, lang))),
    ...line.rates.map((rate, i): Cell => {
      const text = percent(rate, lang);
      if (weak !== null && weak.to === transitions[i]?.to) return { text, tone: 'bad' };
      return strong ? { text, tone: 'strong' } : text;
    }),
    weak === null ? { text: '—', tone: 'muted' } : { text: weakText(r, weak, lang), tone: 'bad' },
  ];
  const rows: Cell[][] = r.managers.map((m) => row(m.manager, m, m.weakest));
  if ((r.unassigned.counts[0] ?? 0) > 0)
    rows.push(row({ text: t(lang, 'funnelUnassigned'), tone: 'muted' }, r.unassigned, null));
  rows.push(row({ text: t(lang, 'funnelTeam'), tone: 'strong' }, r.team, null, true));
  const sections: Section[] = [
    { kind: 'facts', facts },
    { kind: 'table', title: t(lang, 'funnelTitle'), columns, rows },
  ];
  if (r.managers.length > 0 && r.managers.every((m) => m.weakest === null))
    sections.push({ kind: 'notes', lines: [{ text: t(lang, 'funnelNoWeak'), tone: 'good' }] });
  sections.push({ kind: 'chart', title: t(lang, 'funnelChart'), chart: chart(r, lang) });
  return sections;
}

export function funnelDoc(r: FunnelResult, lang: Lang): Doc {
  return {
    title: `${t(lang, 'funnelTitle')} · ${t(lang, 'asOf')} ${isoDate(r.asOf, lang)}`,
    sections: funnelSections(r, lang),
    lang,
  };
}

/**
 * One row per line and step, the team's first and the clients with no manager last (`scope`
 * unassigned): `count` at the step, `rate` into it from the step before, the team's rate, and
 * for a manager the Wilson upper end of the rate and whether it is the weakest step. For
 * people the lines and the channel funnel's steps are in words; for programs, codes.
 */
export function funnelTables(r: FunnelResult, lang: Audience): DataTable[] {
  const z = zOf(r.confidence);
  const lines = [
    { scope: 'team', manager: null, counts: r.team.counts, weakest: null },
    ...r.managers.map((m) => ({ scope: 'manager', manager: m.manager, counts: m.counts, weakest: m.weakest })),
    ...((r.unassigned.counts[0] ?? 0) > 0
      ? [{ scope: 'unassigned', manager: null, counts: r.unassigned.counts, weakest: null }]
      : []),
  ];
  const scopeWord: Record<string, MessageKey> = { team: 'funnelTeam', unassigned: 'funnelUnassigned' };
  const rows: MachineRow[] = [];
  for (const line of lines) {
    for (const [i, step] of r.steps.entries()) {
      const count = line.counts[i] ?? 0;
      const before = i === 0 ? 0 : (line.counts[i - 1] ?? 0);
      const teamBefore = i === 0 ? 0 : (r.team.counts[i - 1] ?? 0);
      const word = scopeWord[line.scope];
      rows.push({
        scope: lang === null || word === undefined ? line.scope : t(lang, word),
        manager: line.manager,
        step: lang === null ? step : stepName(r, step, lang),
        count,
        rate: before === 0 ? null : count / before,
        teamRate: teamBefore === 0 ? null : (r.team.counts[i] ?? 0) / teamBefore,
        upper: line.scope === 'manager' && before > 0 ? wilsonUpper(count, before, z) : null,
        weakest: line.weakest?.to === step,
      });
    }
  }
  return [
    dataTable(
      'funnel',
      lang,
      [
        ['scope', 'text'],
        ['manager', 'text'],
        ['step', 'text'],
        ['count', 'integer'],
        ['rate', 'share'],
        ['teamRate', 'share'],
        ['upper', 'share'],
        ['weakest', 'boolean'],
      ],
      rows,
    ),
  ];
}
