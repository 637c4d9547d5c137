import { type Warning, type WarningFields } from '../../codes/warnings.js';
import type { Lang } from '../i18n.js';
import { isoDate, percent } from '../format.js';
import { RULE_GAP } from './check.js';
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

const UNKNOWN_COLUMN = {
  status: { en: 'status', ru: 'статус' },
  'offer status': { en: 'offer status', ru: 'статус КП' },
  outcome: { en: 'outcome', ru: 'результат' },
  channel: { en: 'channel', ru: 'канал' },
} as const;

const UNKNOWN_READ_AS = {
  status: {
    en: 'open (not revenue)',
    ru: 'открытые (не выручка)',
    flags: '--won, --lost or --open',
    ruFlags: '--won, --lost или --open',
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
  SKIPPED_ROWS: {
    en: { text: (f) => `${f.file}: skipped ${f.count} invalid row${f.count === 1 ? '' : 's'} (first: ${f.first})` },
    ru: { text: (f) => `${f.file}: пропущено строк с ошибками: ${f.count} (первая: ${f.first})` },
  },
  UNKNOWN_STATUS: {
    en: { text: (f) => unknownValues(f.column).en.text(f) },
    ru: { text: (f) => unknownValues(f.column).ru.text(f) },
  },
  UNKNOWN_OUTCOME: unknownValues('outcome'),
  UNKNOWN_CHANNEL: unknownValues('channel'),
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
  UNDATED_ROWS: {
    en: { text: (f) => `${f.file}: ${f.count} won row(s) have no date and fall outside any period` },
    ru: { text: (f) => `${f.file}: выигранные строки без даты не попадают ни в один период: ${f.count}` },
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
        `${f.count} undecided offer(s) sent before the activity log begins were not checked for follow-up: ${f.logFrom === null ? 'the log holds no activity up to as-of' : `the log begins on ${f.logFrom}`}`,
    },
    ru: {
      text: (f) =>
        `нерешённые КП, отправленные до начала журнала активностей, не проверены на звонок: ${f.count}; ${f.logFrom === null ? 'в журнале нет активностей до даты отчёта' : `журнал начинается ${isoDate(f.logFrom, 'ru')}`}`,
    },
  },
  OFFERS_WITHOUT_EXPIRY: {
    en: {
      text: (f) => `${f.count} undecided offer(s) have no expiry date, so they can never show as expiring or expired`,
    },
    ru: { text: (f) => `нерешённые КП без срока действия никогда не окажутся истекающими или истёкшими: ${f.count}` },
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
        `${f.manager} carries ${percent(f.share, 'en')} of the window's revenue (${f.clients} client(s)), more than ${f.limit}%: if the manager leaves, the clients may follow`,
    },
    ru: {
      text: (f) =>
        `менеджер ${f.manager} ведёт ${percent(f.share, 'ru')} выручки окна (клиентов: ${f.clients}) — больше ${f.limit} %: с уходом менеджера могут уйти и клиенты`,
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
    en: { text: (f) => `${f.count} lead(s) have no amount or no expected close date and are listed last` },
    ru: { text: (f) => `заявки без суммы или без ожидаемой даты идут в конце списка: ${f.count}` },
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

/** A warning's text in one language. */
export function warningText(w: Warning, lang: Lang): string {
  // `w.code` and `w.fields` go together (see `Warning`); TypeScript cannot correlate a union's parts.
  return say(WARNINGS, w.code, w.fields as never, lang).text;
}

/** A warning as JSON carries it: the code, the English message (the same under every locale), and the fields. */
export function warningJson(w: Warning): Warning & { message: string } {
  return { code: w.code, message: warningText(w, 'en'), fields: w.fields } as Warning & { message: string };
}
