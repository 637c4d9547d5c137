import type { CadenceJson, AgendaStatus } from '../analyses/cadence.js';
import type { Doc, Cell, DataTable, Section, Tone } from '../render/document.js';
import { coded, dataTable, type Audience } from './tables.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import { isoDate } from './format.js';
import { type KeyChoiceJson } from '../analyses/key-clients.js';

const STATUS_TONE: Record<AgendaStatus, Tone> = {
  overdue: 'bad',
  cooling_off: 'warn',
  due_soon: 'key',
  ok: 'good',
  unknown: 'muted',
};

/** How the key clients were chosen, in words: every source, and the window of the revenue classes. */
function keyChoiceText(k: KeyChoiceJson, lang: Lang): string {
  return k.from
    .map((f) =>
      t(lang, `keyFrom_${f}` as MessageKey)
        .replace('{from}', isoDate(k.classesOver?.from ?? '…', lang))
        .replace('{to}', isoDate(k.classesOver?.to ?? '…', lang)),
    )
    .join('; ');
}

/** The morning list first, then the violations and the dossiers to review. */
export function cadenceSections(r: CadenceJson, lang: Lang): Section[] {
  const d = (iso: string): string => isoDate(iso, lang);
  const sections: Section[] = [
    {
      kind: 'facts',
      facts: [
        [t(lang, 'window'), `${d(r.window.from)} — ${d(r.window.to)}`],
        [
          t(lang, 'rules'),
          t(lang, 'rulesText')
            .replace('{gap}', String(r.thresholds.maxGap))
            .replace('{cooloff}', String(r.thresholds.cooloff)),
        ],
        [t(lang, 'keysChosen'), keyChoiceText(r.keyClients, lang)],
      ],
    },
    agendaTable(r, lang),
    violationsTable(r, lang),
  ];
  if (r.dossier.length > 0) {
    sections.push({
      kind: 'table',
      title: t(lang, 'dossierTitle'),
      columns: [{ label: t(lang, 'client') }, { label: t(lang, 'reviewed') }, { label: t(lang, 'dueBy') }],
      rows: r.dossier.map((x) => [
        x.client,
        x.reviewed === null ? { text: t(lang, 'never'), tone: 'bad' } : d(x.reviewed),
        x.dueBy === null ? '—' : d(x.dueBy),
      ]),
    });
  }
  return sections;
}

/** The morning list: each key client's status, last positive contact, next due day and whether a personal contact is allowed. */
function agendaTable(r: CadenceJson, lang: Lang): Section {
  const d = (iso: string): string => isoDate(iso, lang);
  const status = (s: AgendaStatus): Cell => ({ text: t(lang, `status_${s}` as MessageKey), tone: STATUS_TONE[s] });
  return {
    kind: 'table',
    title: t(lang, 'agenda'),
    columns: [
      { label: t(lang, 'client') },
      { label: t(lang, 'status') },
      { label: t(lang, 'lastPositive') },
      { label: t(lang, 'nextDue') },
      { label: t(lang, 'personalContact') },
      { label: t(lang, 'manager') },
    ],
    rows: r.agenda.map((a) => [
      a.client,
      status(a.status),
      a.lastPositive !== null
        ? d(a.lastPositive)
        : a.countedFrom !== null
          ? `— (${t(lang, 'logStart')} ${d(a.countedFrom)})`
          : '—',
      a.nextDue === null ? '—' : `${d(a.nextDue)} (${(a.daysUntilDue ?? 0) > 0 ? '+' : ''}${a.daysUntilDue ?? 0})`,
      a.personalAllowed
        ? t(lang, 'allowed')
        : {
            text: `${t(lang, 'allowedFrom')} ${a.allowedFrom === null ? '' : d(a.allowedFrom)}${a.cooloffManager ? ` (${a.cooloffManager})` : ''}`,
            tone: 'warn',
          },
      a.manager ?? '',
    ]),
    empty: t(lang, 'noKeyClients'),
  };
}

/** Contact gaps and contacts inside a cool-off. */
function violationsTable(r: CadenceJson, lang: Lang): Section {
  const d = (iso: string): string => isoDate(iso, lang);
  return {
    kind: 'table',
    title: t(lang, 'violations'),
    // `Dated` is the day that places a violation in a window (see docs/commands/cadence.md, which violations a window lists).
    columns: [
      { label: t(lang, 'client') },
      { label: t(lang, 'rule') },
      { label: t(lang, 'dated') },
      { label: t(lang, 'when') },
      { label: t(lang, 'daysShort'), align: 'right' },
      { label: t(lang, 'manager') },
    ],
    rows: r.violations.map((v) =>
      v.rule === 'gap'
        ? [
            v.client,
            { text: t(lang, v.open ? 'ruleGapOpen' : 'ruleGap'), tone: 'bad' },
            d(v.date),
            `${d(v.from)}${v.fromLogStart ? ` (${t(lang, 'logStart')})` : ''} → ${d(v.to)}`,
            String(v.days),
            '',
          ]
        : [
            v.client,
            { text: t(lang, 'ruleCooloff'), tone: 'warn' },
            d(v.date),
            `${d(v.negativeDate)} → ${d(v.date)}`,
            String(v.days),
            v.manager ?? '',
          ],
    ),
    empty: t(lang, 'noViolations'),
  };
}

export function cadenceDoc(r: CadenceJson, lang: Lang): Doc {
  return {
    title: `${t(lang, 'cadenceTitle')} · ${t(lang, 'asOf')} ${isoDate(r.asOf, lang)}`,
    sections: cadenceSections(r, lang),
  };
}

/** The agenda, the violations and the dossiers to review, as data. */
export function cadenceTables(r: CadenceJson, lang: Audience): DataTable[] {
  return [
    dataTable(
      'cadence',
      lang,
      [
        ['client', 'text'],
        ['status', 'text'],
        ['lastPositive', 'date'],
        ['nextDue', 'date'],
        ['daysUntilDue', 'integer'],
        ['personalAllowed', 'boolean'],
        ['allowedFrom', 'date'],
        ['manager', 'text'],
      ],
      agendaRows(r.agenda, lang),
    ),
    dataTable(
      'cadenceViolations',
      lang,
      [
        ['client', 'text'],
        ['rule', 'text'],
        ['date', 'date'],
        ['from', 'date'],
        ['to', 'date'],
        ['days', 'integer'],
        ['open', 'boolean'],
        ['manager', 'text'],
      ],
      r.violations.map((v) =>
        v.rule === 'gap'
          ? {
              client: v.client,
              rule: coded(lang, v.rule, v.open ? 'ruleGapOpen' : 'ruleGap'),
              date: v.date,
              from: v.from,
              to: v.to,
              days: v.days,
              open: v.open,
              manager: null,
            }
          : {
              client: v.client,
              rule: coded(lang, v.rule, 'ruleCooloff'),
              date: v.date,
              from: v.negativeDate,
              to: v.date,
              days: v.days,
              open: false,
              manager: v.manager,
            },
      ),
    ),
    dataTable(
      'dossier',
      lang,
      [
        ['client', 'text'],
        ['reviewed', 'date'],
        ['dueBy', 'date'],
        ['status', 'text'],
      ],
      r.dossier.map((x) => ({ client: x.client, reviewed: x.reviewed, dueBy: x.dueBy, status: x.status })),
    ),
  ];
}

/** The agenda's rows, made one at a time as they are written. */
function* agendaRows(agenda: CadenceJson['agenda'], lang: Audience) {
  for (const a of agenda) {
    yield {
      client: a.client,
      status: coded(lang, a.status, `status_${a.status}` as MessageKey),
      lastPositive: a.lastPositive,
      nextDue: a.nextDue,
      daysUntilDue: a.daysUntilDue,
      personalAllowed: a.personalAllowed,
      allowedFrom: a.allowedFrom,
      manager: a.manager,
    };
  }
}
