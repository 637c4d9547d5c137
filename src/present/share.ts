import type { RevenueClass, ShareJson } from '../analyses/share.js';
import { periodJson, type Period } from '../normalize/period.js';
import type { Cell, DataTable, Doc, Section, Tone } from '../render/document.js';
import { coded, dataTable, type Audience } from './tables.js';
import { isoDate, limitPercent, money, percent } from './format.js';
import { t, type Lang } from './i18n.js';

/** A class's colour in tables and charts; regular has none. */
export const CLASS_TONE: Record<RevenueClass, Tone | undefined> = {
  golden: 'golden',
  critical: 'critical',
  key: 'key',
  regular: undefined,
};

function periodText(period: Period | null, lang: Lang): string {
  const json = periodJson(period);
  if (json === null) return t(lang, 'allRows');
  return `${isoDate(json.from ?? '…', lang)} — ${isoDate(json.to ?? '…', lang)}`;
}

/** The share result as people read it: the client table, then the portfolio. */
export function shareSections(result: ShareJson, lang: Lang): Section[] {
  const hasManagers = result.clients.some((c) => c.manager !== undefined);
  const top = result.clients[0]?.share ?? 0;
  const rows: Cell[][] = result.clients.map((c) => {
    const tone = c.class === null ? 'warn' : CLASS_TONE[c.class];
    const className = t(lang, c.class ?? 'noShare');
    const row: Cell[] = [
      String(c.rank),
      tone ? { text: c.client, tone } : c.client,
      money(c.revenue, lang),
      { text: percent(c.share, lang), bar: top > 0 && c.share !== null ? c.share / top : 0 },
      percent(c.cumulativeShare, lang),
      tone ? { text: className, tone } : className,
    ];
    if (hasManagers) row.push(c.manager ?? '');
    return row;
  });
  const columns = [
    { label: t(lang, 'rank'), align: 'right' as const },
    { label: t(lang, 'client') },
    { label: t(lang, 'revenue'), align: 'right' as const },
    { label: t(lang, 'share') },
    { label: t(lang, 'cumulative'), align: 'right' as const },
    { label: t(lang, 'class') },
    ...(hasManagers ? [{ label: t(lang, 'manager') }] : []),
  ];
  const p = result.portfolio;
  const bandTone: Tone = p.band === 'mono' ? 'bad' : p.band === 'elevated' ? 'warn' : 'good';
  const currency = result.currency ? ` ${result.currency}` : '';
  const sections: Section[] = [
    { kind: 'table', columns, rows },
    {
      kind: 'facts',
      title: t(lang, 'portfolio'),
      facts: [
        [t(lang, 'total'), `${money(result.total, lang)}${currency}`],
        ...(p.shareBase !== result.total
          ? [[t(lang, 'shareBase'), `${money(p.shareBase, lang)}${currency}`] as [string, string]]
          : []),
        [t(lang, 'clients'), String(p.clients)],
        [t(lang, 'keyClients'), String(p.keyClients)],
        [t(lang, 'keyShare'), { text: `${percent(p.keyShare, lang)} (${t(lang, p.band)})`, tone: bandTone }],
        [t(lang, 'top1'), percent(p.top1, lang)],
        [t(lang, 'top5'), percent(p.top5, lang)],
        [t(lang, 'hhi'), money(p.hhi, lang)],
      ],
    },
  ];
  if (result.managers.length > 0) {
    sections.push({
      kind: 'table',
      title: t(lang, 'managersTitle'),
      columns: [
        { label: t(lang, 'manager') },
        { label: t(lang, 'keyClientsShort'), align: 'right' },
        { label: t(lang, 'clients') },
      ],
      rows: result.managers.map((m) => [
        m.overloaded ? { text: m.manager, tone: 'warn' } : m.manager,
        m.overloaded ? { text: `${m.keyClients} (${t(lang, 'overloaded')})`, tone: 'warn' } : String(m.keyClients),
        m.clients.join(', '),
      ]),
    });
  }
  const advice: Cell[] = [];
  if (result.clients.some((c) => c.class === 'golden')) advice.push({ text: t(lang, 'adviceGolden'), tone: 'bad' });
  else if (result.clients.some((c) => c.class === 'critical'))
    advice.push({ text: t(lang, 'adviceCritical'), tone: 'warn' });
  if (p.band === 'mono')
    advice.push({
      text: t(lang, 'adviceMono').replace('{mono}', limitPercent(result.thresholds.bands.mono, lang)),
      tone: 'bad',
    });
  if (p.keyClients > 0) advice.push(t(lang, 'adviceKey'));
  if (advice.length > 0) sections.push({ kind: 'notes', title: t(lang, 'advice'), lines: advice });
  return sections;
}

export function shareDoc(result: ShareJson, period: Period | null, lang: Lang): Doc {
  return {
    title: `${t(lang, 'shareTitle')} · ${t(lang, 'period')}: ${periodText(period, lang)}`,
    sections: shareSections(result, lang),
  };
}

/** The clients, the portfolio's figures and the key clients per manager, as data. */
export function shareTables(result: ShareJson, lang: Audience): DataTable[] {
  const p = result.portfolio;
  return [
    dataTable(
      'share',
      lang,
      [
        ['rank', 'integer'],
        ['client', 'text'],
        ['revenue', 'decimal'],
        ['share', 'share'],
        ['cumulativeShare', 'share'],
        ['class', 'text'],
        ['manager', 'text'],
      ],
      result.clients.map((c) => ({
        rank: c.rank,
        client: c.client,
        revenue: c.revenue,
        share: c.share,
        cumulativeShare: c.cumulativeShare,
        class: lang === null ? c.class : t(lang, c.class ?? 'noShare'),
        manager: c.manager ?? null,
      })),
    ),
    dataTable(
      'portfolio',
      lang,
      [
        ['total', 'decimal'],
        ['shareBase', 'decimal'],
        ['currency', 'text'],
        ['clients', 'integer'],
        ['keyClients', 'integer'],
        ['keyShare', 'share'],
        ['band', 'text'],
        ['top1', 'share'],
        ['top5', 'share'],
        ['hhi', 'decimal'],
      ],
      [
        {
          total: result.total,
          shareBase: p.shareBase,
          currency: result.currency,
          clients: p.clients,
          keyClients: p.keyClients,
          keyShare: p.keyShare,
          band: coded(lang, p.band, p.band),
          top1: p.top1,
          top5: p.top5,
          hhi: p.hhi,
        },
      ],
      true,
    ),
    dataTable(
      'shareManagers',
      lang,
      [
        ['manager', 'text'],
        ['keyClients', 'integer'],
        ['clientNames', 'text'],
        ['overloaded', 'boolean'],
      ],
      result.managers.map((m) => ({
        manager: m.manager,
        keyClients: m.keyClients,
        clientNames: m.clients.join(', '),
        overloaded: m.overloaded,
      })),
    ),
  ];
}
