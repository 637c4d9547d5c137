import { type Warning, type WarningFields } from '../../codes/warnings.js';
import type { LocatedCell } from '../../folio-error.js';
import type { Lang } from '../i18n.js';
import { isoDate, limitPercent, money, percent } from '../format.js';
import { RULE_GAP } from './check.js';
import { cellLine, fieldName } from './error-words.js';
import { type Catalog, say } from './entry.js';

/** `file: text`, or the text alone where the file is said already. */
const at = (f: { file?: string }, text: string): string => (f.file === undefined ? text : `${f.file}: ${text}`);
const quoted = (list: readonly string[]): string => list.map((h) => `"${h}"`).join(', ');
const guillemets = (list: readonly string[]): string => list.map((h) => `«${h}»`).join(', ');

type Unknown = WarningFields['UNKNOWN_OUTCOME'];

/** The unknown values with their rows, then what was not shown. */
function unknownList(f: Unknown, lang: Lang): string {
  const shown = f.values
    .map((u) => {
      const value = u.value.trim() === '' ? (lang === 'ru' ? 'пусто' : 'empty') : `"${u.value}"`;
      const tied =
        u.tied.length > 1
          ? lang === 'ru'
            ? `, поровну подходит под ${u.tied.join(' и ')}`
            : `, matches ${u.tied.join(' and ')} equally`
          : '';
      return `${value} (${u.rows}${tied})`;
    })
    .join(', ');
  const more = f.more > 0 ? (lang === 'ru' ? `, и ещё ${f.more}` : `, and ${f.more} more`) : '';
  const unkept =
    f.unkept > 0
      ? lang === 'ru'
        ? `, и ещё строк с незапомненным написанием: ${f.unkept}`
        : `, and ${f.unkept} row(s) of spellings not kept`
      : '';
  return `${shown}${more}${unkept}`;
}

type Values = WarningFields['PARTIAL_STATUS'];

/** Values with their rows, then how many more there were. */
function valueList(f: Values, lang: Lang): string {
  const shown = f.values.map((u) => `"${u.value}" (${u.rows})`).join(', ');
  return f.more > 0 ? `${shown}${lang === 'ru' ? `, и ещё ${f.more}` : `, and ${f.more} more`}` : shown;
}

const firstValue = (f: Values): string => f.values[0]?.value ?? 'VALUE';

const UNKNOWN_COLUMN = {
  status: { en: 'status', ru: 'статус' },
  'offer status': { en: 'offer status', ru: 'статус КП' },
  outcome: { en: 'outcome', ru: 'результат' },
  channel: { en: 'channel', ru: 'канал' },
  'contact channel': { en: 'channel', ru: 'канал' },
} as const;

const UNKNOWN_READ_AS = {
  status: {
    en: 'open (not revenue)',
    ru: 'открытые (не выручка)',
    flags: '--won, --lost, --open or --refund',
    ruFlags: '--won, --lost, --open или --refund',
  },
  'offer status': {
    en: 'undecided (the offer needs follow-up)',
    ru: 'без решения (КП ждёт звонка)',
    flags: '--won (accepted), --lost (declined) or --open',
    ruFlags: '--won (принято), --lost (отклонено) или --open',
  },
  outcome: {
    en: 'neutral',
    ru: 'нейтральные',
    flags: '--positive, --negative or --neutral',
    ruFlags: '--positive, --negative или --neutral',
  },
  channel: {
    en: 'not personal',
    ru: 'не личные',
    flags: '--personal-channels or --other-channels',
    ruFlags: '--personal-channels или --other-channels',
  },
  'contact channel': {
    en: 'neither a call nor a meeting (not in the funnel)',
    ru: 'не звонки и не встречи (в воронку не входят)',
    flags: '--phone-channels, --meeting-channels or --other-channels',
    ruFlags: '--phone-channels, --meeting-channels или --other-channels',
  },
} as const;

function unknownValues(column: keyof typeof UNKNOWN_COLUMN): Catalog<{ X: Unknown }>['X'] {
  const c = UNKNOWN_COLUMN[column];
  const r = UNKNOWN_READ_AS[column];
  return {
    en: {
      text: (f) =>
        at(
          f,
          `${f.rows} row(s) whose ${c.en} no list knows, read as ${r.en}: ${unknownList(f, 'en')}; classify one with ${r.flags} "VALUE"`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `строк, чей ${c.ru} не знает ни один список: ${f.rows}; прочитаны как ${r.ru}: ${unknownList(f, 'ru')}; отнесите значение к списку флагом ${r.ruFlags} "ЗНАЧЕНИЕ"`,
        ),
    },
  };
}

const totalsNotes = (f: WarningFields['TOTALS_ROWS'], lang: Lang): string => {
  if (f.compared === 0) return '';
  if (lang === 'ru') {
    if (f.agreeing === f.compared) return '; их суммы сходятся со строками выручки над ними';
    const notes = f.notes.map(
      (n) =>
        `в строке ${n.line} указано ${n.stated}, строки выручки над ней${n.since === null ? '' : ` после строки ${n.since}`} дают ${n.counted} (разница ${n.apart})`,
    );
    return `; сходятся ${f.agreeing} из ${f.compared} со строками выручки над ними; ${notes.join('; ')}`;
  }
  if (f.agreeing === f.compared) return '; their amounts agree with the won rows above them';
  const notes = f.notes.map(
    (n) =>
      `line ${n.line} says ${n.stated}, the won rows above it${n.since === null ? '' : ` since line ${n.since}`} sum to ${n.counted} (${n.apart} apart)`,
  );
  return `; ${f.agreeing} of ${f.compared} agree with the won rows above them; ${notes.join('; ')}`;
};

const DATE_FALLBACK_EN: Record<WarningFields['DATE_FALLBACK']['kind'], (h: string) => string> = {
  'expected-close': (h) =>
    `won revenue is dated by "${h}", the date the deal was expected to close, not the date it was won or paid; map another with --map date=HEADER`,
  created: (h) =>
    `won revenue is dated by "${h}", the date the deal was created, not the date it was won or paid: a period holds the deals opened in it; map another with --map date=HEADER`,
  'activity-created': (h) =>
    `contacts are dated by "${h}", the date the record was created, which can differ from the day of the contact; map another with --map date=HEADER`,
  'offer-document': (h) =>
    `offers are taken as sent on "${h}", the date of the document, which can be earlier than the day it reached the client; map another with --map sent=HEADER`,
};
const DATE_FALLBACK_RU: Record<WarningFields['DATE_FALLBACK']['kind'], (h: string) => string> = {
  'expected-close': (h) =>
    `выручка датирована по «${h}», ожидаемой дате закрытия, а не дате выигрыша или оплаты; укажите другую колонку: --map date=ЗАГОЛОВОК`,
  created: (h) =>
    `выручка датирована по «${h}», дате создания сделки, а не дате выигрыша или оплаты: в период попадают сделки, открытые в нём; укажите другую колонку: --map date=ЗАГОЛОВОК`,
  'activity-created': (h) =>
    `контакты датированы по «${h}», дате создания записи, которая может отличаться от дня контакта; укажите другую колонку: --map date=ЗАГОЛОВОК`,
  'offer-document': (h) =>
    `КП считаются отправленными в «${h}», дату документа, которая может быть раньше дня, когда КП дошло до клиента; укажите другую колонку: --map sent=ЗАГОЛОВОК`,
};

const LACKING_RU = { manager: 'менеджера', channel: 'канала' } as const;

/**
 * Every warning in every language. To add one: its code and fields in src/codes/warnings.ts,
 * its entry here (the compiler asks for both languages), and `warning(CODE, fields)` where
 * it is raised.
 */
export const WARNINGS: Catalog<WarningFields> = {
  BACKSLASH_ESCAPES: {
    en: {
      text: (f) =>
        at(
          f,
          'read as a database dump that escapes with backslashes: \\" is a quote, \\\\ a backslash, \\N an empty cell (to read quotes as "" instead, pass --escape double)',
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          'прочитан как выгрузка из базы данных с экранированием обратной косой чертой: \\" — кавычка, \\\\ — обратная косая черта, \\N — пустая ячейка (читать кавычки как "" — --escape=double)',
        ),
    },
  },
  NUL_BYTES: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.count} NUL byte(s) in the text were dropped (first on line ${f.line}); the rest of the file read as text`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `в тексте отброшены нулевые байты (NUL): ${f.count} (первый в строке ${f.line}); остальное прочитано как текст`,
        ),
    },
  },
  HEADER_ROW: {
    en: {
      text: (f) =>
        at(
          f,
          `the header is on line ${f.line}; the ${f.preamble} line${f.preamble === 1 ? '' : 's'} above it (a title, report parameters, blank lines) ${f.preamble === 1 ? 'was' : 'were'} not read (name another with --header-row N)`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `заголовок в строке ${f.line}; строки над ним (название, параметры отчёта, пустые строки; всего ${f.preamble}) не прочитаны (другую строку заголовка задаёт --header-row N)`,
        ),
    },
  },
  HEADER_GUESSED: {
    en: {
      text: (f) =>
        `${f.file}: no row among the first ${f.candidates} has a column for every field needed; took line ${f.line} as the header (choose one with --header-row N)`,
    },
    ru: {
      text: (f) =>
        `${f.file}: ни в одной из первых ${f.candidates} строк нет колонок для всех нужных полей; заголовком взята строка ${f.line} (выберите другую: --header-row N)`,
    },
  },
  HEADERLESS: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.detected ? `the file has no header row (line ${f.line} holds data)` : 'read without a header row'}${
            f.roles.length > 0
              ? `; columns told by their content: ${f.roles.map((r) => `${r.field} = column ${r.column}`).join(', ')}`
              : ''
          }${f.status ? '' : '; no status column, so every row counts as won'} (pin them with ${f.pins})`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `${f.detected ? `в файле нет строки заголовка (в строке ${f.line} — данные)` : 'файл прочитан без строки заголовка'}${
            f.roles.length > 0
              ? `; колонки определены по содержимому: ${f.roles.map((r) => `${fieldName(r.field, 'ru')} — колонка ${r.column}`).join(', ')}`
              : ''
          }${f.status ? '' : '; колонки статуса нет, поэтому каждая строка считается выигранной'} (закрепить: ${f.pins})`,
        ),
    },
  },
  HEADER_JOINED: {
    en: {
      text: (f) =>
        at(
          f,
          `the header is lines ${f.from}–${f.to} read as one, column by column (merged cells as the sheet has them)${f.headers.length > 0 ? `: ${quoted(f.headers)}` : ''}`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `заголовок — строки ${f.from}–${f.to}, прочитанные как одна, по колонкам (объединённые ячейки — как на листе)${f.headers.length > 0 ? `: ${quoted(f.headers)}` : ''}`,
        ),
    },
  },
  COLUMN_CHOICE: {
    en: {
      text: (f) =>
        'columns' in f
          ? at(
              f,
              `two columns (${f.columns[0]} and ${f.columns[1]}) are both named like this, and both could be the ${f.field} (the first is taken); say which one with --map ${f.field}=${f.columns[0]} or --map ${f.field}=${f.columns[1]}`,
            )
          : at(f, `${f.field}: took "${f.took}" over ${quoted(f.over)} (override with --map ${f.field}=HEADER)`),
    },
    ru: {
      text: (f) =>
        'columns' in f
          ? at(
              f,
              `две колонки (${f.columns[0]} и ${f.columns[1]}) названы «${f.header}», и подходят обе (взята первая); выберите флагом --map ${f.field}=${f.columns[0]} или --map ${f.field}=${f.columns[1]}`,
            )
          : at(f, `взята колонка «${f.took}», а не ${guillemets(f.over)} (выбрать другую: --map ${f.field}=ЗАГОЛОВОК)`),
    },
  },
  DATE_FALLBACK: {
    en: { text: (f) => at(f, DATE_FALLBACK_EN[f.kind](f.header)) },
    ru: { text: (f) => at(f, DATE_FALLBACK_RU[f.kind](f.header)) },
  },
  CLIENT_BY_ID: {
    en: {
      text: (f) =>
        at(
          f,
          `clients are told apart by "${f.header}", an ID: the file has no client name column, so each client is shown by its ID; map a name column with --map client=HEADER`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `клиенты различаются по «${f.header}», идентификатору: в файле нет колонки с названием клиента, поэтому каждый клиент показан своим идентификатором; укажите колонку названия: --map client=ЗАГОЛОВОК`,
        ),
    },
  },
  CLIENT_BY_CONTACT: {
    en: {
      text: (f) =>
        at(
          f,
          `clients are the contact persons of "${f.header}": the file has no client or company column; map one with --map client=HEADER`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `клиенты — контактные лица из «${f.header}»: в файле нет колонки клиента или компании; укажите её: --map client=ЗАГОЛОВОК`,
        ),
    },
  },
  CONTACT_AS_CLIENT: {
    en: {
      text: (f) =>
        f.count === f.won
          ? `${f.file}: "${f.client}" is empty on every won row, so the clients are the contacts of "${f.contact}" (${f.count} row(s)); map another with --map client=HEADER`
          : `${f.file}: ${f.count} of ${f.won} won row(s) have an empty "${f.client}" and take the client from "${f.contact}"; map another with --map client=HEADER`,
    },
    ru: {
      text: (f) =>
        f.count === f.won
          ? `${f.file}: «${f.client}» пуста во всех выигранных строках, поэтому клиенты — контакты из «${f.contact}» (строк: ${f.count}); другую колонку задаёт --map client=ЗАГОЛОВОК`
          : `${f.file}: в ${f.count} из ${f.won} выигранных строк «${f.client}» пуста, клиент взят из «${f.contact}»; другую колонку задаёт --map client=ЗАГОЛОВОК`,
    },
  },
  PATH_HEADERS: {
    en: {
      text: (f) =>
        at(
          f,
          `path-style headers read by their last part: ${f.paths.map((p) => `"${p.header}" as the ${p.field} ("${p.read}")`).join(', ')}; map another with --map FIELD=HEADER`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `заголовки-пути прочитаны по последней части: ${f.paths.map((p) => `«${p.header}» — ${p.field} («${p.read}»)`).join(', ')}; другую колонку задаёт --map ПОЛЕ=ЗАГОЛОВОК`,
        ),
    },
  },
  SERIAL_DATES: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.count} value(s) of "${f.header}" are Excel day numbers (a sheet saved as text) and were read as dates: line ${f.line} "${f.first}" is ${f.day}; if they are not dates, map another column with --map`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `значения «${f.header}» — номера дней Excel (лист сохранён как текст), прочитаны как даты: ${f.count}; строка ${f.line} «${f.first}» — это ${f.day}; если это не даты, укажите другую колонку флагом --map`,
        ),
    },
  },
  FLOAT_AMOUNTS: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.count} value(s) of "${f.header}" had more than ${f.decimals} decimals (binary floats printed in full) and were rounded to ${f.decimals}, first on line ${f.line}`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `значений «${f.header}» больше чем с ${f.decimals} знаками после запятой (двоичные дроби, напечатанные целиком): ${f.count}; округлены до ${f.decimals} знаков, первое в строке ${f.line}`,
        ),
    },
  },
  TOTALS_ROWS: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} totals or subtotals row(s) left out, never a client (line ${f.lines.join(', ')}${f.count > f.lines.length ? `, and ${f.count - f.lines.length} more` : ''})${totalsNotes(f, 'en')}`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строки итогов и подытогов не учтены, это не клиенты: ${f.count} (строка ${f.lines.join(', ')}${f.count > f.lines.length ? `, и ещё ${f.count - f.lines.length}` : ''})${totalsNotes(f, 'ru')}`,
    },
  },
  SUBTOTAL_ROWS: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.count} subtotal row(s) left out, each the exact sum of the rows under it: ${f.notes.map((n) => `line ${n.line} "${n.label}" ${n.amount} (${n.rows} row${n.rows === 1 ? '' : 's'} under it)`).join('; ')}${f.count > f.notes.length ? `; and ${f.count - f.notes.length} more` : ''}${f.filled > 0 ? `; the rows under them took their group's label in ${f.filled} empty cell(s)` : ''}`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `строки подытогов не учтены, каждая — точная сумма строк под ней: ${f.count} (${f.notes.map((n) => `строка ${n.line} «${n.label}» ${n.amount}, строк под ней: ${n.rows}`).join('; ')}${f.count > f.notes.length ? `; и ещё ${f.count - f.notes.length}` : ''})${f.filled > 0 ? `; строки под ними получили подпись своей группы в пустых ячейках: ${f.filled}` : ''}`,
        ),
    },
  },
  REPORT_FOOTER: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.count} line(s) below the totals row hold no amount and were read as the report's footer, not data (line ${f.lines.join(', ')}${f.count > f.lines.length ? ', …' : ''}: "${f.first}")`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `строки под строкой итогов без суммы прочитаны как подвал отчёта, а не данные: ${f.count} (строка ${f.lines.join(', ')}${f.count > f.lines.length ? ', …' : ''}: «${f.first}»)`,
        ),
    },
  },
  SUBTOTALS_UNCHECKED: {
    en: {
      text: (f) =>
        at(
          f,
          `the group starting at line ${f.line} holds over 200,000 rows: whether its group rows are subtotals was not checked, and every row was read as it is`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `в группе, начинающейся в строке ${f.line}, больше 200 000 строк: подытоги в ней не проверялись, все строки прочитаны как есть`,
        ),
    },
  },
  TITLE_PERIOD: {
    en: {
      text: (f) =>
        at(
          f,
          `no date column: the rows are dated by the period the title prints on line ${f.line}, ${f.from} — ${f.to} (each on its last day, ${f.to}); map a date column with --map date=HEADER if there is one`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `нет колонки даты: строки датированы периодом из заголовка отчёта (строка ${f.line}), ${f.from} — ${f.to} (каждая последним днём, ${f.to}); если колонка даты есть, укажите её: --map date=ЗАГОЛОВОК`,
        ),
    },
  },
  SKIPPED_ROWS: {
    en: {
      text: (f) =>
        `${f.file}: skipped ${f.count} invalid row${f.count === 1 ? '' : 's'} (first: ${firstLine(f.first, 'en')})`,
    },
    ru: { text: (f) => `${f.file}: пропущено строк с ошибками: ${f.count} (первая: ${firstLine(f.first, 'ru')})` },
  },
  UNKNOWN_STATUS: {
    en: { text: (f) => unknownValues(f.column).en.text(f) },
    ru: { text: (f) => unknownValues(f.column).ru.text(f) },
  },
  CLOSED_STATUS: {
    en: {
      text: (f) =>
        `${f.file}: ${f.rows} row(s) whose status says only closed, which is a done order in some systems (1C) and a lost deal in others: ${valueList(f, 'en')}; read as open (not revenue): if closed means sold, pass --won "${firstValue(f)}"; if it means lost, --lost "${firstValue(f)}"`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строк, чей статус говорит только «закрыт»: ${f.rows}; в одних системах это выполненный заказ (1С), в других — проигранная сделка: ${valueList(f, 'ru')}; прочитаны как открытые (не выручка): если «закрыт» значит продано, передайте --won "${firstValue(f)}", если проиграно — --lost "${firstValue(f)}"`,
    },
  },
  NO_STATUS_COLUMN: {
    en: {
      text: (f) =>
        `${f.file}: no status column, so every row (${f.rows}) was counted as won; if the file holds lost or open deals, map their column with --map status=HEADER`,
    },
    ru: {
      text: (f) =>
        `${f.file}: нет столбца статуса, поэтому все строки (${f.rows}) учтены как выигранные; если в файле есть проигранные или открытые сделки, укажите их столбец: --map status=ЗАГОЛОВОК`,
    },
  },
  STATUS_FROM_WON_COLUMN: {
    en: {
      text: (f) =>
        `${f.file}: no status words, so the status was read from the yes/no column "${f.header}": yes is won, no is not revenue`,
    },
    ru: {
      text: (f) =>
        `${f.file}: нет столбца со словами статуса, поэтому статус прочитан из столбца да/нет «${f.header}»: да — выиграна, нет — не выручка`,
    },
  },
  WON_COLUMN_DISAGREES: {
    en: {
      text: (f) =>
        `${f.file}: "${f.status}" and "${f.flag}" disagree on ${f.statusOnly + f.flagOnly} row(s) (won by "${f.status}" only: ${f.statusOnly}; by "${f.flag}" only: ${f.flagOnly}); the status words were taken; to count by the yes/no column, pass --map status="${f.flag}"`,
    },
    ru: {
      text: (f) =>
        `${f.file}: «${f.status}» и «${f.flag}» расходятся в строках: ${f.statusOnly + f.flagOnly} (выиграна только по «${f.status}»: ${f.statusOnly}; только по «${f.flag}»: ${f.flagOnly}); взяты слова статуса; чтобы считать по столбцу да/нет, передайте --map status="${f.flag}"`,
    },
  },
  PARTIAL_STATUS: {
    en: {
      text: (f) =>
        `${f.file}: ${f.rows} row(s) whose status says paid or shipped in part were counted as won with their whole amount: ${valueList(f, 'en')}; if they are not revenue yet, pass --open "VALUE"`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строк, чей статус говорит о частичной оплате или отгрузке: ${f.rows}; учтены как выигранные на всю сумму: ${valueList(f, 'ru')}; если это ещё не выручка, передайте --open "ЗНАЧЕНИЕ"`,
    },
  },
  STAGE_AS_WON: {
    en: {
      text: (f) =>
        `${f.file}: ${f.rows} row(s) were counted as won from a lifecycle or payment stage: ${valueList(f, 'en')}; if such a value is not a sale, pass --open or --lost "VALUE"`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строк, учтённых как выигранные по стадии жизненного цикла или оплаты: ${f.rows}; это ${valueList(f, 'ru')}; если такое значение — не продажа, передайте --open или --lost "ЗНАЧЕНИЕ"`,
    },
  },
  REFUNDS_NEGATED: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} row(s) under a refund status had a positive amount, taken as negative (a refund takes the money back)`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строки со статусом возврата и положительной суммой учтены с минусом (возврат забирает деньги): ${f.count}`,
    },
  },
  UNKNOWN_OUTCOME: unknownValues('outcome'),
  UNKNOWN_CHANNEL: unknownValues('channel'),
  UNKNOWN_CONTACT_CHANNEL: unknownValues('contact channel'),
  FOLDED_LINES: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} line(s) repeated whole (same ID, same values) were counted once${f.across > 0 ? `; ${f.across} of them repeat lines of an earlier file` : ''}`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строки, повторённые целиком (тот же ID, те же значения), учтены один раз: ${f.count}${f.across > 0 ? `; из них повторяют строки более раннего файла: ${f.across}` : ''}`,
    },
  },
  DEAL_AMOUNT_ONCE: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} more line(s) of deals without product rows (same ID, same amount) were folded: each deal's amount counts once${f.across > 0 ? `; ${f.across} of them repeat lines of an earlier file` : ''}`,
    },
    ru: {
      text: (f) =>
        `${f.file}: повторные строки сделок без товарных строк (тот же ID, та же сумма) свёрнуты: ${f.count}; сумма каждой сделки учтена один раз${f.across > 0 ? `; из них повторяют строки более раннего файла: ${f.across}` : ''}`,
    },
  },
  PRODUCT_ROW_AMOUNTS: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} product row(s) count price × quantity ("${f.price}" × "${f.quantity}"); on ${f.disagree} of them "${f.amount}" holds another sum (Bitrix24 repeats the deal total on every product row), which counts only on rows without a product`,
    },
    ru: {
      text: (f) =>
        `${f.file}: товарные строки считаются как цена × количество («${f.price}» × «${f.quantity}»): ${f.count}; в ${f.disagree} из них в «${f.amount}» другая сумма (Битрикс24 повторяет сумму сделки в каждой товарной строке), она учитывается только в строках без товара`,
    },
  },
  REPEATED_IDS: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} ID(s) appear on several different rows (product rows, or numbering restarted); all those rows count${f.across > 0 ? `; ${f.across} of them were on other lines of an earlier file: if the files overlap, export them with the same columns and formats, so that the repeated lines fold` : ''}`,
    },
    ru: {
      text: (f) =>
        `${f.file}: ID, которые встречаются в нескольких разных строках (товарные строки или нумерация начата заново): ${f.count}; учтены все эти строки${f.across > 0 ? `; из них в других строках более раннего файла: ${f.across} — если выгрузки перекрываются, выгрузите их с одинаковыми колонками и форматами, чтобы повторы свернулись` : ''}`,
    },
  },
  BLANK_AMOUNTS: {
    en: {
      text: (f) =>
        at(
          f,
          `${f.count} won row(s) have a blank amount and were left out as no revenue (first on line ${f.line}); fill in the amount if it is a sale`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `выигранные строки с пустой суммой не считаются выручкой и пропущены: ${f.count} (первая в строке ${f.line}); если это продажа, заполните сумму`,
        ),
    },
  },
  UNDATED_ROWS: {
    en: { text: (f) => `${f.file}: ${f.count} won row(s) have no date and fall outside any period` },
    ru: { text: (f) => `${f.file}: выигранные строки без даты не попадают ни в один период: ${f.count}` },
  },
  SHEETS_SKIPPED: {
    en: {
      text: (f) =>
        `${f.file}: read the sheet "${f.sheet}": the sheet(s) before it (${f.skipped.map((s) => `"${s}"`).join(', ')}) hold no header and row of data; to read another, pass --sheet N or --sheet NAME (this one is --sheet ${f.position})`,
    },
    ru: {
      text: (f) =>
        `${f.file}: прочитан лист «${f.sheet}»: на листах перед ним (${f.skipped.map((s) => `«${s}»`).join(', ')}) нет заголовка и строки данных; другой лист — --sheet N или --sheet ИМЯ (этот — --sheet ${f.position})`,
    },
  },
  FORMULAS_NOT_CACHED: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} formula cell(s) hold no calculated value (the workbook was saved without calculating) and were read as empty; open it in Excel or LibreOffice, let it calculate and save`,
    },
    ru: {
      text: (f) =>
        `${f.file}: ячейки с формулами без вычисленного значения (книга сохранена без пересчёта) прочитаны как пустые: ${f.count}; откройте книгу в Excel или LibreOffice, дайте ей пересчитаться и сохраните`,
    },
  },
  XLS_CODE_PAGE_GUESSED: {
    en: {
      text: (f) =>
        at(
          f,
          `the workbook names no code page for its text; read as ${f.encoding}, guessed from the text as for a CSV file (name another with --encoding)`,
        ),
    },
    ru: {
      text: (f) =>
        at(
          f,
          `в книге не указана кодовая страница текста; он прочитан как ${f.encoding}, угаданной по тексту, как для CSV (другую задаёт --encoding)`,
        ),
    },
  },
  DUPLICATE_CLIENTS: {
    en: {
      text: (f) => `${f.file}: ${f.count} row(s) repeat a client already listed; the first row of each client is used`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строки, повторяющие уже указанного клиента: ${f.count}; берётся первая строка каждого клиента`,
    },
  },
  CLIENT_SPELLINGS_MERGED: {
    en: {
      text: (f) =>
        `${f.count} client(s) are written several ways and counted as one, shown under the most frequent spelling: ${spellingGroups(f, 'en')}; pass --exact-names to keep every spelling apart`,
    },
    ru: {
      text: (f) =>
        `клиенты, записанные по-разному и считающиеся одним клиентом (показан самый частый вариант): ${f.count} — ${spellingGroups(f, 'ru')}; --exact-names разделит все варианты`,
    },
  },
  CLIENT_FORMS_DIFFER: {
    en: {
      text: (f) =>
        `${f.count} group(s) of client names differ only in the legal form (or its absence) and are kept apart, though each may be one company: ${formGroups(f, 'en')}; if one is, write it the same way in every export`,
    },
    ru: {
      text: (f) =>
        `группы названий, различающихся только организационно-правовой формой (или её отсутствием), считаются разными клиентами, хотя каждая может быть одной компанией: ${f.count} — ${formGroups(f, 'ru')}; если это одна компания, запишите её одинаково во всех выгрузках`,
    },
  },
  REDACT_UNKEYED: {
    en: {
      text: (f) =>
        `${f.emptyKey ? 'FOLIO_REDACT_KEY is empty, so the' : 'the'} pseudonyms of --redact are plain hashes of the names: anyone with a list of likely client names can hash them and confirm who is in this output; set FOLIO_REDACT_KEY to a secret (or pass --redact-key-file FILE) to make them keyed`,
    },
    ru: {
      text: (f) =>
        `${f.emptyKey ? 'FOLIO_REDACT_KEY пуст, поэтому псевдонимы' : 'псевдонимы'} --redact — обычные хеши имён: любой, у кого есть список вероятных клиентов, может захешировать его и узнать, кто есть в этом выводе; задайте секрет в FOLIO_REDACT_KEY (или --redact-key-file FILE), чтобы псевдонимы зависели от ключа`,
    },
  },
  COOLOFF_SIMPLIFIED: {
    en: {
      text: (f) => {
        const manager = f.lacking.includes('manager');
        const channel = f.lacking.includes('channel');
        return `${f.file}: the log has no ${f.lacking.join(' and ')} column, so the cool-off rule treats every contact as ${manager ? "the same manager's" : ''}${manager && channel ? ' and ' : ''}${channel ? 'personal' : ''}`;
      },
    },
    ru: {
      text: (f) => {
        const manager = f.lacking.includes('manager');
        const channel = f.lacking.includes('channel');
        const as = [manager ? 'контакт того же менеджера' : null, channel ? 'личный' : null]
          .filter(Boolean)
          .join(' и ');
        return `${f.file}: в журнале нет колонки ${f.lacking.map((l) => LACKING_RU[l]).join(' и ')}, поэтому правило паузы считает каждый контакт как ${as}`;
      },
    },
  },
  OFFER_NO_STATUS: {
    en: {
      text: (f) =>
        `${f.file}: no status column, so every offer is read as undecided (neither accepted nor declined); map one with --map status=HEADER`,
    },
    ru: {
      text: (f) =>
        `${f.file}: нет колонки статуса, поэтому каждое КП считается нерешённым (не принято и не отклонено); укажите колонку: --map status=ЗАГОЛОВОК`,
    },
  },
  OFFER_NO_EXPIRY: {
    en: {
      text: (f) =>
        `${f.file}: no expiry column (Valid until, Действует до), so no offer is listed as expiring or expired; map one with --map expires=HEADER`,
    },
    ru: {
      text: (f) =>
        `${f.file}: нет колонки срока действия («Действует до»), поэтому ни одно КП не числится истекающим или истёкшим; укажите колонку: --map expires=ЗАГОЛОВОК`,
    },
  },
  OFFER_NO_AMOUNT: {
    en: {
      text: (f) =>
        `${f.file}: no amount column, so the money left on expired offers is not counted; map one with --map amount=HEADER`,
    },
    ru: {
      text: (f) =>
        `${f.file}: нет колонки суммы, поэтому упущенные на истёкших КП деньги не подсчитаны; укажите колонку: --map amount=ЗАГОЛОВОК`,
    },
  },
  OFFERS_NOT_SENT: {
    en: {
      text: (f) =>
        f.why === 'preparing'
          ? `${f.file}: ${f.count} row(s) whose status is a stage before an offer (a draft, qualification, needs analysis) were left out, though dated; count one as an offer with --open "STATUS"`
          : `${f.file}: ${f.count} row(s) with no sending date were left out (a deal that never got an offer, or a date to fill in)`,
    },
    ru: {
      text: (f) =>
        f.why === 'preparing'
          ? `${f.file}: не учтены строки со статусом этапа до КП (черновик, квалификация, выявление потребностей), хотя у них есть дата: ${f.count}; считать такой статус КП: --open "СТАТУС"`
          : `${f.file}: не учтены строки без даты отправки (сделка, по которой КП не было, или незаполненная дата): ${f.count}`,
    },
  },
  OFFERS_AFTER_AS_OF: {
    en: { text: (f) => `${f.file}: ${f.count} offer(s) sent after as-of ${f.asOf} were left out` },
    ru: { text: (f) => `${f.file}: не учтены КП, отправленные после даты отчёта ${isoDate(f.asOf, 'ru')}: ${f.count}` },
  },
  FOLLOW_UP_ANY_CHANNEL: {
    en: {
      text: (f) =>
        `${f.file}: the log has no channel column, so every contact counts as a personal follow-up (an e-mail too); map one with --activities-map channel=HEADER`,
    },
    ru: {
      text: (f) =>
        `${f.file}: в журнале нет колонки канала, поэтому любой контакт (и письмо тоже) считается личным звонком по КП; укажите колонку: --activities-map channel=ЗАГОЛОВОК`,
    },
  },
  FOLLOW_UP_NEEDS_LOG: {
    en: {
      text: () =>
        'only expiry was checked: the follow-up rule (a call by the next business day) needs the activity log; give it with --activities FILE',
    },
    ru: {
      text: () =>
        'проверен только срок действия: правилу звонка по КП (не позже следующего рабочего дня) нужен журнал активностей; укажите его: --activities ФАЙЛ',
    },
  },
  FOLLOW_UP_BEFORE_LOG: {
    en: {
      text: (f) =>
        `${f.count} undecided offer(s) sent before the activity log begins were not checked for follow-up: ${f.logFrom === null ? 'the log holds no activity up to as-of' : `the log begins on ${f.logFrom}`}${f.none ? '; no offer of the window could be checked, so the rule is not checked' : ''}`,
    },
    ru: {
      text: (f) =>
        `нерешённые КП, отправленные до начала журнала активностей, не проверены на звонок: ${f.count}; ${f.logFrom === null ? 'в журнале нет активностей до даты отчёта' : `журнал начинается ${isoDate(f.logFrom, 'ru')}`}${f.none ? '; ни одно КП окна не удалось проверить, правило не проверено' : ''}`,
    },
  },
  HOLIDAYS_NOT_KNOWN: {
    en: {
      text: () =>
        'public holidays are not known: the follow-up counts Monday to Friday as business days, so an offer sent before a holiday is due on the holiday; give --holidays ru, bg or a file of dates',
    },
    ru: {
      text: () =>
        'праздники неизвестны: рабочими днями для звонка по КП считаются понедельник–пятница, и КП, отправленное накануне праздника, ждёт звонка в сам праздник; укажите --holidays ru, bg или файл дат',
    },
  },
  HOLIDAYS_NOT_COVERED: {
    en: {
      text: (f) => {
        const years = f.years.join(', ');
        if (f.country === 'ru')
          return `--holidays ru: the public holidays of the Labour Code and their weekend moves are applied, but not the days the government's decree moves in ${years} (January's weekend days, bridge days, Saturdays worked): list them in a file given with --holidays FILE`;
        if (f.country === 'bg')
          return `--holidays bg: the public holidays of the Labour Code, Easter and their weekend moves are applied, but not the days the Council of Ministers moves in ${years} (bridge days, Saturdays worked): list them in a file given with --holidays FILE`;
        return `${f.files.join(', ')} give(s) no day in ${years}: the public holidays of ${f.years.length === 1 ? 'that year' : 'those years'} are not known (Monday to Friday count); add them, or give --holidays ru or bg`;
      },
    },
    ru: {
      text: (f) => {
        const years = f.years.join(', ');
        if (f.country === 'ru')
          return `--holidays ru: учтены праздники Трудового кодекса и их переносы с выходных, но не переносы по постановлению правительства на ${years} г. (январские выходные, дни-мосты, рабочие субботы): перечислите их в файле и укажите его: --holidays ФАЙЛ`;
        if (f.country === 'bg')
          return `--holidays bg: учтены праздники Трудового кодекса Болгарии, Пасха и их переносы с выходных, но не переносы по решению Совета министров на ${years} г. (дни-мосты, рабочие субботы): перечислите их в файле и укажите его: --holidays ФАЙЛ`;
        return `в ${f.files.join(', ')} нет дней ${years} г.: праздники этих лет неизвестны (рабочими считаются понедельник–пятница); добавьте их или укажите --holidays ru или bg`;
      },
    },
  },
  OFFERS_WITHOUT_EXPIRY: {
    en: {
      text: (f) => `${f.count} undecided offer(s) have no expiry date, so they can never show as expiring or expired`,
    },
    ru: { text: (f) => `нерешённые КП без срока действия никогда не окажутся истекающими или истёкшими: ${f.count}` },
  },
  FUNNEL_UNASSIGNED: {
    en: {
      text: (f) =>
        f.noColumn
          ? `${f.files.join(', ')}: no manager column, so the funnel is the team's only (map one with --map manager=HEADER)`
          : `${f.count} ${f.unit === 'clients' ? 'client(s) whose first call names' : 'deal(s) that name'} no manager count in the team's funnel only`,
    },
    ru: {
      text: (f) =>
        f.noColumn
          ? `${f.files.join(', ')}: нет колонки менеджера, воронка только по команде (укажите её: --map manager=ЗАГОЛОВОК)`
          : `${f.unit === 'clients' ? 'клиенты, у первого звонка которых' : 'сделки, у которых'} не указан менеджер, учтены только в воронке команды: ${f.count}`,
    },
  },
  FUNNEL_NO_CALLS: {
    en: { text: (f) => `no call in the window ${f.from} — ${f.to}: no client entered the funnel` },
    ru: {
      text: (f) =>
        `в окне ${isoDate(f.from, 'ru')} — ${isoDate(f.to, 'ru')} нет ни одного звонка: в воронку не попал ни один клиент`,
    },
  },
  FUNNEL_NO_DEALS: {
    en: {
      text: () => 'the funnel stops at met: the won step needs the deals export; give it with --deals FILE',
    },
    ru: {
      text: () => 'воронка заканчивается на встрече: для шага «сделка» нужна выгрузка сделок; укажите её: --deals ФАЙЛ',
    },
  },
  FUNNEL_LOST_AT_FIRST: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} lost deal(s) say neither the stage they were lost at nor, in a stage log, how far they went: each is counted at the first step only (map a lost-at column with --map lostStage=HEADER, or give the stage log with --history FILE)`,
    },
    ru: {
      text: (f) =>
        `${f.file}: проигранные сделки без этапа, на котором они проиграны, и без журнала этапов учтены только на первом шаге: ${f.count} (укажите колонку этапа отказа: --map lostStage=ЗАГОЛОВОК, или журнал этапов: --history ФАЙЛ)`,
    },
  },
  FUNNEL_UNKNOWN_STAGES: {
    en: {
      text: (f) =>
        `${f.file}: ${f.rows} deal(s) at a stage that is none of --stages (nor won or lost), counted at the first step only: ${unknownList(f, 'en')}; add the stage to --stages`,
    },
    ru: {
      text: (f) =>
        `${f.file}: сделки на этапе, которого нет в --stages (и не выигранные и не проигранные), учтены только на первом шаге: ${f.rows} — ${unknownList(f, 'ru')}; добавьте этап в --stages`,
    },
  },
  FUNNEL_LOG_OTHER_STAGES: {
    en: {
      text: (f) =>
        `${f.file}: ${f.rows} stage-log row(s) at a stage that is none of --stages were passed over: ${unknownList(f, 'en')}`,
    },
    ru: {
      text: (f) =>
        `${f.file}: строки журнала этапов с этапом не из --stages пропущены: ${f.rows} — ${unknownList(f, 'ru')}`,
    },
  },
  FUNNEL_LOG_UNMATCHED: {
    en: {
      text: (f) =>
        `${f.file}: ${f.count} deal(s) of the stage log are in no deals file and were left out (no manager to count them for)`,
    },
    ru: {
      text: (f) =>
        `${f.file}: сделки журнала этапов, которых нет в выгрузке сделок, не учтены (неизвестен менеджер): ${f.count}`,
    },
  },
  FUNNEL_SKIPPED: {
    en: {
      text: (f) =>
        f.why === 'no-channel-column'
          ? `${f.files.join(', ')}: no channel column, so the funnel (calls, meetings, deals) is not in this report; map one with --activities-map channel=HEADER`
          : `${f.files.join(', ')}: the log has no ${f.missing.map((m) => (m === 'phone' ? 'calls' : 'face-to-face contacts')).join(' and no ')}, so the funnel is not in this report; name such channels with ${f.missing.map((m) => (m === 'phone' ? '--phone-channels' : '--meeting-channels')).join(' or ')} "VALUE"`,
    },
    ru: {
      text: (f) =>
        f.why === 'no-channel-column'
          ? `${f.files.join(', ')}: нет колонки канала, поэтому воронки (звонки, встречи, сделки) в отчёте нет; укажите её: --activities-map channel=ЗАГОЛОВОК`
          : `${f.files.join(', ')}: в журнале нет ${f.missing.map((m) => (m === 'phone' ? 'звонков' : 'личных встреч')).join(' и нет ')}, поэтому воронки в отчёте нет; укажите такие каналы: ${f.missing.map((m) => (m === 'phone' ? '--phone-channels' : '--meeting-channels')).join(' или ')} "ЗНАЧЕНИЕ"`,
    },
  },
  MANAGER_OVERLOAD: {
    en: {
      text: (f) => `${f.manager} carries ${f.keyClients} key clients (more than ${f.limit}): ${f.clients.join(', ')}`,
    },
    ru: {
      text: (f) =>
        `у менеджера ${f.manager} ключевых клиентов: ${f.keyClients} (больше ${f.limit}): ${f.clients.join(', ')}`,
    },
  },
  NON_POSITIVE_CLIENTS: {
    en: {
      text: (f) =>
        `${f.count} client(s) with zero or negative net revenue (refunds) get no share or class and are listed last; shares are of the ${String(f.shareBase)} the other clients bring: ${namedNets(f, 'en')}`,
    },
    ru: {
      text: (f) =>
        `клиенты с нулевой или отрицательной чистой выручкой (возвраты) не получают доли и класса и идут последними: ${f.count}; доли считаются от ${String(f.shareBase)}, которые дают остальные клиенты: ${namedNets(f, 'ru')}`,
    },
  },
  MANAGER_SHARE: {
    en: {
      text: (f) =>
        `${f.manager} carries ${percent(f.share, 'en')} of the window's revenue (${f.clients} client(s)), more than ${limitPercent(f.limit, 'en')}: if the manager leaves, the clients may follow`,
    },
    ru: {
      text: (f) =>
        `менеджер ${f.manager} ведёт ${percent(f.share, 'ru')} выручки окна (клиентов: ${f.clients}) — больше ${limitPercent(f.limit, 'ru')}: с уходом менеджера могут уйти и клиенты`,
    },
  },
  CLIENTS_SHARED_BY_MANAGERS: {
    en: {
      text: (f) =>
        `${f.count} client(s) bought from several managers in the window (${money(f.revenue, 'en')}, ${percent(f.share, 'en')} of its revenue): in the revenue per manager each is counted whole under the manager who brought most of its revenue, so a manager's figure can hold sales of others`,
    },
    ru: {
      text: (f) =>
        `клиенты, которым в окне продавали несколько менеджеров: ${f.count} (${money(f.revenue, 'ru')}, ${percent(f.share, 'ru')} выручки окна); в выручке по менеджерам каждый такой клиент целиком отнесён к менеджеру, который принёс больше всего его выручки, поэтому в цифре менеджера могут быть продажи других`,
    },
  },
  NO_MANAGER_COLUMN: {
    en: {
      text: (f) =>
        `${f.files.join(', ')}: no manager column, so revenue per manager is not computed (map one with --map manager=HEADER)`,
    },
    ru: {
      text: (f) =>
        `${f.files.join(', ')}: нет колонки менеджера, выручка по менеджерам не считается (укажите её: --map manager=ЗАГОЛОВОК)`,
    },
  },
  CLIENTS_WITHOUT_MANAGER: {
    en: {
      text: (f) =>
        `${f.count} client(s) of the window have no manager on any deal and count for no manager: ${named(f.clients, f.count, 'en')}`,
    },
    ru: {
      text: (f) =>
        `клиенты окна без менеджера ни в одной сделке не засчитаны ни одному менеджеру: ${f.count} — ${named(f.clients, f.count, 'ru')}`,
    },
  },
  NO_DISCOUNT_COLUMN: {
    en: {
      text: (f) =>
        `${f.files.join(', ')}: no discount column, so no client is called price-driven (map one with --map discount=HEADER)`,
    },
    ru: {
      text: (f) =>
        `${f.files.join(', ')}: нет колонки скидки, стадия «ценовой» не присваивается (укажите её: --map discount=ЗАГОЛОВОК)`,
    },
  },
  WINDOW_NON_POSITIVE: {
    en: {
      text: (f) =>
        `${f.count} client(s) with zero or negative net revenue in the window (refunds) get no share, ABC or XYZ and are listed last: ${f.clients.map((c) => `${c.client} (${String(c.revenue)})`).join(', ')}${f.count > f.clients.length ? `, and ${f.count - f.clients.length} more` : ''}`,
    },
    ru: {
      text: (f) =>
        `клиенты с нулевой или отрицательной чистой выручкой в окне (возвраты) не получают доли, ABC и XYZ и идут последними: ${f.count} — ${f.clients.map((c) => `${c.client} (${String(c.revenue)})`).join(', ')}${f.count > f.clients.length ? `, и ещё ${f.count - f.clients.length}` : ''}`,
    },
  },
  WINDOW_NO_REVENUE: {
    en: { text: (f) => `no revenue in the window ${f.from} — ${f.to}: the client base is not analysed` },
    ru: {
      text: (f) =>
        `в окне ${isoDate(f.from, 'ru')} — ${isoDate(f.to, 'ru')} нет выручки: клиентская база не анализируется`,
    },
  },
  KEY_CLIENTS_AT_RISK: {
    en: { text: (f) => `${f.clients.length} key client(s) do not want to buy: ${f.clients.join(', ')}` },
    ru: { text: (f) => `ключевые клиенты, которые не хотят покупать: ${f.clients.length} — ${f.clients.join(', ')}` },
  },
  KEY_CLIENTS_WITHOUT_ACTIVITY: {
    en: { text: (f) => `${f.clients.length} key client(s) match no activity in ${f.file}: ${f.clients.join(', ')}` },
    ru: {
      text: (f) => `ключевые клиенты без единой активности в ${f.file}: ${f.clients.length} — ${f.clients.join(', ')}`,
    },
  },
  CADENCE_BEFORE_LOG: {
    en: {
      text: (f) =>
        f.logFrom === null
          ? `${f.file}: the activity log holds no activity up to as-of ${f.asOf}: no contact rule was checked`
          : f.logFrom > f.window.to
            ? `${f.file}: the activity log begins on ${f.logFrom}, after the window (${f.window.from} to ${f.window.to}): nothing in the window was checked`
            : (f.unchecked ?? 0) > 0
              ? `${f.file}: the activity log begins on ${f.logFrom}: the ${f.unchecked} day(s) of the window before it (from ${f.window.from}) are not checked, and no gap is counted from before that day`
              : `${f.file}: the activity log begins on ${f.logFrom}, less than ${f.maxGap + 1} days before the window (from ${f.window.from}): a gap that began before the log is counted from its first day, so one in the window's first days may be missed`,
    },
    ru: {
      text: (f) =>
        f.logFrom === null
          ? `${f.file}: в журнале активностей нет записей по ${isoDate(f.asOf, 'ru')}: правила контактов не проверены`
          : f.logFrom > f.window.to
            ? `${f.file}: журнал активностей начинается ${isoDate(f.logFrom, 'ru')}, после окна (${isoDate(f.window.from, 'ru')} — ${isoDate(f.window.to, 'ru')}): в окне ничего не проверено`
            : (f.unchecked ?? 0) > 0
              ? `${f.file}: журнал активностей начинается ${isoDate(f.logFrom, 'ru')}: дни окна до него (с ${isoDate(f.window.from, 'ru')}, дней: ${f.unchecked}) не проверены, и перерыв не отсчитывается раньше этого дня`
              : `${f.file}: журнал активностей начинается ${isoDate(f.logFrom, 'ru')}, менее чем за ${f.maxGap + 1} дн. до окна (с ${isoDate(f.window.from, 'ru')}): перерыв, начавшийся до журнала, отсчитывается с его первого дня, и в первые дни окна его можно не заметить`,
    },
  },
  LEAD_OVERLOAD: {
    en: {
      text: (f) =>
        `${f.manager} has ${f.leads} open leads (more than ${f.limit}): five requests handled well beat fifty handled badly`,
    },
    ru: {
      text: (f) =>
        `у менеджера ${f.manager} открытых заявок: ${f.leads} (больше ${f.limit}): лучше пять заявок, обработанных хорошо, чем пятьдесят — плохо`,
    },
  },
  UNCLASSIFIED_LEADS: {
    en: {
      text: (f) =>
        `${f.count} lead(s) have no amount or no expected close date: they are in no group and come after the queue`,
    },
    ru: {
      text: (f) =>
        `заявки без суммы или без ожидаемой даты не попали ни в одну группу и идут после очереди: ${f.count}`,
    },
  },
  LEADS_LOOK_OLD: {
    en: {
      text: (f) =>
        `the export looks old: the expected close of every one of the ${f.count} open lead(s) with one lies more than a year before ${f.asOf} (they run from ${f.earliest} to ${f.latest}), so all of them read as long overdue; give the day the export was made with --as-of DAY`,
    },
    ru: {
      text: (f) =>
        `выгрузка выглядит старой: ожидаемое закрытие всех открытых заявок с датой (${f.count}) больше чем на год раньше ${f.asOf} (даты идут с ${f.earliest} по ${f.latest}), поэтому все они давно просрочены; укажите день выгрузки флагом --as-of ДАТА`,
    },
  },
  CADENCE_SKIPPED: {
    en: {
      text: () =>
        'the activity log was not checked: a deals or clients file, --key-client or --all-clients is needed to tell which clients are key',
    },
    ru: {
      text: () =>
        'журнал активностей не проверен: чтобы знать ключевых клиентов, нужен файл сделок или клиентов, --key-client или --all-clients',
    },
  },
  RULE_SKIPPED: {
    en: { text: (f) => `${RULE_GAP.en.text(f.gap)} (skipped: --allow-missing)` },
    ru: { text: (f) => `${RULE_GAP.ru.text(f.gap)} (пропущено: --allow-missing)` },
  },
  FILES_NOT_USED: {
    en: {
      text: (f) =>
        `${f.files.length} file(s) of ${f.folder ?? 'the folder'} not used: ${f.files.map((u) => `${u.file} (${u.why})`).join('; ')}`,
    },
    ru: {
      text: (f) =>
        `не использованы файлы ${f.folder ?? 'папки'}: ${f.files.length} — ${f.files.map((u) => u.file).join('; ')}`,
    },
  },
  LEADS_LOAD_UNCHECKED: {
    en: {
      text: () =>
        'rule overload checked key clients per manager only: give --max-leads N to check open leads per manager too',
    },
    ru: {
      text: () =>
        'правило overload проверило только ключевых клиентов на менеджера: чтобы проверить и открытые заявки, задайте --max-leads N',
    },
  },
};

const rowCount = (n: number, lang: Lang): string => (lang === 'ru' ? `строк: ${n}` : n === 1 ? '1 row' : `${n} rows`);

/** Each merged client: «shown» (spelling rows, …), then how many more clients. */
function spellingGroups(f: WarningFields['CLIENT_SPELLINGS_MERGED'], lang: Lang): string {
  const shown = f.clients
    .map((c) => `«${c.client}» = ${c.spellings.map((s) => `«${s.spelling}» (${rowCount(s.rows, lang)})`).join(', ')}`)
    .join('; ');
  const rest = f.count - f.clients.length;
  return rest > 0 ? `${shown}${lang === 'ru' ? `; и ещё ${rest}` : `; and ${rest} more`}` : shown;
}

/** Each group of names one legal form apart: «one» (rows) / «other» (rows), then how many more groups. */
function formGroups(f: WarningFields['CLIENT_FORMS_DIFFER'], lang: Lang): string {
  const shown = f.groups.map((g) => g.map((c) => `«${c.client}» (${rowCount(c.rows, lang)})`).join(' / ')).join('; ');
  const rest = f.count - f.groups.length;
  return rest > 0 ? `${shown}${lang === 'ru' ? `; и ещё ${rest}` : `; and ${rest} more`}` : shown;
}

/** The first names of a list, and how many more. */
function named(names: readonly string[], count: number, lang: Lang): string {
  const rest = count - names.length;
  return rest > 0 ? `${names.join(', ')}${lang === 'ru' ? `, и ещё ${rest}` : `, and ${rest} more`}` : names.join(', ');
}

function namedNets(f: WarningFields['NON_POSITIVE_CLIENTS'], lang: Lang): string {
  const named = f.clients.map((c) => `${c.client} (${String(c.revenue)})`).join(', ');
  const rest = f.count - f.clients.length;
  return rest > 0 ? `${named}${lang === 'ru' ? `, и ещё ${rest}` : `, and ${rest} more`}` : named;
}

/** The first skipped row: located and said in `lang`, or the English line JSON keeps. */
const firstLine = (first: LocatedCell | string, lang: Lang): string =>
  typeof first === 'string' ? first : cellLine(first, lang);

/** A warning's text in one language. */
export function warningText(w: Warning, lang: Lang): string {
  // `w.code` and `w.fields` go together (see `Warning`); TypeScript cannot correlate a union's parts.
  return say(WARNINGS, w.code, w.fields as never, lang).text;
}

/**
 * A warning as JSON carries it: the code, the English message (the same under every locale),
 * and the fields; a located cell among them (SKIPPED_ROWS' `first`) as its English line.
 */
export function warningJson(w: Warning): Warning & { message: string } {
  const fields = w.code === 'SKIPPED_ROWS' ? { ...w.fields, first: firstLine(w.fields.first, 'en') } : w.fields;
  return { code: w.code, message: warningText(w, 'en'), fields } as unknown as Warning & { message: string };
}
