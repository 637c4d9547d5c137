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

/** No line of `folio config`'s table is wider than this. */
export const CONFIG_WIDTH = 120;

/** A list's items joined by commas, cut into lines of at most `width` characters (an item longer than that stands alone). */
export function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (line !== '' && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function configDoc(
  file: string | null,
  settings: readonly ShownSetting[],
  columns: Record<string, Record<string, unknown> | undefined>,
  lang: Lang,
): Doc {
  const w = WORDS[lang];
  // The value column gets what the setting and source columns, the indent and the gaps leave.
  const settingWidth = Math.max(w.setting.length, ...settings.map((s) => s.path.length));
  const sourceWidth = Math.max(w.from.length, w.builtIn.length, ...Object.values(w.sources).map((x) => x.length));
  const valueWidth = CONFIG_WIDTH - 2 - settingWidth - 2 - 2 - sourceWidth;
  return {
    title: `${w.title} · ${file ?? w.noFile}`,
    sections: [
      {
        kind: 'table',
        columns: [{ label: w.setting }, { label: w.value }, { label: w.from }],
        // A list shows one row per layer that gave to it, built-in entries first, wrapped to
        // the width; the setting and the source are on its first line.
        rows: settings.flatMap((s) =>
          (s.layers ?? [{ source: s.source, value: s.value }]).flatMap((l, i) => {
            const lines =
              Array.isArray(l.value) && l.value.length > 0
                ? wrapList(l.value.map(String), valueWidth)
                : [shownValue(l.value)];
            const source =
              l.source === 'default'
                ? { text: s.layers ? w.builtIn : w.sources.default, tone: 'muted' as const }
                : { text: w.sources[l.source], tone: 'key' as const };
            return lines.map((line, k) => [k === 0 && i === 0 ? s.path : '', line, k === 0 ? source : '']);
          }),
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
