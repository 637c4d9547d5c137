import type { InspectDetails, InspectResult } from '../schema/inspect.js';
import type { StatusCount } from '../schema/build.js';
import type { ColumnReading } from '../normalize/column-readers.js';
import type { DataTable, Doc, Section } from '../render/document.js';
import { dataTable, type Audience } from './tables.js';
import { describeProblem } from '../folio-error.js';
import { isoDate } from './format.js';
import { t, type Lang } from './i18n.js';
import { cellLine, ERROR_WORDS, errorInLang, fieldName } from './messages/error-words.js';
import { ROLE_NAMES } from './messages/inputs.js';
import { warningText } from './messages/warnings.js';

const KIND_WORDS: Record<string, 'kindCsv' | 'kindXlsx' | 'kindXls' | 'kindHtml' | 'kindParquet'> = {
  csv: 'kindCsv',
  xlsx: 'kindXlsx',
  xls: 'kindXls',
  html: 'kindHtml',
  parquet: 'kindParquet',
};

/** The words of `inspect` that no other command uses. */
const WORDS = {
  en: {
    readAs: 'read as',
    headerLine: 'header line',
    headerLines: (from: number, to: number) => `${from}–${to} (two lines read as one)`,
    titlePeriod: 'title period',
    titlePeriodAt: (from: string, to: string, line: number) => `${from} — ${to} (line ${line})`,
    subtotals: 'subtotal rows',
    noHeader: 'none (--no-header)',
    noHeaderFound: 'none (the first row is data; columns told by their content)',
    quotes: 'quotes',
    backslash: (detected: boolean) =>
      `escaped with backslashes: \\" \\\\ \\N (${detected ? 'detected; --escape double to read "" instead' : '--escape backslash'})`,
    nulBytes: 'NUL bytes dropped',
    first: (count: number, line: number) => `${count} (first on line ${line})`,
    blank: 'blank lines',
    line: 'line',
    fromSep: ' (from the sep= line)',
    delimiters: { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab', '|': 'pipe (|)' } as Record<string, string>,
    missing: (n: number) => `Missing (${n})`,
    noColumn: (field: string, description: string, map: string) =>
      `${field} (${description}): no column; map one with ${map}`,
    statuses: 'Statuses as read',
    status: 'Status',
    countsAs: 'Counts as',
    statusRows: 'Rows',
    otherValues: 'other values',
    roles: {
      won: 'won (revenue)',
      refund: 'refund (negative revenue)',
      lost: 'lost',
      open: 'open',
      unknown: 'unknown (read as open)',
    } as Record<StatusCount['role'], string>,
  },
  ru: {
    readAs: 'Прочитан как',
    headerLine: 'Строка заголовка',
    headerLines: (from: number, to: number) => `${from}–${to} (две строки прочитаны как одна)`,
    titlePeriod: 'Период из заголовка',
    titlePeriodAt: (from: string, to: string, line: number) => `${from} — ${to} (строка ${line})`,
    subtotals: 'Строк подытогов',
    noHeader: 'нет (--no-header)',
    noHeaderFound: 'нет (первая строка — данные; колонки определены по содержимому)',
    quotes: 'Кавычки',
    backslash: (detected: boolean) =>
      `экранированы обратной косой чертой: \\" \\\\ \\N (${detected ? 'определено по тексту; --escape=double — читать ""' : '--escape=backslash'})`,
    nulBytes: 'Отброшено нулевых байтов',
    first: (count: number, line: number) => `${count} (первый в строке ${line})`,
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
    statuses: 'Статусы, как они прочитаны',
    status: 'Статус',
    countsAs: 'Учтён как',
    statusRows: 'Строк',
    otherValues: 'прочие значения',
    roles: {
      won: 'выиграна (выручка)',
      refund: 'возврат (выручка с минусом)',
      lost: 'проиграна',
      open: 'открыта',
      unknown: 'неизвестен (как открыта)',
    } as Record<StatusCount['role'], string>,
  },
};

/** Revenue in green, a refund and values no list knows marked, the rest plain. */
const STATUS_TONE: Record<StatusCount['role'], 'good' | 'bad' | 'muted' | undefined> = {
  won: 'good',
  refund: 'bad',
  lost: undefined,
  open: undefined,
  unknown: 'bad',
};

const ENCODING_REASON_RU: Record<string, string> = {
  bom: 'по метке BOM',
  'valid-utf8': 'корректный UTF-8',
  'utf16-zeros': 'по нулевым байтам UTF-16',
  'letter-statistics': 'по частоте букв',
  override: 'задана --encoding',
  'code-page-record': 'по записи CODEPAGE книги',
  format: 'по формату файла',
  unrecognised: 'не распознана',
};

/** Values of the sample that are codes of folio's, said in Russian (names and numbers stay). */
const VALUE_RU: Record<string, string> = {
  won: 'выиграна',
  lost: 'проиграна',
  open: 'открыта',
  refund: 'возврат',
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

/** The bad cells, and the ambiguous column that stopped the reading, one line each in `lang` (in English: JSON's `problems`). */
export function problemLines(details: InspectDetails, lang: Lang): string[] {
  return [...details.problems.map((p) => cellLine(p, lang)), ...stoppedBy(details, lang)];
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

/** How folio reads the file: what it is, how it reads, the columns' fields, the statuses, the first rows and the problems. */
export function inspectDoc(r: InspectResult, details: InspectDetails, lang: Lang): Doc {
  const w = WORDS[lang];
  const problems = problemLines(details, lang);
  return {
    title: `${t(lang, 'inspectTitle')}: ${r.file}`,
    sections: [
      { kind: 'facts', facts: readingFacts(r, details, lang) },
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
      ...statusSections(r, lang),
      sampleSection(r, lang),
      {
        kind: 'notes',
        title: `${t(lang, 'problems')} (${r.problemCount})`,
        lines: problems.length > 0 ? problems.map((p) => ({ text: p, tone: 'bad' as const })) : [t(lang, 'noProblems')],
      },
    ],
  };
}

/** What the file is and how it was read: kind, sheet, encoding, delimiter, header, rows, each column's convention. */
function readingFacts(r: InspectResult, details: InspectDetails, lang: Lang): [string, string][] {
  const w = WORDS[lang];
  const lines = (n: number, at: number[]): string => `${n} (${w.line} ${at.join(', ')}${n > at.length ? ', …' : ''})`;
  return [
    [w.readAs, ROLE_NAMES[lang][r.role]],
    [t(lang, 'tableKind'), t(lang, KIND_WORDS[r.kind] ?? 'kindCsv')],
    ...(r.sheet !== null
      ? [
          [t(lang, 'sheet'), r.sheet] as [string, string],
          [t(lang, 'sheets'), r.sheets.map((s, i) => `${i + 1} ${s}`).join(', ')] as [string, string],
        ]
      : []),
    ...(r.kind === 'csv' || r.kind === 'html' || r.kind === 'xls'
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
    [
      w.headerLine,
      !r.header
        ? r.headerless?.detected
          ? w.noHeaderFound
          : w.noHeader
        : r.headerFrom < r.headerLine
          ? w.headerLines(r.headerFrom, r.headerLine)
          : String(r.headerLine),
    ],
    ...(r.escape?.style === 'backslash' ? [[w.quotes, w.backslash(r.escape.detected)] as [string, string]] : []),
    ...(r.nulBytes.count > 0 ? [[w.nulBytes, w.first(r.nulBytes.count, r.nulBytes.line)] as [string, string]] : []),
    ...(r.titlePeriod !== null
      ? [[w.titlePeriod, w.titlePeriodAt(r.titlePeriod.from, r.titlePeriod.to, r.titlePeriod.line)] as [string, string]]
      : []),
    [t(lang, 'rows'), String(r.rows)],
    ...(r.totals.rows > 0 ? [[t(lang, 'totalsRows'), lines(r.totals.rows, r.totals.lines)] as [string, string]] : []),
    ...(r.subtotals.rows > 0 ? [[w.subtotals, lines(r.subtotals.rows, r.subtotals.lines)] as [string, string]] : []),
    ...(r.blank > 0 ? [[w.blank, String(r.blank)] as [string, string]] : []),
    ...Object.entries(r.conventions).map(([field, convention]): [string, string] => {
      const reading = details.readings[field];
      return [fieldName(field, lang), reading === undefined ? convention : readingText(reading, convention, lang)];
    }),
  ];
}

/** Each status value and what it counts as, for deals and leads with a status column. */
function statusSections(r: InspectResult, lang: Lang): Section[] {
  if (r.statuses === null || r.statuses.length === 0) return [];
  const w = WORDS[lang];
  return [
    {
      kind: 'table',
      title: w.statuses,
      columns: [{ label: w.status }, { label: w.countsAs }, { label: w.statusRows, align: 'right' }],
      rows: r.statuses.map((s) => [
        s.value === null ? { text: `(${w.otherValues})`, tone: 'muted' as const } : s.value,
        { text: w.roles[s.role], tone: STATUS_TONE[s.role] },
        String(s.rows),
      ]),
    },
  ];
}

/** The first rows as folio reads them. */
function sampleSection(r: InspectResult, lang: Lang): Section {
  // Without a discount column every deal reads as not discounted: not a fact of the file.
  const discounts = r.columns.some((c) => c.field === 'discount');
  const keys = [...new Set(r.sample.flatMap((s) => Object.keys(s)))].filter((k) => k !== 'discounted' || discounts);
  return {
    kind: 'table',
    title: t(lang, 'firstRows'),
    columns: keys.map((k) => ({
      label: lang === 'ru' ? (SAMPLE_KEYS_RU[k] ?? fieldName(k, lang)) : k,
      ...(k === 'line' || k === 'amount' ? { align: 'right' as const } : {}),
    })),
    rows: r.sample.map((s) => keys.map((k) => sampleValue(k, s[k] ?? '', lang))),
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
