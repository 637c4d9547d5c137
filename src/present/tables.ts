import type { DataTable, MachineRow, ValueType } from '../render/document.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import { columnLabel, sectionTitle, type ColumnKey, type SectionName } from './messages/data.js';

/** Who a table is for: people in a language, or programs (`null`: codes, English). */
export type Audience = Lang | null;

/** A table of `section`: its columns by key and type, named for `lang`. */
export function dataTable(
  section: SectionName,
  lang: Audience,
  columns: readonly (readonly [ColumnKey, ValueType])[],
  rows: Iterable<MachineRow>,
  record = false,
): DataTable {
  return {
    section,
    title: sectionTitle(section, lang),
    columns: columns.map(([key, type]) => ({ key, label: columnLabel(key, lang), type })),
    rows,
    ...(record ? { record: true } : {}),
  };
}

/** A code as people read it (`critical` → `критический`), or the code itself for programs. */
export function coded(lang: Audience, code: string, key: MessageKey): string;
export function coded(lang: Audience, code: string | null, key: MessageKey | null): string | null;
export function coded(lang: Audience, code: string | null, key: MessageKey | null): string | null {
  if (code === null || key === null) return code;
  return lang === null ? code : t(lang, key);
}
