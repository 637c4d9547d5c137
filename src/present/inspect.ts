import type { InspectDetails, InspectResult } from '../load/inspect.js';
import type { ColumnReading } from '../normalize/column-readers.js';
import type { DataTable, Doc } from '../render/document.js';
import { dataTable, type Audience } from './tables.js';
import { describeProblem } from '../errors.js';
import { isoDate } from './format.js';
import { t, type Lang } from './i18n.js';
import { cellText, ERROR_WORDS, errorInLang, fieldName } from './messages/errors.js';
import { ROLE_NAMES } from './messages/inputs.js';
import { warningText } from './messages/warnings.js';

const KIND_WORDS: Record<string, 'kindCsv' | 'kindXlsx' | 'kindHtml' | 'kindParquet'> = {
  csv: 'kindCsv',
  xlsx: 'kindXlsx',
  html: 'kindHtml',
  parquet: 'kindParquet',
};

/** The words of `inspect` that no other command uses. */
const WORDS = {
  en: {
    readAs: 'read as',
    headerLine: 'header line',
    noHeader: 'none (--no-header)',
    blank: 'blank lines',
    line: 'line',
    fromSep: ' (from the sep= line)',
    delimiters: { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab', '|': 'pipe (|)' } as Record<string, string>,
    missing: (n: number) => `Missing (${n})`,
    noColumn: (field: string, description: string, map: string) =>
      `${field} (${description}): no column; map one with ${map}`,
  },
  ru: {
    readAs: 'Прочитан как',
    headerLine: 'Строка заголовка',
    noHeader: 'нет (--no-header)',
    blank: 'Пустых строк',
    line: 'строка',
    fromSep: ' (из строки sep=)',
    delimiters: {
      ',': 'запятая (,)',
      ';': 'точка с запятой (;)',
      '\t': 'табуляция',
      '|': 'вертикальная черта (|)',
    } as Record<string, string>,
    missing: (n: number) => `Не хватает (${n})`,
    noColumn: (field: string, _description: string, map: string) => `«${field}»: нет колонки; укажите её: ${map}`,
  },
};

const ENCODING_REASON_RU: Record<string, string> = {
  bom: 'по метке BOM',
  'valid-utf8': 'корректный UTF-8',
  'utf16-zeros': 'по нулевым байтам UTF-16',
  'letter-statistics': 'по частоте букв',
  override: 'задана --encoding',
  unrecognised: 'не распознана',
};

/** Values of the sample that are codes of folio's, said in Russian (names and numbers stay). */
const VALUE_RU: Record<string, string> = {
  won: 'выиграна',
  lost: 'проиграна',
  open: 'открыта',
  positive: 'положительный',
  negative: 'отрицательный',
  neutral: 'нейтральный',
  true: 'да',
  false: 'нет',
  missing: 'нет',
  accepted: 'принято',
  rejected: 'отклонено',
  undecided: 'не решено',
};
/** Keys of the sample that are not fields of the export. */
const SAMPLE_KEYS_RU: Record<string, string> = {
  day: 'дата',
  personal: 'лично',
  line: 'строка',
  decision: 'решение',
  daysFromAsOf: 'дней от даты отчёта',
  discounted: 'со скидкой',
};
const AMOUNT_KEYS = new Set(['amount', 'price', 'quantity']);
const DAY_KEYS = new Set(['day', 'expectedClose', 'dossier', 'sent', 'expires']);

/** How a column's numbers or dates were read, in `lang`; English is the reader's own wording. */
function readingText(r: ColumnReading, english: string, lang: Lang): string {
  if (lang === 'en') return english;
  const how = r.settledAt > 0 ? `со строки ${r.settledAt}` : 'задан';
  if (r.kind === 'amount') {
    if (r.mark === null)
      return r.typed
        ? 'числа записаны файлом как числа (разделитель не нужен)'
        : 'не определён (ни одно значение не показывает десятичный разделитель)';
    return `${r.mark === ',' ? 'десятичная запятая' : 'десятичная точка'} (${how})`;
  }
  // Digits as Ц (цифра), letters as Б (буква): the shape of the dates without the data.
  const shapes = r.shapes.map((s) => s.replace(/d/g, 'Ц').replace(/a/g, 'Б')).join(', ') || 'дат нет';
  if (r.order === null) return shapes;
  return `${shapes}; ${r.order === 'dmy' ? 'день впереди' : 'месяц впереди'} (${how})`;
}

function sampleValue(key: string, value: string, lang: Lang): string {
  if (lang === 'en') return value;
  if (DAY_KEYS.has(key) && /^\d{4}-\d\d-\d\d$/.test(value)) return isoDate(value, lang);
  // The exact value as read, with the Russian decimal mark (no rounding, no grouping).
  if (AMOUNT_KEYS.has(key) && /^-?\d+\.\d+$/.test(value)) return value.replace('.', ',');
  return VALUE_RU[value] ?? value;
}

/** The ambiguous column that stopped the reading, said in `lang`. */
function stoppedBy(details: InspectDetails, lang: Lang): string[] {
  const e = details.ambiguity;
  if (e === null) return [];
  const said = errorInLang(e, lang);
  return [
    `${describeProblem({ ...e, message: said.message }, ERROR_WORDS[lang].sheet)} (${ERROR_WORDS[lang].hint} ${said.hint ?? ''})`,
  ];
}

export function inspectDoc(r: InspectResult, details: InspectDetails, lang: Lang): Doc {
  const w = WORDS[lang];
  // Without a discount column every deal reads as not discounted: not a fact of the file.
  const discounts = r.columns.some((c) => c.field === 'discount');
  const keys = [...new Set(r.sample.flatMap((s) => Object.keys(s)))].filter((k) => k !== 'discounted' || discounts);
  const problems =
    lang === 'en'
      ? r.problems
      : [
          ...details.problems.map((p) =>
            describeProblem({ ...p, message: cellText(p.says, lang).text }, ERROR_WORDS[lang].sheet),
          ),
          ...stoppedBy(details, lang),
        ];
  return {
    title: `${t(lang, 'inspectTitle')}: ${r.file}`,
    sections: [
      {
        kind: 'facts',
        facts: [
          [w.readAs, ROLE_NAMES[lang][r.role]],
          [t(lang, 'tableKind'), t(lang, KIND_WORDS[r.kind] ?? 'kindCsv')],
          ...(r.sheet !== null
            ? [
                [t(lang, 'sheet'), r.sheet] as [string, string],
                [t(lang, 'sheets'), r.sheets.map((s, i) => `${i + 1} ${s}`).join(', ')] as [string, string],
              ]
            : []),
          ...(r.kind === 'csv' || r.kind === 'html'
            ? [
                [
                  t(lang, 'encoding'),
                  `${r.encoding} (${lang === 'en' ? r.encodingReason : (ENCODING_REASON_RU[r.encodingReason] ?? r.encodingReason)})`,
                ] as [string, string],
              ]
            : []),
          ...(r.kind === 'csv'
            ? [
                [t(lang, 'delimiter'), `${w.delimiters[r.delimiter] ?? r.delimiter}${r.sepLine ? w.fromSep : ''}`] as [
                  string,
                  string,
                ],
              ]
            : []),
          [w.headerLine, r.header ? String(r.headerLine) : w.noHeader],
          [t(lang, 'rows'), String(r.rows)],
          ...(r.totals.rows > 0
            ? [
                [
                  t(lang, 'totalsRows'),
                  `${r.totals.rows} (${w.line} ${r.totals.lines.join(', ')}${r.totals.rows > r.totals.lines.length ? ', …' : ''})`,
                ] as [string, string],
              ]
            : []),
          ...(r.blank > 0 ? [[w.blank, String(r.blank)] as [string, string]] : []),
          ...Object.entries(r.conventions).map(([field, convention]): [string, string] => {
            const reading = details.readings[field];
            return [
              fieldName(field, lang),
              reading === undefined ? convention : readingText(reading, convention, lang),
            ];
          }),
        ],
      },
      {
        kind: 'table',
        title: t(lang, 'mapping'),
        columns: [{ label: '#', align: 'right' }, { label: t(lang, 'header') }, { label: t(lang, 'field') }],
        rows: r.columns.map((c) => [
          String(c.position),
          c.header,
          c.field === null ? { text: '—', tone: 'muted' } : { text: fieldName(c.field, lang), tone: 'good' },
        ]),
      },
      ...(r.warnings.length > 0
        ? [
            {
              kind: 'notes' as const,
              lines: r.warnings.map((x) =>
                x.code === 'COLUMN_CHOICE' ? warningText(x, lang) : `${x.code}: ${warningText(x, lang)}`,
              ),
            },
          ]
        : []),
      ...(r.missing.length > 0
        ? [
            {
              kind: 'notes' as const,
              title: w.missing(r.missing.length),
              lines: r.missing.map((m) => ({
                text: w.noColumn(fieldName(m.field, lang), m.description, m.map),
                tone: 'bad' as const,
              })),
            },
          ]
        : []),
      {
        kind: 'table',
        title: t(lang, 'firstRows'),
        columns: keys.map((k) => ({
          label: lang === 'ru' ? (SAMPLE_KEYS_RU[k] ?? fieldName(k, lang)) : k,
          ...(k === 'line' || k === 'amount' ? { align: 'right' as const } : {}),
        })),
        rows: r.sample.map((s) => keys.map((k) => sampleValue(k, s[k] ?? '', lang))),
      },
      {
        kind: 'notes',
        title: `${t(lang, 'problems')} (${r.problemCount})`,
        lines: problems.length > 0 ? problems.map((p) => ({ text: p, tone: 'bad' as const })) : [t(lang, 'noProblems')],
      },
    ],
  };
}

/** The file's columns and the field each gives, as data. */
export function inspectTables(r: InspectResult, lang: Audience): DataTable[] {
  return [
    dataTable(
      'columns',
      lang,
      [
        ['position', 'integer'],
        ['header', 'text'],
        ['field', 'text'],
      ],
      r.columns.map((c) => ({ position: c.position, header: c.header, field: c.field })),
    ),
  ];
}
