import type { CellFields, CellHint, CellSays, ErrorFields, ErrorSays } from '../../codes/error-fields.js';
import type { LookedFor, UnusedFile, UnusedReason } from '../../codes/inputs.js';
import { describeProblem, type FolioError, type LocatedCell, type SheetWords } from '../../folio-error.js';
import type { Lang } from '../i18n.js';
import { isoDate } from '../format.js';
import { RULE_GAP } from './check.js';
import { ROLE_NOUN } from './roles.js';
import { type Catalog, say } from './entry.js';

const quoted = (list: readonly string[]): string => list.map((h) => `"${h}"`).join(', ');

/** The flags that ask for the days the data covers: one calendar year as --period, else --from/--to; and --as-of, where the command has one. */
function rangeFlags(covers: { from: string; to: string }, asOf: string | null, lang: Lang): string {
  const year = covers.from.slice(0, 4);
  const range = year === covers.to.slice(0, 4) ? `--period ${year}` : `--from ${covers.from} --to ${covers.to}`;
  if (asOf === null) return range;
  return lang === 'ru' ? `${range} или --as-of ${asOf}` : `${range}, or --as-of ${asOf}`;
}

/** Russian names of the fields folio reads (the English ones are the `--map` keys themselves). */
const FIELD_RU: Record<string, string> = {
  manager: 'менеджер',
  client: 'клиент',
  status: 'статус',
  won: 'выиграна (да/нет)',
  amount: 'сумма',
  want: 'хочет',
  can: 'может',
  date: 'дата',
  sent: 'дата отправки',
  segment: 'сегмент',
  quantity: 'количество',
  product: 'товар',
  price: 'цена',
  outcome: 'результат',
  number: 'номер',
  lead: 'заявка',
  key: 'ключевой',
  id: 'ID',
  expires: 'срок действия',
  expectedClose: 'ожидаемая дата',
  dossier: 'досье',
  days: 'дней до закрытия',
  currency: 'валюта',
  created: 'дата создания',
  channel: 'канал',
  discount: 'скидка',
  contact: 'контакт',
  stage: 'этап',
  lostStage: 'этап отказа',
};
const fieldRu = (field: string): string => `«${FIELD_RU[field] ?? field}»`;

/** A field's name as a person reads it: the `--map` key in English, its Russian name in Russian. */
export const fieldName = (field: string, lang: Lang): string => (lang === 'ru' ? (FIELD_RU[field] ?? field) : field);

const ROLE_RU: Record<string, string> = {
  deals: 'сделки',
  activities: 'активности',
  leads: 'заявки',
  clients: 'клиенты',
  offers: 'КП',
};

/** How a `--holidays` file is written. */
const HOLIDAYS_FORMAT = {
  en: 'one ISO date per line (2026-01-09), optionally followed by "working" for a day worked; # starts a comment',
  ru: 'по одной дате ISO в строке (2026-01-09), после неё может стоять «рабочий» для рабочего дня; # начинает комментарий',
};

const TABLE_FILES_RU = 'файл .csv/.tsv/.txt, .xlsx/.xlsm/.xls или .parquet';

/** `client + amount` as the fields' Russian names, ways joined by «или». */
const waysRu = (needs: readonly string[]): string =>
  needs.map((way) => way.split(' + ').map(fieldRu).join(' + ')).join(' или ');

/** Why a folder's file was not used, in `lang`. */
export function unusedWhy(u: UnusedFile, lang: Lang): string {
  return lang === 'ru' ? unusedWhyRu(u.reason) : unusedWhyEn(u.reason);
}

function unusedWhyEn(r: UnusedReason): string {
  switch (r.code) {
    case 'unreadable': {
      const said = errorInLang(r.error, 'en');
      return `${r.line === null ? '' : `line ${r.line}: `}${said.message}; ${said.hint ?? ''}`;
    }
    case 'named-without-columns':
      return `named like ${r.roles.join(' or ')}, but without the columns ${r.needs.map((ways) => ways.join(', or ')).join('; ')}`;
    case 'activity-log-without-columns':
      return `an activity log (it has ${r.signs.map((s) => `"${s}"`).join(', ')}), but without a column for ${r.lacks.join(', ')}: name it with --activities FILE and map one with --activities-map FIELD=HEADER`;
    case 'no-fitting-columns':
      return `its columns fit no input (${r.header.join(', ')}${r.more ? ', …' : ''})`;
    case 'no-header':
      return 'no header row could be read';
    case 'too-deep':
      return 'a folder two levels down: folio looks one level deep';
    case 'legacy-workbook':
      return 'a workbook format folio does not read: save it as .xlsx or CSV from the spreadsheet program';
    case 'not-a-table':
      return `not ${TABLE_FILES_EN}`;
  }
}

function unusedWhyRu(r: UnusedReason): string {
  switch (r.code) {
    case 'unreadable': {
      const said = errorInLang(r.error, 'ru');
      const at = r.line === null ? '' : `строка ${r.line}: `;
      return said.hint === undefined ? `${at}${said.message}` : `${at}${said.message}; ${said.hint}`;
    }
    case 'named-without-columns':
      return `назван как ${r.roles.map((role) => ROLE_RU[role] ?? role).join(' или ')}, но без колонок ${waysRu(r.needs.flat())}`;
    case 'activity-log-without-columns':
      return `журнал активностей (в нём есть ${r.signs.map((s) => `«${s}»`).join(', ')}), но без колонки ${r.lacks.map(fieldRu).join(', ')}: укажите его флагом --activities ФАЙЛ и колонку флагом --activities-map ПОЛЕ=ЗАГОЛОВОК`;
    case 'no-fitting-columns':
      return `колонки не подходят ни к одному входу (${r.header.join(', ')}${r.more ? ', …' : ''})`;
    case 'no-header':
      return 'не удалось прочитать строку заголовка';
    case 'too-deep':
      return 'папка на два уровня вглубь: folio смотрит на один уровень';
    case 'legacy-workbook':
      return 'формат таблиц, который folio не читает: сохраните файл как .xlsx или CSV в программе электронных таблиц';
    case 'not-a-table':
      return `не ${TABLE_FILES_RU}`;
  }
}

const TABLE_FILES_EN = 'a .csv/.tsv/.txt, .xlsx/.xlsm/.xls or .parquet file';

/** What folder discovery looked for, one line per role. */
function lookedForEn(l: LookedFor): string {
  return `${l.role}: ${ROLE_NOUN.en[l.role]}, ${TABLE_FILES_EN} named like ${l.names.join(', ')}, ${l.byNameOnly ? 'with the columns' : 'or with the columns'} ${l.needs.join(', or ')}`;
}

/** What folder discovery looked for, one line per role, in Russian. */
function lookedForRu(l: LookedFor): string {
  return `${l.role}: ${ROLE_RU[l.role] ?? l.role}, ${TABLE_FILES_RU} с именем как ${l.names.join(', ')}, ${l.byNameOnly ? 'и с колонками' : 'или с колонками'} ${waysRu(l.needs)}`;
}

/** What a bad cell says, in each language. */
export const CELLS: Catalog<CellFields> = {
  TWO_SIGNS: { en: { text: () => 'two signs' }, ru: { text: () => 'два знака' } },
  NO_DIGITS: { en: { text: () => 'no digits' }, ru: { text: () => 'нет цифр' } },
  NOT_A_NUMBER: { en: { text: () => 'not a number' }, ru: { text: () => 'не число' } },
  WRONG_DECIMAL_MARK: {
    en: {
      text: (f) =>
        f.column === ','
          ? 'uses a decimal point, but the column uses decimal commas'
          : 'uses a decimal comma, but the column uses decimal points',
    },
    ru: {
      text: (f) =>
        f.column === ','
          ? 'дробная часть отделена точкой, а в колонке — запятой'
          : 'дробная часть отделена запятой, а в колонке — точкой',
    },
  },
  MISPLACED_SEPARATOR: {
    en: { text: () => 'misplaced separator' },
    ru: { text: () => 'разделитель не на своём месте' },
  },
  DIGIT_GROUPS: {
    en: { text: () => 'digit groups are not of three' },
    ru: { text: () => 'группы разрядов не по три цифры' },
  },
  TOO_LARGE: {
    en: { text: () => 'too large to sum exactly' },
    ru: { text: () => 'слишком большое, чтобы сложить точно' },
  },
  TOO_PRECISE: {
    en: {
      text: (f) =>
        `more than ${f.decimals} decimal places, and more than ${f.digits} significant digits (so not a printed binary float)`,
    },
    ru: {
      text: (f) =>
        `больше ${f.decimals} знаков после запятой и больше ${f.digits} значащих цифр (значит, это не напечатанное двоичное число)`,
    },
  },
  NO_DATE_EITHER_ORDER: {
    en: { text: (f) => `no date day-first or month-first: neither ${f.first} nor ${f.second} is a month` },
    ru: { text: (f) => `не дата ни с днём, ни с месяцем впереди: ни ${f.first}, ни ${f.second} не месяц` },
  },
  WRONG_DAY_ORDER: {
    en: {
      text: (f) =>
        f.column === 'dmy'
          ? 'reads only month-first, but the column is day-first'
          : 'reads only day-first, but the column is month-first',
    },
    ru: {
      text: (f) =>
        f.column === 'dmy'
          ? 'читается только с месяцем впереди, а в колонке впереди день'
          : 'читается только с днём впереди, а в колонке впереди месяц',
    },
  },
  UNREADABLE_DATE: {
    en: { text: () => 'not a date folio can read' },
    ru: { text: () => 'не дата, которую folio может прочитать' },
  },
  NO_MONTH: { en: { text: (f) => `there is no month ${f.month}` }, ru: { text: (f) => `нет месяца ${f.month}` } },
  NO_DAY: {
    en: { text: (f) => `there is no day ${f.day} in ${f.year}-${String(f.month).padStart(2, '0')}` },
    ru: { text: (f) => `в ${String(f.month).padStart(2, '0')}.${f.year} нет ${f.day}-го числа` },
  },
  NO_CLIENT: { en: { text: () => 'no client' }, ru: { text: () => 'нет клиента' } },
  NO_CLIENT_NAME: { en: { text: () => 'no client name' }, ru: { text: () => 'нет названия клиента' } },
  NO_DATE: { en: { text: () => 'no date' }, ru: { text: () => 'нет даты' } },
  NO_VALUE: { en: { text: (f) => `no ${f.field}` }, ru: { text: (f) => `пусто: ${fieldRu(f.field)}` } },
  NO_PRODUCT_NO_AMOUNT: {
    en: { text: () => 'no product, price or quantity, and no amount column to take the deal amount from' },
    ru: { text: () => 'нет ни товара, ни цены, ни количества, и нет колонки суммы, откуда взять сумму сделки' },
  },
  NO_PRODUCT: {
    en: { text: () => 'no product on a row with a price or quantity' },
    ru: { text: () => 'в строке с ценой или количеством нет товара' },
  },
  NEGATIVE_LEAD: {
    en: { text: () => 'a lead cannot bring a negative amount' },
    ru: { text: () => 'заявка не может принести отрицательную сумму' },
  },
  NEGATIVE_OFFER: {
    en: { text: () => 'an offer cannot be for a negative amount' },
    ru: { text: () => 'КП не может быть на отрицательную сумму' },
  },
  NOT_WHOLE_DAYS: { en: { text: () => 'not a whole number of days' }, ru: { text: () => 'не целое число дней' } },
  EXPIRES_BEFORE_SENT: {
    en: { text: () => 'the offer expires before it was sent' },
    ru: { text: () => 'срок действия КП истекает раньше, чем оно отправлено' },
  },
  CONFLICTING_AMOUNT: {
    en: {
      text: (f) =>
        `deal ${f.id} ${f.noProducts ? 'has no product rows and appears again' : 'appears again'} with a different amount (first on line ${f.line}${f.of === null ? '' : ` of ${f.of}`})`,
    },
    ru: {
      text: (f) =>
        `сделка ${f.id}${f.noProducts ? ' без строк товаров' : ''} встречается снова с другой суммой (впервые — строка ${f.line}${f.of === null ? '' : ` файла ${f.of}`})`,
    },
  },
  SHORT_ROW: {
    en: { text: (f) => `${f.fields} field${f.fields === 1 ? '' : 's'}, the header has ${f.width}` },
    ru: { text: (f) => `полей в строке: ${f.fields}, в заголовке: ${f.width}` },
  },
  EXTRA_FIELDS: {
    en: { text: (f) => `the row has ${f.fields} fields, the header ${f.width}` },
    ru: { text: (f) => `полей в строке: ${f.fields}, в заголовке: ${f.width}` },
  },
};

/** How a bad cell is fixed, in each language. */
export const CELL_HINTS: Record<CellHint, Record<Lang, string>> = {
  'amount-format': {
    en: 'write amounts as 1234.56, 1 234,56 or 1,234.56',
    ru: 'пишите суммы как 1234.56, 1 234,56 или 1,234.56',
  },
  'date-format': {
    en: 'write dates as 2026-10-31 or 31.10.2026, or set the order with --date-format dd/mm/yyyy',
    ru: 'пишите даты как 2026-10-31 или 31.10.2026 либо задайте порядок: --date-format dd/mm/yyyy',
  },
  'fix-amount': { en: 'fix the amount', ru: 'исправьте сумму' },
  'fill-contact-client': { en: 'fill in the client of the contact', ru: 'заполните клиента контакта' },
  'fill-contact-date': { en: 'fill in when the contact happened', ru: 'заполните дату контакта' },
  'fill-client': { en: 'fill in the client', ru: 'заполните клиента' },
  'fill-offer-client': {
    en: 'fill in the client the offer was sent to',
    ru: 'заполните клиента, которому отправлено КП',
  },
  'product-row': {
    en: 'a product row needs product, price and quantity; leave all three empty for a deal without products, whose amount is then taken',
    ru: 'строке товара нужны товар, цена и количество; у сделки без товаров оставьте все три пустыми — тогда берётся её сумма',
  },
  'map-deal-amount': {
    en: 'map the deal amount with --map amount=HEADER, or fill in the product row',
    ru: 'укажите колонку суммы сделки: --map amount=ЗАГОЛОВОК, или заполните строку товара',
  },
  'whole-days': {
    en: 'write days to close as a whole number, e.g. 45',
    ru: 'пишите дни до закрытия целым числом, например 45',
  },
  'offer-dates': {
    en: 'check the two dates, or map the right columns with --map sent=HEADER --map expires=HEADER',
    ru: 'проверьте обе даты или укажите нужные колонки: --map sent=ЗАГОЛОВОК --map expires=ЗАГОЛОВОК',
  },
  'keep-one': {
    en: 'keep one of the two rows; if both are real, give them different IDs',
    ru: 'оставьте одну из двух строк; если обе настоящие, дайте им разные ID',
  },
  'short-row': {
    en: 'the row was cut short: export it again, or check its quoting and line breaks',
    ru: 'строка обрезана: выгрузите её заново или проверьте кавычки и переносы строк',
  },
  'extra-fields': {
    en: 'check the quoting of this row: a value holding the delimiter must be quoted',
    ru: 'проверьте кавычки в строке: значение с разделителем должно быть в кавычках',
  },
  'extra-cells': {
    en: "a cell right of the header's last column holds a value: check which line is the header (`folio inspect FILE` shows it) and name it with --header-row N, or clear that column",
    ru: 'в ячейке правее последней колонки заголовка есть значение: проверьте, какая строка — заголовок (её показывает `folio inspect ФАЙЛ`), и укажите её: --header-row N, или очистите эту колонку',
  },
};

/** What a bad cell says, and how it is fixed. */
export function cellText(c: CellSays, lang: Lang): { text: string; hint: string } {
  // `text.id` and `text.fields` go together (see `CellText`).
  return { text: say(CELLS, c.text.id, c.text.fields as never, lang).text, hint: CELL_HINTS[c.hint][lang] };
}

/** A bad cell located and said in `lang`: `deals.csv:14:3: Amount "12,x": not a number`. */
export function cellLine(c: LocatedCell, lang: Lang): string {
  return describeProblem({ ...c, message: cellText(c.says, lang).text }, ERROR_WORDS[lang].sheet);
}

const columnsFound = (columns: readonly string[], closest: string | null, lang: Lang): string =>
  lang === 'ru'
    ? `найдены колонки: ${quoted(columns)}${closest === null ? '' : `; ближе всего: "${closest}"`}`
    : `columns found: ${quoted(columns)}${closest === null ? '' : `; closest: "${closest}"`}`;

/** How to fix a table whose header row lacks a column: map it (the closest row's own hint), or name the header's line. */
function headerRowHint(closest: ErrorSays, headerless: boolean, redacted: boolean, lang: Lang): string {
  if (lang === 'ru') {
    const map = redacted ? 'укажите колонки: --map ПОЛЕ=ЗАГОЛОВОК' : (errorText(closest, 'ru').hint ?? '');
    const none = headerless
      ? '; если строки заголовка в файле нет, укажите --no-header и колонки по номеру (--map ПОЛЕ=N)'
      : '';
    return `${map}; или укажите строку заголовка: --header-row N${none}`;
  }
  const map = redacted ? 'map the columns with --map FIELD=HEADER' : (errorText(closest, 'en').hint ?? '');
  const none = headerless
    ? '; if the file has no header row, pass --no-header and map its columns by position (--map FIELD=N)'
    : '';
  return `${map}; or name the header's line with --header-row N${none}`;
}

/** folio's errors, each with the hint that fixes it, in each language. */
export const ERRORS: Catalog<ErrorFields> = {
  NO_SUCH_FILE: {
    en: { text: () => 'no such file', hint: () => 'check the path; use - to read standard input' },
    ru: { text: () => 'нет такого файла', hint: () => 'проверьте путь; чтобы читать стандартный ввод, укажите -' },
  },
  CANNOT_OPEN_FILE: {
    en: { text: (f) => `cannot open the file (${f.reason})`, hint: () => 'check the file permissions' },
    ru: { text: (f) => `не удаётся открыть файл (${f.reason})`, hint: () => 'проверьте права доступа к файлу' },
  },
  IS_DIRECTORY: {
    en: { text: () => 'is a folder, not a file', hint: () => 'name the CSV file inside it' },
    ru: { text: () => 'это папка, а не файл', hint: () => 'укажите CSV-файл в ней' },
  },
  NOT_A_FOLDER: {
    en: {
      text: () => 'is not a folder',
      hint: () =>
        'give a folder of CSV exports, or name the files with --deals, --activities, --leads, --clients (once per file: --deals a.csv --deals b.csv; a glob after --deals names only its first file)',
    },
    ru: {
      text: () => 'это не папка',
      hint: () =>
        'укажите папку с CSV-выгрузками или назовите файлы флагами --deals, --activities, --leads, --clients (по разу на файл: --deals a.csv --deals b.csv; шаблон после --deals называет только первый файл)',
    },
  },
  EMPTY_FILE: {
    en: {
      text: () => 'the file is empty',
      hint: () => 'export the data again; folio needs a header row and at least one data row',
    },
    ru: {
      text: () => 'файл пуст',
      hint: () => 'выгрузите данные заново; folio нужны строка заголовка и хотя бы одна строка данных',
    },
  },
  NO_ROWS_AT_ALL: {
    en: { text: () => 'the file holds no rows', hint: () => 'export the data again, with a header row' },
    ru: { text: () => 'в файле нет ни одной строки', hint: () => 'выгрузите данные заново, со строкой заголовка' },
  },
  NO_DATA_ROWS: {
    en: {
      text: () => 'the file has a header but no data rows',
      hint: () => 'export again with data; check that the export filter is not empty',
    },
    ru: {
      text: () => 'в файле есть заголовок, но нет строк данных',
      hint: () => 'выгрузите заново вместе с данными; проверьте, что фильтр выгрузки не пустой',
    },
  },
  UNKNOWN_ENCODING: {
    en: {
      text: () =>
        'the bytes are neither UTF-8 nor text in a code page folio knows (Windows-1251/1252, KOI8-R, IBM866, 437)',
      hint: () => 'save the export as CSV in UTF-8, or name its encoding with --encoding',
    },
    ru: {
      text: () =>
        'байты не являются ни UTF-8, ни текстом в известной folio кодировке (Windows-1251/1252, KOI8-R, IBM866, 437)',
      hint: () => 'сохраните выгрузку как CSV в UTF-8 или укажите её кодировку: --encoding',
    },
  },
  BINARY_FILE: {
    en: {
      text: () => 'this is a binary file, not CSV text (it holds control bytes, such as zero bytes, outside text)',
      hint: () =>
        'folio reads CSV, .xlsx/.xlsm/.xls workbooks, HTML tables saved as .xls, and Parquet; save the export as one of them',
    },
    ru: {
      text: () => 'это двоичный файл, а не текст CSV (в нём управляющие байты, например нулевые, вне текста)',
      hint: () =>
        'folio читает CSV, книги .xlsx/.xlsm/.xls, HTML-таблицы, сохранённые как .xls, и Parquet; сохраните выгрузку в одном из этих форматов',
    },
  },
  INVALID_UTF8: {
    en: {
      text: (f) => `invalid UTF-8 at byte ${f.byte}, although the start of the file read as UTF-8`,
      hint: () => 'name the encoding with --encoding (for example --encoding windows-1251)',
    },
    ru: {
      text: (f) => `неверный UTF-8 в байте ${f.byte}, хотя начало файла прочиталось как UTF-8`,
      hint: () => 'укажите кодировку: --encoding (например, --encoding windows-1251)',
    },
  },
  BAD_ENCODING_NAME: {
    en: { text: (f) => `unknown encoding "${f.name}"`, hint: (f) => `use one of: ${f.known.join(', ')}` },
    ru: { text: (f) => `неизвестная кодировка "${f.name}"`, hint: (f) => `допустимо: ${f.known.join(', ')}` },
  },
  CANNOT_WRITE: {
    en: {
      text: (f) => `cannot write the output file (${f.reason})`,
      hint: () => 'check that the folder exists and is writable',
    },
    ru: {
      text: (f) => `не удаётся записать файл вывода (${f.reason})`,
      hint: () => 'проверьте, что папка существует и доступна для записи',
    },
  },
  UNTERMINATED_QUOTE_LIMIT: {
    en: {
      text: (f) => `a quoted field opened on this line runs over ${f.limit}`,
      hint: () => 'a closing quote is probably missing; fix the line, or raise the limit with --max-field-size',
    },
    ru: {
      text: (f) => `значение в кавычках, открытое в этой строке, длиннее ${f.limit}`,
      hint: () => 'вероятно, не хватает закрывающей кавычки; исправьте строку или поднимите предел: --max-field-size',
    },
  },
  RECORD_TOO_LONG: {
    en: {
      text: (f) => `a record longer than ${f.limit}`,
      hint: () => 'this does not look like a CSV export; check the file, or raise the limit with --max-field-size',
    },
    ru: {
      text: (f) => `запись длиннее ${f.limit}`,
      hint: () => 'это не похоже на CSV-выгрузку; проверьте файл или поднимите предел: --max-field-size',
    },
  },
  UNTERMINATED_QUOTE: {
    en: {
      text: () => 'a quoted field opened here is never closed',
      hint: () => 'add the missing closing quote (a quote inside a quoted field is written twice: "")',
    },
    ru: {
      text: () => 'открытая здесь кавычка так и не закрыта',
      hint: () => 'добавьте недостающую закрывающую кавычку (кавычка внутри значения в кавычках пишется дважды: "")',
    },
  },
  TEXT_AFTER_QUOTE: {
    en: {
      text: () => 'text follows the closing quote of a quoted field',
      hint: (f) =>
        f.backslash
          ? 'the quote follows a backslash, as database dumps write a quote inside a quoted field (\\"): read the file with --escape backslash'
          : 'a quote inside a quoted field must be written twice ("")',
    },
    ru: {
      text: () => 'после закрывающей кавычки идёт текст',
      hint: (f) =>
        f.backslash
          ? 'кавычке предшествует обратная косая черта — так кавычку внутри значения пишут выгрузки из баз данных (\\"): читайте файл с --escape=backslash'
          : 'кавычка внутри значения в кавычках пишется дважды ("")',
    },
  },
  HTML_ROW_TOO_LONG: {
    en: {
      text: (f) => `a table row (<tr>) runs over ${f.limit} characters without its </tr>`,
      hint: () => 'check the file, or raise the limit with --max-field-size',
    },
    ru: {
      text: (f) => `строка таблицы (<tr>) длиннее ${f.limit} символов и не закрыта </tr>`,
      hint: () => 'проверьте файл или поднимите предел: --max-field-size',
    },
  },
  SHEET_ROW_TOO_LONG: {
    en: {
      text: (f) => `a row of the sheet's XML runs over ${f.limit} characters`,
      hint: () => 'raise the limit with --max-field-size, or save the sheet as CSV',
    },
    ru: {
      text: (f) => `строка XML листа длиннее ${f.limit} символов`,
      hint: () => 'поднимите предел: --max-field-size, или сохраните лист как CSV',
    },
  },
  BAD_PARQUET: {
    en: {
      text: (f) => `the file starts like Parquet but cannot be read: ${f.reason}`,
      hint: () =>
        "write it again with the default Snappy compression or none (DuckDB: COPY ... TO 'x.parquet' (FORMAT parquet)), or export CSV",
    },
    ru: {
      text: () => 'файл начинается как Parquet, но не читается',
      hint: () => 'запишите его заново со сжатием Snappy по умолчанию или без сжатия либо выгрузите CSV',
    },
  },
  LEGACY_XLS: {
    en: {
      text: () => 'this is an Excel 2.x–4.x worksheet (BIFF2–4), older than any folio reads',
      hint: () => 'open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV',
    },
    ru: {
      text: () => 'это лист Excel 2.x–4.x (BIFF2–4): такие старые книги folio не читает',
      hint: () => 'откройте его в Excel или LibreOffice и сохраните как .xlsx (книга Excel) или как CSV',
    },
  },
  ENCRYPTED_XLS: {
    en: {
      text: () => 'the workbook is protected with a password (encrypted), so its cells cannot be read',
      hint: () => 'open it in Excel or LibreOffice, remove the password and save it as .xlsx or CSV',
    },
    ru: {
      text: () => 'книга защищена паролем (зашифрована), её ячейки не прочитать',
      hint: () => 'откройте её в Excel или LibreOffice, снимите пароль и сохраните как .xlsx или CSV',
    },
  },
  XLS_UNKNOWN_CODE_PAGE: {
    en: {
      text: () =>
        'the workbook names no code page, and its text reads in none folio knows (Windows-1251/1252, KOI8-R, IBM866, 437)',
      hint: () =>
        'name the code page with --encoding (for example --encoding windows-1251), or save the workbook as .xlsx',
    },
    ru: {
      text: () =>
        'в книге не указана кодовая страница, и её текст не читается ни в одной из известных folio (Windows-1251/1252, KOI8-R, IBM866, 437)',
      hint: () =>
        'укажите кодовую страницу: --encoding (например, --encoding windows-1251) или сохраните книгу как .xlsx',
    },
  },
  SHEET_NOT_WORKBOOK: {
    en: {
      text: (f) =>
        `--sheet ${f.sheet}: the file is ${f.kind === 'csv' ? 'CSV text' : f.kind === 'html' ? 'an HTML table' : 'Parquet'}, not a workbook with sheets`,
      hint: () => 'drop --sheet, or give the .xlsx or .xls workbook',
    },
    ru: {
      text: (f) => `--sheet ${f.sheet}: это не книга с листами`,
      hint: () => 'уберите --sheet или укажите книгу .xlsx или .xls',
    },
  },
  WORKBOOK_TOO_LARGE: {
    en: {
      text: (f) =>
        `the workbook ${f.what}: refused (a workbook is an archive, and one this size may be built to exhaust memory)`,
      hint: (f) => `if you trust the file, raise the limit with ${f.flag}; or save the sheet as CSV`,
    },
    ru: {
      text: () =>
        'книга отклонена: она слишком велика (книга — это архив, и такой размер может быть рассчитан на исчерпание памяти)',
      hint: (f) => `если файлу можно доверять, поднимите предел: ${f.flag}; или сохраните лист как CSV`,
    },
  },
  DAMAGED_WORKBOOK: {
    en: {
      text: (f) => `the file starts like a zip archive (an .xlsx workbook) but cannot be read as one: ${f.reason}`,
      hint: () => 'open it in Excel or LibreOffice and save it again as .xlsx, or as CSV',
    },
    ru: {
      text: () => 'файл начинается как zip-архив (книга .xlsx), но не читается как архив',
      hint: () => 'откройте его в Excel или LibreOffice и сохраните заново как .xlsx или как CSV',
    },
  },
  DAMAGED_XLS: {
    en: {
      text: (f) => `the file starts like an Excel 97–2003 workbook (.xls) but cannot be read as one: ${f.reason}`,
      hint: () => 'open it in Excel or LibreOffice and save it again, as .xlsx or as CSV',
    },
    ru: {
      text: (f) => `файл начинается как книга Excel 97–2003 (.xls), но не читается: ${f.reason}`,
      hint: () => 'откройте его в Excel или LibreOffice и сохраните заново как .xlsx или как CSV',
    },
  },
  NO_SUCH_SHEET: {
    en: {
      text: (f) =>
        `--sheet ${f.wanted}: the workbook has no such sheet; its sheets are ${f.sheets.map((s, i) => `${i + 1} "${s}"`).join(', ')}`,
      hint: () => 'name a sheet with --sheet NAME or --sheet N (1 is the first); `folio inspect FILE` lists them',
    },
    ru: {
      text: (f) =>
        `--sheet ${f.wanted}: в книге нет такого листа; её листы: ${f.sheets.map((s, i) => `${i + 1} "${s}"`).join(', ')}`,
      hint: () => 'укажите лист: --sheet ИМЯ или --sheet N (1 — первый); `folio inspect ФАЙЛ` перечисляет их',
    },
  },
  NOT_A_WORKBOOK: {
    en: {
      text: (f) => `the file is a zip archive but not an Excel workbook: ${f.why}`,
      hint: () => 'give an .xlsx or .xlsm workbook, or the export as CSV',
    },
    ru: {
      text: () => 'файл — zip-архив, но не книга Excel',
      hint: () => 'укажите книгу .xlsx или .xlsm либо выгрузку в CSV',
    },
  },
  NOT_AN_XLS: {
    en: {
      text: (f) => `the file is an OLE2 compound file but not an Excel workbook: ${f.why}`,
      hint: () => 'give an .xls or .xlsx workbook, or the export as CSV',
    },
    ru: {
      text: () => 'файл — составной документ OLE2, но не книга Excel',
      hint: () => 'укажите книгу .xls или .xlsx либо выгрузку в CSV',
    },
  },
  MISSING_COLUMN: {
    en: {
      text: (f) =>
        `no column for ${f.fields.map((m) => `"${m.field}"`).join(' and ')} (${f.fields.map((m) => m.description).join('; ')})`,
      hint: (f) =>
        f.columns === null
          ? `name the column by position, e.g. --map ${f.first}=1`
          : `${columnsFound(f.columns, f.closest, 'en')}; map one with --map ${f.first}=HEADER`,
    },
    ru: {
      text: (f) => `нет колонки: ${f.fields.map((m) => fieldRu(m.field)).join(' и ')}`,
      hint: (f) =>
        f.columns === null
          ? `укажите колонку по номеру, например --map ${f.first}=1`
          : `${columnsFound(f.columns, f.closest, 'ru')}; укажите колонку: --map ${f.first}=ЗАГОЛОВОК`,
    },
  },
  NO_DATE_FOR_PERIOD: {
    en: {
      text: (f) =>
        f.given === false
          ? 'the report covers a period (by default the last full month before --as-of), but the file has no date column'
          : 'a period was asked for, but the file has no date column',
      hint: (f) =>
        f.given === false
          ? `columns found: ${quoted(f.columns)}; map one with --map date=HEADER`
          : `columns found: ${quoted(f.columns)}; map one with --map date=HEADER, or drop --period/--from/--to`,
    },
    ru: {
      text: (f) =>
        f.given === false
          ? 'отчёт строится за период (по умолчанию последний полный месяц до --as-of), но в файле нет колонки даты'
          : 'задан период, но в файле нет колонки даты',
      hint: (f) =>
        f.given === false
          ? `найдены колонки: ${quoted(f.columns)}; укажите колонку: --map date=ЗАГОЛОВОК`
          : `найдены колонки: ${quoted(f.columns)}; укажите колонку: --map date=ЗАГОЛОВОК, или уберите --period/--from/--to`,
    },
  },
  TITLE_PERIOD_STRADDLES: {
    en: {
      text: (f) =>
        `the file has no date column, and the period its title prints (${f.from} — ${f.to}) lies partly outside the period asked for: its rows cannot be split`,
      hint: (f) =>
        `ask for a period that holds the whole of it (--from ${f.from} --to ${f.to}), or map a date column with --map date=HEADER`,
    },
    ru: {
      text: (f) =>
        `в файле нет колонки даты, а период из заголовка отчёта (${f.from} — ${f.to}) лишь частично входит в заданный: строки не разделить`,
      hint: (f) =>
        `задайте период, целиком включающий его (--from ${f.from} --to ${f.to}), или укажите колонку даты: --map date=ЗАГОЛОВОК`,
    },
  },
  NO_KEY_COLUMN: {
    en: {
      text: () => 'the clients file has no key column, and nothing else says which clients are key',
      hint: () =>
        'add a key column (yes/no), map one with --clients-map key=HEADER, or give --deals, --key-client or --all-clients',
    },
    ru: {
      text: () => 'в файле клиентов нет колонки «ключевой», и больше ничто не говорит, какие клиенты ключевые',
      hint: () =>
        'добавьте колонку «ключевой» (да/нет), укажите её: --clients-map key=ЗАГОЛОВОК, или задайте --deals, --key-client или --all-clients',
    },
  },
  NO_HEADER_ROW: {
    en: {
      text: (f) =>
        `no row among the first ${f.tried} has a column for every field needed; the closest is line ${f.line}: ${errorText(f.closest, 'en').text}`,
      hint: (f) => headerRowHint(f.closest, f.headerless, f.redacted, 'en'),
    },
    ru: {
      text: (f) =>
        `ни в одной из первых ${f.tried} строк нет колонок для всех нужных полей; ближе всего строка ${f.line}: ${errorText(f.closest, 'ru').text}`,
      hint: (f) => headerRowHint(f.closest, f.headerless, f.redacted, 'ru'),
    },
  },
  HEADER_LACKS_COLUMN: {
    en: {
      text: (f) => errorText(f.missing, 'en').text,
      hint: (f) => headerRowHint(f.missing, f.headerless, f.redacted, 'en'),
    },
    ru: {
      text: (f) => errorText(f.missing, 'ru').text,
      hint: (f) => headerRowHint(f.missing, f.headerless, f.redacted, 'ru'),
    },
  },
  HEADERLESS_ROLES: {
    en: {
      text: (f) =>
        `${f.detected ? 'the file has no header row (this line holds data, not column names), and' : 'read without a header row,'} its columns are not clear from their content: ${[
          ...f.ambiguous.map((a) => `${a.field} could be column ${a.columns.join(' or ')}`),
          ...f.missing.map((m) => `no column reads as the ${m}`),
        ].join('; ')}`,
      hint: (f) => `name the columns by position: ${f.pins}`,
    },
    ru: {
      text: (f) =>
        `${f.detected ? 'в файле нет строки заголовка (в этой строке данные, а не названия колонок), и' : 'файл прочитан без строки заголовка, и'} по содержимому колонок не ясно: ${[
          ...f.ambiguous.map((a) => `${fieldRu(a.field)} — колонка ${a.columns.join(' или ')}`),
          ...f.missing.map((m) => `нет колонки для ${fieldRu(m)}`),
        ].join('; ')}`,
      hint: (f) => `укажите колонки по номеру: ${f.pins}`,
    },
  },
  BAD_HEADER_ROW: {
    en: {
      text: (f) =>
        `--header-row ${f.line}: this line holds no header row (it is blank, inside a quoted value, or past the end)`,
      hint: () =>
        'give the line number of the header row as an editor shows it; `folio inspect FILE` shows the line it takes',
    },
    ru: {
      text: (f) =>
        `--header-row ${f.line}: в этой строке нет заголовка (она пустая, внутри значения в кавычках или за концом файла)`,
      hint: () =>
        'укажите номер строки заголовка так, как его показывает редактор; `folio inspect ФАЙЛ` показывает, какую строку он берёт',
    },
  },
  UNKNOWN_FIELD: {
    en: {
      text: (f) => `--map names an unknown field "${f.field}"`,
      hint: (f) =>
        f.cased
          ? `field names are written as folio lists them: --map ${f.cased}=${f.target}`
          : `fields of this input: ${f.fields.join(', ')}`,
    },
    ru: {
      text: (f) => `--map называет неизвестное поле "${f.field}"`,
      hint: (f) =>
        f.cased
          ? `имена полей пишутся так, как их перечисляет folio: --map ${f.cased}=${f.target}`
          : `поля этого входа: ${f.fields.join(', ')}`,
    },
  },
  DUPLICATE_HEADER: {
    en: {
      text: (f) => `two columns (${f.a} and ${f.b}) are both named like this, and both could be the ${f.field}`,
      hint: (f) => `say which one with --map ${f.field}=${f.a} or --map ${f.field}=${f.b}`,
    },
    ru: {
      text: (f) => `две колонки (${f.a} и ${f.b}) названы одинаково, и обе могут быть полем ${fieldRu(f.field)}`,
      hint: (f) => `укажите нужную: --map ${f.field}=${f.a} или --map ${f.field}=${f.b}`,
    },
  },
  MAP_COLUMN_OUT_OF_RANGE: {
    en: {
      text: (f) => `--map names column ${f.target}, but the file has ${f.count} columns`,
      hint: () => 'columns are numbered from 1',
    },
    ru: {
      text: (f) => `--map называет колонку ${f.target}, а колонок в файле: ${f.count}`,
      hint: () => 'колонки нумеруются с 1',
    },
  },
  MAP_COLUMN_NOT_FOUND: {
    en: {
      text: (f) => `--map names a column "${f.target}" that is not in the file`,
      hint: (f) =>
        f.columns === null
          ? 'the file was read without a header row: name columns by position, e.g. --map client=2'
          : columnsFound(f.columns, f.closest, 'en'),
    },
    ru: {
      text: (f) => `--map называет колонку "${f.target}", которой нет в файле`,
      hint: (f) =>
        f.columns === null
          ? 'файл прочитан без строки заголовка: указывайте колонки по номеру, например --map client=2'
          : columnsFound(f.columns, f.closest, 'ru'),
    },
  },
  INPUTS_DIFFER: {
    en: {
      text: (f) =>
        `this file has ${f.says}: the files of one input are read as one table, so their columns must give the same fields`,
      hint: (f) =>
        `export the files with the same columns, or leave out the one that differs (in report and check, name the files to read with --${f.role} FILE, once per file); \`folio inspect FILE\` shows which header became which field`,
    },
    ru: {
      text: () =>
        'колонки этого файла дают не те поля, что у других файлов того же входа: файлы одного входа читаются как одна таблица',
      hint: (f) =>
        `выгрузите файлы с одинаковыми колонками или уберите отличающийся (в отчёте и проверке назовите файлы флагом --${f.role} ФАЙЛ, по разу на файл); \`folio inspect ФАЙЛ\` показывает, какой заголовок стал каким полем`,
    },
  },
  NO_INPUT: {
    en: {
      text: () => 'no export recognised in this folder or its subfolders (one level deep); folio looked for',
      hint: () =>
        "put the CSV exports in the folder, map a file's columns with --deals-map field=header, or name the files with --deals FILE, --activities FILE, --leads FILE, --clients FILE",
    },
    ru: {
      text: (f) =>
        `в папке и её подпапках (на один уровень) не найдено ни одной выгрузки; folio искал: ${f.roles.map((r) => ROLE_RU[r] ?? r).join(', ')}`,
      hint: () =>
        'положите CSV-выгрузки в папку, укажите колонки файла: --deals-map поле=ЗАГОЛОВОК, или назовите файлы: --deals ФАЙЛ, --activities ФАЙЛ, --leads ФАЙЛ, --clients ФАЙЛ',
    },
  },
  AMBIGUOUS_NUMBER: {
    en: {
      text: (f) =>
        `could be a thousands separator or a decimal mark, and no value in the column ${f.capped ? `up to line ${f.capped.upTo} (folio holds at most ${f.capped.held} rows waiting for one) ` : ''}tells which`,
      hint: () => 'say which with --decimal , (decimal comma) or --decimal . (decimal point)',
    },
    ru: {
      text: (f) =>
        `это может быть и разделитель тысяч, и десятичный знак, и ни одно значение колонки ${f.capped ? `до строки ${f.capped.upTo} (folio держит в ожидании не больше ${f.capped.held} строк) ` : ''}не говорит, что именно`,
      hint: () => 'укажите: --decimal , (десятичная запятая) или --decimal . (десятичная точка)',
    },
  },
  AMBIGUOUS_DATE: {
    en: {
      text: (f) =>
        `could be day-first or month-first, and no date in the column ${f.capped ? `up to line ${f.capped.upTo} (folio holds at most ${f.capped.held} rows waiting for one) ` : ''}tells which`,
      hint: () => 'say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy',
    },
    ru: {
      text: (f) =>
        `впереди может быть и день, и месяц, и ни одна дата колонки ${f.capped ? `до строки ${f.capped.upTo} (folio держит в ожидании не больше ${f.capped.held} строк) ` : ''}не говорит, что именно`,
      hint: () => 'укажите: --date-format dd/mm/yyyy или --date-format mm/dd/yyyy',
    },
  },
  SCORE_WITHOUT_THRESHOLD: {
    en: {
      text: () => 'holds scores, not yes/no, and no threshold was given',
      hint: (f) => `say which score means yes with --${f.field}-min N (a score at or above N is yes)`,
    },
    ru: {
      text: () => 'в колонке баллы, а не да/нет, и порог не задан',
      hint: (f) => `укажите, какой балл означает «да»: --${f.field}-min N (балл N и выше — «да»)`,
    },
  },
  MIXED_CURRENCY: {
    en: {
      text: (f) =>
        `amounts in ${f.currencies.length} currencies would be summed together: ${f.currencies.map((c) => `${c.currency} (${c.rows} rows)`).join(', ')}`,
      hint: (f) => `pick one with --currency ${f.currencies[0]?.currency ?? 'CODE'}`,
    },
    ru: {
      text: (f) =>
        `сложились бы суммы в разных валютах (${f.currencies.length}): ${f.currencies.map((c) => `${c.currency} (строк: ${c.rows})`).join(', ')}`,
      hint: (f) => `выберите одну: --currency ${f.currencies[0]?.currency ?? 'КОД'}`,
    },
  },
  NO_REVENUE_TOTAL: {
    en: {
      text: () => 'no revenue to analyse: no won deal in the input',
      hint: () => 'check the period (--period, --from, --to) and which statuses count as won (--won)',
    },
    ru: {
      text: () => 'нечего анализировать: во входных данных нет ни одной выигранной сделки',
      hint: () => 'проверьте период (--period, --from, --to) и какие статусы считаются выигранными (--won)',
    },
  },
  NO_WINDOW_REVENUE: {
    en: {
      text: (f) =>
        f.why === 'none'
          ? `no won deal in the window ${f.from} — ${f.to}`
          : `no client has a positive net revenue in the window ${f.from} — ${f.to}`,
      hint: (f) =>
        f.covers && f.asOf
          ? `the won deals run from ${f.covers.from} to ${f.covers.to}: give --as-of ${f.asOf} for the full months before it`
          : 'the window is the full months before --as-of: check --as-of and --months, and which statuses count as won (--won)',
    },
    ru: {
      text: (f) =>
        f.why === 'none'
          ? `в окне ${isoDate(f.from, 'ru')} — ${isoDate(f.to, 'ru')} нет ни одной выигранной сделки`
          : `в окне ${isoDate(f.from, 'ru')} — ${isoDate(f.to, 'ru')} ни у одного клиента нет положительной чистой выручки`,
      hint: (f) =>
        f.covers && f.asOf
          ? `выигранные сделки идут с ${isoDate(f.covers.from, 'ru')} по ${isoDate(f.covers.to, 'ru')}: задайте --as-of ${f.asOf}, чтобы взять полные месяцы до этой даты`
          : 'окно — полные месяцы до даты --as-of: проверьте --as-of и --months, а также какие статусы считаются выигранными (--won)',
    },
  },
  BAD_BOUNDS: {
    en: {
      text: (f) => `${f.flag} "${f.text}": ${f.why}`,
      hint: () => 'give two rising percentages above 0 (e.g. 80,95)',
    },
    ru: {
      text: (f) => `${f.flag} «${f.text}» — не два возрастающих процента больше 0`,
      hint: (f) => `укажите ${f.flag} ${f.flag === '--abc' ? '80,95' : '10,25'}`,
    },
  },
  NON_POSITIVE_TOTAL: {
    en: {
      text: (f) => `no client has a positive net revenue (the net total is ${f.total}), so shares have no meaning`,
      hint: () => 'check the period (--period, --from, --to) and which statuses count as won (--won)',
    },
    ru: {
      text: (f) =>
        `ни у одного клиента нет положительной чистой выручки (итого ${f.total}), поэтому доли не имеют смысла`,
      hint: () => 'проверьте период (--period, --from, --to) и какие статусы считаются выигранными (--won)',
    },
  },
  NO_REVENUE: {
    en: {
      text: (f) =>
        `no won deal${f.where ? ` in ${f.where.from} — ${f.where.to}` : ''}: of ${f.rows} rows${f.files > 1 ? ` of ${f.files} files` : ''}, ${f.why.map((w) => `${w.rows} by ${w.reason}`).join(', ') || 'none'} excluded, ${f.skipped} skipped${f.covers ? `; the ${f.files > 1 ? 'files cover' : 'file covers'} ${f.covers.from} — ${f.covers.to}` : ''}`,
      hint: (f) =>
        f.covers
          ? `ask for a period the data covers: ${rangeFlags(f.covers, f.asOf ?? null, 'en')}`
          : f.period
            ? 'check the period (--period, --from, --to); `folio inspect` shows the dates as read'
            : f.unknown.length > 0
              ? `no list knows the statuses ${f.unknown.map((u) => `"${u.value}" (${u.rows})`).join(', ')}: if one of them is a sale, pass --won "${f.unknown[0]?.value ?? ''}"; \`folio inspect\` lists every status as read`
              : 'check which statuses count as won (--won); `folio inspect` shows them as read',
    },
    ru: {
      text: (f) =>
        `нет ни одной выигранной сделки${f.where ? ` в периоде ${f.where.from} — ${f.where.to}` : ''}: строк всего ${f.rows}, пропущено ${f.skipped}${f.covers ? `; данные охватывают ${f.covers.from} — ${f.covers.to}` : ''}`,
      hint: (f) =>
        f.covers
          ? `задайте период, который есть в данных: ${rangeFlags(f.covers, f.asOf ?? null, 'ru')}`
          : f.period
            ? 'проверьте период (--period, --from, --to); `folio inspect` показывает прочитанные даты'
            : f.unknown.length > 0
              ? `статусы ${f.unknown.map((u) => `«${u.value}» (${u.rows})`).join(', ')} не знает ни один список: если один из них — продажа, передайте --won "${f.unknown[0]?.value ?? ''}"; \`folio inspect\` показывает все прочитанные статусы`
              : 'проверьте, какие статусы считаются выигранными (--won); `folio inspect` показывает прочитанные статусы',
    },
  },
  KEY_CLIENTS_UNKNOWN: {
    en: {
      text: () => 'which clients are key? folio needs to know whom the rules apply to',
      hint: () =>
        'give --deals deals.csv (share classes), --key-client NAME, --clients clients.csv (key column) or --all-clients',
    },
    ru: {
      text: () => 'какие клиенты ключевые? folio нужно знать, к кому применять правила',
      hint: () =>
        'задайте --deals сделки.csv (классы по доле), --key-client ИМЯ, --clients клиенты.csv (колонка «ключевой») или --all-clients',
    },
  },
  FUNNEL_NO_CONTACTS: {
    en: {
      text: (f) =>
        `the log has no ${f.missing.map((m) => (m === 'phone' ? 'calls' : 'face-to-face contacts')).join(' and no ')}: the funnel needs both; its channels are ${f.seen.length === 0 ? 'all empty' : f.seen.map((s) => `"${s.value}" (${s.rows})`).join(', ')}${f.more > 0 ? `, and ${f.more} more` : ''}`,
      hint: (f) =>
        `if a channel of the log is one of them, name it with ${f.missing.map((m) => (m === 'phone' ? '--phone-channels' : '--meeting-channels')).join(' or ')} "VALUE"`,
    },
    ru: {
      text: (f) =>
        `в журнале нет ${f.missing.map((m) => (m === 'phone' ? 'звонков' : 'личных встреч')).join(' и нет ')}, а воронке нужны и те и другие; каналы журнала: ${f.seen.length === 0 ? 'все пустые' : f.seen.map((s) => `«${s.value}» (${s.rows})`).join(', ')}${f.more > 0 ? `, и ещё ${f.more}` : ''}`,
      hint: (f) =>
        `если какой-то канал журнала — это они, укажите его: ${f.missing.map((m) => (m === 'phone' ? '--phone-channels' : '--meeting-channels')).join(' или ')} "ЗНАЧЕНИЕ"`,
    },
  },
  RULE_WITHOUT_INPUT: {
    en: {
      text: (f) => (f.gaps[0] === undefined ? '' : RULE_GAP.en.text(f.gaps[0])),
      hint: (f) =>
        `a gate that checked nothing must not pass: add the input, take the rule out of --fail-on, or pass --allow-missing to report ${f.gaps.length === 1 ? 'it' : 'them'} as skipped`,
    },
    ru: {
      text: (f) => (f.gaps[0] === undefined ? '' : RULE_GAP.ru.text(f.gaps[0])),
      hint: () =>
        'проверка, которая ничего не проверила, не должна проходить: добавьте вход, уберите правило из --fail-on или передайте --allow-missing, чтобы отметить его пропущенным',
    },
  },
  UNKNOWN_FORMAT: {
    en: {
      text: (f) => `unknown format "${f.text}"`,
      hint: (f) => `use one of: ${f.formats.join(', ')} (github: folio check only)`,
    },
    ru: {
      text: (f) => `неизвестный формат "${f.text}"`,
      hint: (f) => `допустимо: ${f.formats.join(', ')} (github — только для folio check)`,
    },
  },
  FORMAT_CONFLICT: {
    en: {
      text: (f) => `${f.given} contradicts the output file ${f.output}, whose name says ${f.named}`,
      hint: (f) =>
        `drop ${f.json ? '--json' : '--format'} to write ${f.named}, or name the file for ${f.flag} (${f.extension})`,
    },
    ru: {
      text: (f) => `${f.given} противоречит файлу вывода ${f.output}, имя которого говорит ${f.named}`,
      hint: (f) =>
        `уберите ${f.json ? '--json' : '--format'}, чтобы записать ${f.named}, или назовите файл для ${f.flag} (${f.extension})`,
    },
  },
  GITHUB_FOR_CHECK: {
    en: {
      text: () => 'the github format is for folio check',
      hint: () => 'use --format table, json, ndjson, csv, markdown, html or xlsx',
    },
    ru: {
      text: () => 'формат github — только для folio check',
      hint: () => 'используйте --format table, json, ndjson, csv, markdown, html или xlsx',
    },
  },
  WORKBOOK_TO_TERMINAL: {
    en: {
      text: () => 'an Excel workbook is not for a terminal',
      hint: () => 'write it to a file: -o report.xlsx (or redirect: > report.xlsx)',
    },
    ru: {
      text: () => 'книгу Excel не выводят в терминал',
      hint: () => 'запишите её в файл: -o report.xlsx (или перенаправьте: > report.xlsx)',
    },
  },
  SHEET_TOO_LONG: {
    en: {
      text: (f) =>
        `the ${f.section} section has ${f.rows} rows; an Excel sheet holds at most ${f.limit} below its header`,
      hint: () => 'write this output as CSV or NDJSON (--format csv, -o out.csv), which have no such limit',
    },
    ru: {
      text: (f) => `в разделе ${f.section} ${f.rows} строк; лист Excel вмещает не больше ${f.limit} под заголовком`,
      hint: () => 'выведите данные в CSV или NDJSON (--format csv, -o out.csv): у них такого предела нет',
    },
  },
  NOTHING_PIPED: {
    en: {
      text: () => 'nothing is piped to standard input',
      hint: (f) =>
        `pipe a file (cat deals.csv | folio ${f.command} -) or name it (folio ${f.command} deals.csv); see folio ${f.command} --help`,
    },
    ru: {
      text: () => 'на стандартный ввод ничего не подано',
      hint: (f) =>
        `подайте файл (cat сделки.csv | folio ${f.command} -) или назовите его (folio ${f.command} сделки.csv); см. folio ${f.command} --help`,
    },
  },
  LAST_WITH_PERIOD: {
    en: {
      text: () => '--last cannot be combined with --period or --from/--to',
      hint: () => 'use one of them: --last 30 is the 30 days up to and including --as-of',
    },
    ru: {
      text: () => '--last нельзя сочетать с --period или --from/--to',
      hint: () => 'выберите одно: --last 30 — это 30 дней по --as-of включительно',
    },
  },
  PERIOD_WITH_RANGE: {
    en: { text: () => '--period cannot be combined with --from/--to', hint: () => 'use one or the other' },
    ru: { text: () => '--period нельзя сочетать с --from/--to', hint: () => 'выберите что-то одно' },
  },
  FROM_AFTER_TO: {
    en: { text: (f) => `--from ${f.from} is after --to ${f.to}`, hint: () => 'swap the two dates' },
    ru: { text: (f) => `--from ${f.from} позже --to ${f.to}`, hint: () => 'поменяйте даты местами' },
  },
  NOT_A_PERIOD: {
    en: {
      text: (f) => `--period "${f.text}" is not a period`,
      hint: () => 'write a month 2026-10, a quarter 2026-Q3, a half 2026-H1 or a year 2026; or use --from/--to',
    },
    ru: {
      text: (f) => `--period "${f.text}" — не период`,
      hint: () => 'пишите месяц 2026-10, квартал 2026-Q3, полугодие 2026-H1 или год 2026; или используйте --from/--to',
    },
  },
  NOT_A_DATE: {
    en: { text: (f) => `${f.flag} "${f.text}" is not a date`, hint: () => 'write dates as 2026-10-31 (or 31.10.2026)' },
    ru: { text: (f) => `${f.flag} "${f.text}" — не дата`, hint: () => 'пишите даты как 2026-10-31 (или 31.10.2026)' },
  },
  PERIOD_AFTER_AS_OF: {
    en: {
      text: (f) => `the period starts on ${f.from}, after as-of ${f.asOf}`,
      hint: () => 'pick a period that has begun, or a later --as-of',
    },
    ru: {
      text: (f) => `период начинается ${isoDate(f.from, 'ru')}, позже даты отчёта ${isoDate(f.asOf, 'ru')}`,
      hint: () => 'выберите уже начавшийся период или более позднюю --as-of',
    },
  },
  FLAG_VALUE: {
    en: { text: (f) => `${f.flag} "${f.text}" is not ${f.what}`, hint: (f) => `write ${f.flag} ${f.what}` },
    ru: { text: (f) => `недопустимое значение ${f.flag} "${f.text}"`, hint: (f) => `см. folio --help для ${f.flag}` },
  },
  ENV_VALUE: {
    en: {
      text: (f) => `${f.env}="${f.text}"${f.why === undefined ? ` is not ${f.what}` : f.why}`,
      hint: (f) => `set ${f.env} to ${f.what}, or unset it`,
    },
    ru: {
      text: (f) => `недопустимое значение ${f.env}="${f.text}"`,
      hint: (f) => `исправьте ${f.env} или уберите эту переменную`,
    },
  },
  REDACT_KEY_UNREADABLE: {
    en: {
      text: (f) =>
        f.reason === 'ENOENT' ? 'no such redaction key file' : `cannot read the redaction key file (${f.reason})`,
      hint: () => 'check the path of --redact-key-file, or set FOLIO_REDACT_KEY instead',
    },
    ru: {
      text: (f) =>
        f.reason === 'ENOENT'
          ? 'нет такого файла ключа обезличивания'
          : `не удаётся прочитать файл ключа обезличивания (${f.reason})`,
      hint: () => 'проверьте путь в --redact-key-file или задайте ключ в FOLIO_REDACT_KEY',
    },
  },
  REDACT_KEY_EMPTY: {
    en: {
      text: () => 'the redaction key file is empty',
      hint: () =>
        'write a secret into it, e.g. `head -c 32 /dev/urandom | base64 > FILE`, and keep it out of the repository',
    },
    ru: {
      text: () => 'файл ключа обезличивания пуст',
      hint: () =>
        'запишите в него секрет, например `head -c 32 /dev/urandom | base64 > FILE`, и не храните его в репозитории',
    },
  },
  REDACT_KEY_WITHOUT_REDACT: {
    en: { text: () => '--redact-key-file keys the pseudonyms of --redact', hint: () => 'add --redact' },
    ru: { text: () => '--redact-key-file задаёт ключ псевдонимов --redact', hint: () => 'добавьте --redact' },
  },
  ENV_UNKNOWN_RULE: {
    en: { text: (f) => `${f.env}: unknown rule "${f.rule}"`, hint: (f) => `rules: ${f.rules.join(', ')}, or none` },
    ru: {
      text: (f) => `${f.env}: неизвестное правило "${f.rule}"`,
      hint: (f) => `правила: ${f.rules.join(', ')} или none`,
    },
  },
  FLAG_NOT_SIZE: {
    en: {
      text: (f) => `${f.flag} "${f.text}" is not a size`,
      hint: (f) => `write ${f.flag} 2GiB or ${f.flag} 500000000`,
    },
    ru: {
      text: (f) => `${f.flag} "${f.text}" — не размер`,
      hint: (f) => `пишите ${f.flag} 2GiB или ${f.flag} 500000000`,
    },
  },
  FLAG_NOT_COUNT: {
    en: { text: (f) => `${f.flag} "${f.text}" is not a positive whole number`, hint: (f) => `write ${f.flag} 10` },
    ru: { text: (f) => `${f.flag} "${f.text}" — не целое положительное число`, hint: (f) => `пишите ${f.flag} 10` },
  },
  FLAG_NOT_PERCENT: {
    en: { text: (f) => `${f.flag} "${f.text}" is not ${f.rule}`, hint: (f) => `write ${f.flag} 10 for 10%` },
    ru: {
      text: (f) => `${f.flag} "${f.text}" — не процент больше 0 и меньше 100`,
      hint: (f) => `пишите ${f.flag} 10, чтобы задать 10 %`,
    },
  },
  FLAG_NOT_NUMBER: {
    en: { text: (f) => `${f.flag} "${f.text}" is not a number`, hint: (f) => `write ${f.flag} 7` },
    ru: { text: (f) => `${f.flag} "${f.text}" — не число`, hint: (f) => `пишите ${f.flag} 7` },
  },
  FLAG_NOT_AMOUNT: {
    en: {
      text: (f) => `${f.flag} "${f.text}" is not an amount`,
      hint: (f) => `write ${f.flag} 100000 or ${f.flag} 250000.50`,
    },
    ru: {
      text: (f) => `${f.flag} "${f.text}" — не сумма`,
      hint: (f) => `пишите ${f.flag} 100000 или ${f.flag} "250 000,50"`,
    },
  },
  FLAG_NOT_FACTOR: {
    en: { text: (f) => `${f.flag} "${f.text}" is not a number above 0`, hint: (f) => `write ${f.flag} 2` },
    ru: { text: (f) => `${f.flag} "${f.text}" — не число больше 0`, hint: (f) => `пишите ${f.flag} 2` },
  },
  FUNNEL_FEW_STAGES: {
    en: {
      text: (f) => `--stages names ${f.count} stage(s): a funnel needs at least two`,
      hint: () => 'list the stages in their order, separated by commas: --stages "New,Negotiation,Contract,Won"',
    },
    ru: {
      text: (f) => `в --stages этапов: ${f.count}, а воронке нужно не меньше двух`,
      hint: () =>
        'перечислите этапы по порядку через запятую: --stages "Первичный контакт,Переговоры,Договор,Успешно реализовано"',
    },
  },
  FUNNEL_FLAG_MODE: {
    en: {
      text: (f) =>
        f.stages
          ? `${f.flag} is for the funnel by channel: with --stages the file is the deals export`
          : `${f.flag} is for the stage funnel: give --stages too`,
      hint: (f) =>
        f.stages
          ? 'folio funnel deals.csv --stages "A,B,C" [--history stages.csv], or folio funnel activities.csv --deals deals.csv'
          : `folio funnel deals.csv --stages "A,B,C" ${f.flag} FILE`,
    },
    ru: {
      text: (f) =>
        f.stages
          ? `${f.flag} — для воронки по каналам: с --stages файл — это выгрузка сделок`
          : `${f.flag} — для воронки по этапам: укажите и --stages`,
      hint: (f) =>
        f.stages
          ? 'folio funnel сделки.csv --stages "А,Б,В" [--history этапы.csv] или folio funnel активности.csv --deals сделки.csv'
          : `folio funnel сделки.csv --stages "А,Б,В" ${f.flag} ФАЙЛ`,
    },
  },
  DYNAMICS_PERIOD: {
    en: {
      text: () => 'dynamics looks at the full months before --as-of: --period, --from, --to and --last do not apply',
      hint: () => 'give --as-of DATE and --months N',
    },
    ru: {
      text: () => 'dynamics смотрит на полные месяцы до --as-of: --period, --from, --to и --last к нему не относятся',
      hint: () => 'укажите --as-of ДАТА и --months N',
    },
  },
  BAD_BANDS: {
    en: { text: (f) => `--bands "${f.text}": ${f.why}`, hint: (f) => `give ${f.rule}` },
    ru: {
      text: (f) => `--bands "${f.text}" — не три процента по возрастанию`,
      hint: () =>
        'укажите три процента больше 0 и меньше 100 по возрастанию: обычная концентрация от, повышенная выше, монозависимость выше (например, 30,55,75)',
    },
  },
  THRESHOLDS_MUST_RISE: {
    en: {
      text: (f) => `thresholds must rise: --key ${f.key} < --critical ${f.critical} < --golden ${f.golden}`,
      hint: () => 'a golden client is also critical and key, so its threshold is the highest',
    },
    ru: {
      text: (f) => `пороги должны возрастать: --key ${f.key} < --critical ${f.critical} < --golden ${f.golden}`,
      hint: () => 'золотой клиент — также критический и ключевой, поэтому его порог самый высокий',
    },
  },
  FILE_NAMED_TWICE: {
    en: {
      text: (f) => `${f.file} is named twice`,
      hint: () => 'name each file once (check that two globs do not match the same file)',
    },
    ru: {
      text: (f) => `${f.file} указан дважды`,
      hint: () => 'называйте каждый файл один раз (проверьте, что два шаблона не находят один и тот же файл)',
    },
  },
  STDIN_TWICE: {
    en: {
      text: () => '- (standard input) is named more than once',
      hint: () => 'standard input can be read once: pipe one file, and name the others',
    },
    ru: {
      text: () => '- (стандартный ввод) указан больше одного раза',
      hint: () => 'стандартный ввод читается один раз: подайте через него один файл, а остальные назовите',
    },
  },
  MAP_NOT_PAIR: {
    en: {
      text: (f) => `--map "${f.entry}" is not field=header`,
      hint: () => 'write --map amount=Сумма or --map amount=3',
    },
    ru: {
      text: (f) => `--map "${f.entry}" — не пара поле=заголовок`,
      hint: () => 'пишите --map amount=Сумма или --map amount=3',
    },
  },
  HEADER_ROW_AND_NO_HEADER: {
    en: {
      text: () => '--header-row and --no-header contradict each other',
      hint: () => 'give --header-row N for a file whose header is on line N, or --no-header for a file without one',
    },
    ru: {
      text: () => '--header-row и --no-header противоречат друг другу',
      hint: () => 'укажите --header-row N, если заголовок в строке N, или --no-header, если заголовка нет',
    },
  },
  BAD_DELIMITER: {
    en: { text: (f) => `--delimiter "${f.text}" is not one character`, hint: () => 'use , ; | or tab' },
    ru: { text: (f) => `--delimiter "${f.text}" — не один символ`, hint: () => 'используйте , ; | или tab' },
  },
  BAD_ESCAPE: {
    en: {
      text: (f) => `--escape "${f.text}" is not a way of escaping quotes`,
      hint: (f) => `use ${f.escapes.map((e) => `--escape ${e}`).join(' or ')}`,
    },
    ru: {
      text: (f) => `--escape "${f.text}" — неизвестный способ экранировать кавычки`,
      hint: (f) => `используйте ${f.escapes.map((e) => `--escape=${e}`).join(' или ')}`,
    },
  },
  BAD_DECIMAL: {
    en: { text: (f) => `--decimal "${f.text}" is not a decimal mark`, hint: () => 'use --decimal , or --decimal .' },
    ru: {
      text: (f) => `--decimal "${f.text}" — не десятичный разделитель`,
      hint: () => 'используйте --decimal , или --decimal .',
    },
  },
  BAD_DATE_FORMAT: {
    en: {
      text: (f) => `--date-format "${f.text}" is not a day order folio can use`,
      hint: () => 'use --date-format dd/mm/yyyy or --date-format mm/dd/yyyy (ISO and dd.mm.yyyy dates need none)',
    },
    ru: {
      text: (f) => `--date-format "${f.text}" — не порядок дня и месяца, который folio понимает`,
      hint: () =>
        'используйте --date-format dd/mm/yyyy или --date-format mm/dd/yyyy (датам ISO и dd.mm.yyyy он не нужен)',
    },
  },
  FLAG_UNKNOWN_RULE: {
    en: { text: (f) => `--fail-on: unknown rule "${f.rule}"`, hint: (f) => `rules: ${f.rules.join(', ')}; or none` },
    ru: {
      text: (f) => `--fail-on: неизвестное правило "${f.rule}"`,
      hint: (f) => `правила: ${f.rules.join(', ')}; или none`,
    },
  },
  KEY_PERIOD_WITHOUT_DEALS: {
    en: {
      text: () => '--key-period sets the period of the revenue classes, but no --deals file gives them',
      hint: () => 'add --deals deals.csv, or drop --key-period',
    },
    ru: {
      text: () => '--key-period задаёт период классов по выручке, но нет файла --deals, из которого их считать',
      hint: () => 'добавьте --deals сделки.csv или уберите --key-period',
    },
  },
  NO_REPORT_INPUTS: {
    en: {
      text: () => 'no inputs: give a folder of exports or name the files',
      hint: () => 'folio report ./export, or folio report --deals deals.csv --activities activities.csv',
    },
    ru: {
      text: () => 'нет входов: укажите папку с выгрузками или назовите файлы',
      hint: () => 'folio report ./выгрузка или folio report --deals сделки.csv --activities активности.csv',
    },
  },
  READING_FLAGS_WITHOUT_DEALS: {
    en: {
      text: (f) => `${f.flags.join(', ')} applies to the deals file, and there is none`,
      hint: (f) =>
        `name it with --deals FILE, or drop ${f.flags.join(', ')}: every file's format and header are found on their own`,
    },
    ru: {
      text: (f) => `${f.flags.join(', ')} относится к файлу сделок, а его нет`,
      hint: (f) =>
        `назовите его через --deals ФАЙЛ или уберите ${f.flags.join(', ')}: формат и заголовок каждого файла определяются сами`,
    },
  },
  OPEN_RANGE: {
    en: {
      text: () =>
        'report and check compare a period with the one before it, so it needs both ends: --from alone or --to alone is open',
      hint: () => 'give --period, --last, or both --from and --to',
    },
    ru: {
      text: () =>
        'report и check сравнивают период с предыдущим, поэтому нужны оба конца: один --from или один --to оставляет период открытым',
      hint: () => 'укажите --period, --last или оба --from и --to',
    },
  },
  TWO_KEY_CHOICES: {
    en: { text: () => '--all-clients and --key-client both choose the key clients', hint: () => 'give one of them' },
    ru: {
      text: () => '--all-clients и --key-client оба выбирают ключевых клиентов',
      hint: () => 'укажите что-то одно',
    },
  },
  KEY_PERIOD_WITH_CHOICE: {
    en: {
      text: () =>
        '--key-period chooses key clients by revenue classes, but --key-client or --all-clients already chose them',
      hint: () => 'give one way of choosing them',
    },
    ru: {
      text: () =>
        '--key-period выбирает ключевых клиентов по классам выручки, но их уже выбрали --key-client или --all-clients',
      hint: () => 'выберите один способ',
    },
  },
  NO_SUCH_SCHEMA: {
    en: { text: (f) => `no schema named "${f.name}"`, hint: (f) => `use one of: ${f.names.join(', ')}` },
    ru: { text: (f) => `схемы "${f.name}" нет`, hint: (f) => `допустимо: ${f.names.join(', ')}` },
  },
  HOLIDAYS_TWO_COUNTRIES: {
    en: {
      text: (f) => `--holidays names two countries (${f.countries.join(', ')}): a calendar is one country's`,
      hint: () => 'give one of ru or bg, and files for the days a year moves',
    },
    ru: {
      text: (f) => `в --holidays две страны (${f.countries.join(', ')}): календарь — одной страны`,
      hint: () => 'укажите одну из ru или bg и файлы с переносами дней',
    },
  },
  HOLIDAYS_NOT_A_FILE: {
    en: {
      text: (f) => `--holidays: not ru, bg or a file of dates (${f.reason})`,
      hint: () => `--holidays takes ru (Russia), bg (Bulgaria) or a file of dates: ${HOLIDAYS_FORMAT.en}`,
    },
    ru: {
      text: (f) => `--holidays: не ru, не bg и не файл дат (${f.reason})`,
      hint: () => `--holidays принимает ru (Россия), bg (Болгария) или файл дат: ${HOLIDAYS_FORMAT.ru}`,
    },
  },
  HOLIDAY_LINE: {
    en: {
      text: (f) =>
        f.why === 'date'
          ? 'not an ISO date (YYYY-MM-DD)'
          : f.why === 'mark'
            ? 'after the date, only "working" or "off" may follow'
            : 'listed both as a day off and as a working day',
      hint: () => HOLIDAYS_FORMAT.en,
    },
    ru: {
      text: (f) =>
        f.why === 'date'
          ? 'не дата ISO (ГГГГ-ММ-ДД)'
          : f.why === 'mark'
            ? 'после даты может стоять только «рабочий» (working) или «выходной» (off)'
            : 'день указан и выходным, и рабочим',
      hint: () => HOLIDAYS_FORMAT.ru,
    },
  },
  CONFIG_UNREADABLE: {
    en: { text: () => 'cannot read the config file', hint: () => 'check the path given to --config' },
    ru: { text: () => 'не удаётся прочитать файл настроек', hint: () => 'проверьте путь, указанный в --config' },
  },
  CONFIG_NOT_JSON: {
    en: {
      text: (f) => `not valid JSON: ${f.reason}`,
      hint: () => 'the config file is plain JSON (no comments, no trailing commas)',
    },
    ru: {
      text: () => 'это не JSON',
      hint: () => 'файл настроек — обычный JSON (без комментариев и лишних запятых в конце)',
    },
  },
  CONFIG_INVALID: {
    en: {
      text: (f) => `${f.key}: ${f.unknown ? 'unknown key' : `${f.value} is not allowed`} (${f.reason})`,
      hint: () =>
        'see `folio config` for the keys and their current values, and `folio schema config` for what each allows',
    },
    ru: {
      text: (f) => `${f.key}: ${f.unknown ? 'неизвестный ключ' : `значение ${f.value} недопустимо`}`,
      hint: () => '`folio config` показывает ключи и их текущие значения, `folio schema config` — что допускает каждый',
    },
  },
};

/** An error's text and hint in one language. */
export function errorText(s: ErrorSays, lang: Lang): { text: string; hint: string | undefined } {
  // `s.id` and `s.fields` go together (see `ErrorSays`).
  return say(ERRORS, s.id, s.fields as never, lang);
}

/**
 * An error as said in `lang`: its text, hint and the further problems under it, worded from
 * the error's id and fields, or from its cells. English is what JSON, logs and the English
 * output print.
 */
export function errorInLang(
  e: FolioError,
  lang: Lang,
): { message: string; hint: string | undefined; more: string[]; moreCount: number } {
  const [first, ...rest] = e.cells;
  if (first !== undefined) {
    const said = cellText(first.says, lang);
    return {
      message: said.text,
      hint: `${said.hint}; ${ERROR_WORDS[lang].skipInvalid}`,
      more: rest.map((c) => describeProblem({ ...c, message: cellText(c.says, lang).text }, ERROR_WORDS[lang].sheet)),
      moreCount: e.moreCount,
    };
  }
  const s = e.says as ErrorSays;
  const said = errorText(s, lang);
  return { message: said.text, hint: said.hint, more: moreLines(s, lang), moreCount: e.moreCount };
}

/** The lines an error lists under its message: the rows tried for a header, the rules without input, what a folder held. */
function moreLines(s: ErrorSays, lang: Lang): string[] {
  const ru = lang === 'ru';
  switch (s.id) {
    case 'NO_HEADER_ROW':
      return s.fields.rows.map((r) => {
        const lacks = ru ? `нет: ${r.lacks.map(fieldRu).join(', ')}` : `lacks ${r.lacks.join(', ')}`;
        if (r.excerpt === null) return `${r.file}:${r.line}: ${lacks}`;
        return `${r.file}:${r.line}: ${JSON.stringify(r.excerpt)}${ru ? ' — ' : ' '}${lacks}`;
      });
    case 'RULE_WITHOUT_INPUT':
      return [
        ...s.fields.gaps.slice(1).map((g) => RULE_GAP[lang].text(g)),
        ...s.fields.unused.map((u) => `${ru ? 'не использован' : 'not used'}: ${u.file}: ${unusedWhy(u, lang)}`),
      ];
    case 'NO_INPUT': {
      const seen =
        s.fields.unused.length > 0
          ? s.fields.unused.map((u) => `${ru ? 'просмотрен' : 'seen'}: ${u.file}: ${unusedWhy(u, lang)}`)
          : [
              ru
                ? 'просмотрено: ничего (в папке и подпапках нет файлов)'
                : 'seen: nothing (the folder and its subfolders hold no files)',
            ];
      return [...s.fields.looked.map(ru ? lookedForRu : lookedForEn), ...seen];
    }
    default:
      return [];
  }
}

/** The words around an error, in each language. */
export const ERROR_WORDS: Record<
  Lang,
  {
    hint: string;
    skipInvalid: string;
    more: (n: number) => string;
    sheet: SheetWords;
    internal: (message: string) => string;
    debug: string;
  }
> = {
  en: {
    sheet: { row: 'row', column: 'column' },
    internal: (message) =>
      `internal error: ${message}. This is a bug in folio; please report it with the command you ran.`,
    debug: 'rerun with --debug to see the stack trace',
    hint: 'hint:',
    skipInvalid: 'or pass --skip-invalid to skip such rows and count them',
    more: (n) => `…and ${n} more row${n === 1 ? '' : 's'} like this`,
  },
  ru: {
    sheet: { row: 'строка', column: 'колонка' },
    internal: (message) =>
      `внутренняя ошибка: ${message}. Это ошибка в folio; сообщите о ней, указав команду, которую вы запускали.`,
    debug: 'запустите снова с --debug, чтобы увидеть трассировку стека',
    hint: 'подсказка:',
    skipInvalid: 'или передайте --skip-invalid, чтобы пропустить такие строки и посчитать их',
    more: (n) => `…и ещё строк с той же ошибкой: ${n}`,
  },
};
