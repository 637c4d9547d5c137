import type { DataTable, Doc } from '../render/document.js';
import { dataTable, type Audience } from './tables.js';
import type { Lang } from './i18n.js';

/** Where a setting came from (config's `Source`; present does not import the config layer). */
type Source = 'default' | 'config' | 'env' | 'flag';

/** One setting as `folio config` shows it: for a list that adds up, what each layer gave. */
export interface ShownSetting {
  path: string;
  value: unknown;
  source: Source;
  layers?: { source: Source; value: unknown }[];
}

const WORDS = {
  en: {
    title: 'folio settings',
    noFile: 'no config file',
    setting: 'setting',
    value: 'value',
    from: 'from',
    sources: { default: 'default', config: 'config', env: 'env', flag: 'flag' } as Record<Source, string>,
    builtIn: 'built-in',
  },
  ru: {
    title: 'Настройки folio',
    noFile: 'файла настроек нет',
    setting: 'настройка',
    value: 'значение',
    from: 'откуда',
    sources: { default: 'по умолчанию', config: 'файл настроек', env: 'окружение', flag: 'флаг' } as Record<
      Source,
      string
    >,
    builtIn: 'встроенные',
  },
};

/** A value as one cell: lists joined, objects as JSON, nothing as a dash. */
export function shownValue(v: unknown): string {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '—';
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function configDoc(
  file: string | null,
  settings: readonly ShownSetting[],
  columns: Record<string, Record<string, unknown> | undefined>,
  lang: Lang,
): Doc {
  const w = WORDS[lang];
  return {
    title: `${w.title} · ${file ?? w.noFile}`,
    sections: [
      {
        kind: 'table',
        columns: [{ label: w.setting }, { label: w.value }, { label: w.from }],
        // A list shows one row per layer that gave to it, built-in entries first.
        rows: settings.flatMap((s) =>
          (s.layers ?? [{ source: s.source, value: s.value }]).map((l, i) => [
            i === 0 ? s.path : '',
            shownValue(l.value),
            l.source === 'default'
              ? { text: s.layers ? w.builtIn : w.sources.default, tone: 'muted' as const }
              : { text: w.sources[l.source], tone: 'key' as const },
          ]),
        ),
      },
      ...Object.entries(columns).map(([role, map]) => ({
        kind: 'facts' as const,
        title: `columns.${role}`,
        facts: Object.entries(map ?? {}).map(([field, header]): [string, string] => [field, String(header)]),
      })),
    ],
  };
}

/** Every setting, its value as one cell and where it came from, as data. */
export function configTables(settings: readonly ShownSetting[], lang: Audience): DataTable[] {
  return [
    dataTable(
      'settings',
      lang,
      [
        ['setting', 'text'],
        ['value', 'text'],
        ['source', 'text'],
      ],
      settings.map((s) => ({
        setting: s.path,
        value: shownValue(s.value),
        source: lang === null ? s.source : WORDS[lang].sources[s.source],
      })),
    ),
  ];
}
