/**
 * The help screens in Russian: the parser's headings, every command's, option's and
 * argument's description (by its English text, so that the English stays where the command
 * is declared), and each command's examples. test/present/help.test.ts fails on a
 * description of any command that has no Russian here.
 */

/** The headings of a help screen. */
export const HELP_TITLES_RU: Record<string, string> = {
  'Usage:': 'Запуск:',
  'Options:': 'Флаги:',
  'Commands:': 'Команды:',
  'Arguments:': 'Аргументы:',
  'Global Options:': 'Общие флаги:',
};

/** The words the parser adds after a description (`(default: …)`, `(choices: …)`), and the footer naming the manual page. */
export const HELP_EXTRAS_RU = { default: 'по умолчанию', choices: 'варианты', manual: 'Руководство' };

/** Descriptions of the program, the commands, their options and arguments, by their English text. */
export const HELP_RU: Record<string, string> = {
  // The program and its own flags.
  'Sales-portfolio analysis of CRM exports: CSV, Excel workbooks, Bitrix24 HTML .xls, Parquet (amoCRM, Bitrix24, 1C, HubSpot, Salesforce, Pipedrive, Zoho, Excel).':
    'Анализ клиентского портфеля по выгрузкам из CRM: CSV, книги Excel, HTML-«.xls» Битрикс24, Parquet (amoCRM, Битрикс24, 1С, HubSpot, Salesforce, Pipedrive, Zoho, Excel).',
  'print the version': 'показать версию',
  'force colour': 'всегда цветной вывод',
  'no colour (also NO_COLOR=1, or when output is not a terminal)':
    'без цвета (также NO_COLOR=1 или когда вывод не в терминал)',
  'show the stack trace of an internal error': 'показать стек вызовов при внутренней ошибке',
  'print what happened to the rows of every input on stderr': 'вывести в stderr, что стало со строками каждого входа',
  'settings file (default: ./folio.config.json when it exists)':
    'файл настроек (по умолчанию ./folio.config.json, если он есть)',
  'display help for command': 'показать справку по команде',
  // Commands.
  'the monthly report: portfolio and its change, want/can matrix, lead queue, cadence; table, markdown, json, html, csv, ndjson or xlsx':
    'ежемесячный отчёт: портфель и его изменение, матрица «хочет / может», очередь заявок, график контактов; таблица, markdown, json, html, csv, ndjson или xlsx',
  'for CI: validate every input and fail (exit 1) when the data breaks a rule of the policy':
    'для CI: проверить все входы и завершиться с кодом 1, если данные нарушают правило политики',
  'revenue share per client: golden / critical / key classes and portfolio concentration':
    'доля выручки по клиентам: классы «золотой» / «критический» / «ключевой» и концентрация портфеля',
  'client-base dynamics over the last 12 full months: ABC/XYZ, rhythm and dormant clients, stage, revenue per manager':
    'динамика клиентской базы за 12 полных месяцев: ABC/XYZ, ритм и затихшие клиенты, стадия, выручка по менеджерам',
  "want/can matrix: each client's type and the seller's task for it":
    'матрица «хочет / может»: тип каждого клиента и задача продавца',
  'lead queue: fast/slow × big/small, in the order a manager works them':
    'очередь заявок: быстро/долго × много/мало, в порядке работы менеджера',
  'contact cadence with key clients: the daily agenda, gap and cool-off violations, dossiers to review':
    'график контактов с ключевыми клиентами: план на день, нарушения перерыва и паузы, досье к актуализации',
  'commercial offers: follow-up calls due and missed, offers about to expire, expired ones (money left on the table)':
    'коммерческие предложения: звонки после отправки (предстоящие и пропущенные), истекающие и истёкшие КП (упущенные деньги)',
  'show how folio reads a file: encoding, delimiter, columns, number and date formats, first rows, problems':
    'показать, как folio читает файл: кодировка, разделитель, колонки, форматы чисел и дат, первые строки, проблемы',
  'print the effective settings and where each came from (default, config, env, flag)':
    'показать действующие настройки и откуда каждая взята (по умолчанию, файл, окружение, флаг)',
  "print the JSON Schema of a command's JSON output, or of the config file":
    'показать JSON Schema вывода команды в JSON или файла настроек',
  // Arguments.
  'a folder of exports; each file is recognised by its name or its columns':
    'папка с выгрузками; каждый файл узнаётся по имени или по колонкам',
  'deals or sales export(s) (CSV), read as one table; or - for standard input':
    'выгрузка(и) сделок или продаж (CSV), читаются как одна таблица; или - для стандартного ввода',
  'deals or sales export(s), read as one table, with as much history as you have; or - for standard input':
    'выгрузка(и) сделок или продаж, читаются как одна таблица, с историей, сколько есть; или - для стандартного ввода',
  'clients export(s) with want and can columns (CSV), read as one list; or - for standard input':
    'выгрузка(и) клиентов с колонками «хочет» и «может» (CSV), читаются как один список; или - для стандартного ввода',
  'leads or open deals export(s) (CSV), read as one table; or - for standard input':
    'выгрузка(и) заявок или открытых сделок (CSV), читаются как одна таблица; или - для стандартного ввода',
  'activity log export(s) (CSV), read as one log; or - for standard input':
    'журнал(ы) активностей (CSV), читаются как один журнал; или - для стандартного ввода',
  'offers or quotes export(s) (CSV), or - for standard input':
    'выгрузка(и) коммерческих предложений (CSV); или - для стандартного ввода',
  'an export (CSV, .xlsx/.xlsm, HTML .xls, Parquet), or - for standard input':
    'выгрузка (CSV, .xlsx/.xlsm, HTML .xls, Parquet); или - для стандартного ввода',
  'share | dynamics | matrix | leads | cadence | offers | funnel | report | check | config':
    'share | dynamics | matrix | leads | cadence | offers | funnel | report | check | config',
  // Inputs of report and check.
  'deals export; repeatable: several files are read as one table':
    'выгрузка сделок; можно несколько раз: файлы читаются как одна таблица',
  'activity log export; repeatable': 'журнал активностей; можно несколько раз',
  'leads export; repeatable': 'выгрузка заявок; можно несколько раз',
  'clients export (want/can, key, dossier); repeatable':
    'выгрузка клиентов («хочет / может», ключевой, досье); можно несколько раз',
  'commercial offers or quotes export; repeatable': 'выгрузка коммерческих предложений; можно несколько раз',
  '--map for the deals files; repeatable': '--map для файлов сделок; можно несколько раз',
  '--map for the activity logs; repeatable': '--map для журналов активностей; можно несколько раз',
  '--map for the leads files; repeatable': '--map для файлов заявок; можно несколько раз',
  '--map for the clients files; repeatable': '--map для файлов клиентов; можно несколько раз',
  '--map for the offers files; repeatable': '--map для файлов КП; можно несколько раз',
  // Days and periods.
  'the day to report as of (default: the day after a past period, else today)':
    'дата, на которую строится отчёт (по умолчанию день после прошедшего периода, иначе сегодня)',
  'the period (default: the last full calendar month before as-of)':
    'период (по умолчанию последний полный календарный месяц до даты отчёта)',
  'first day of the period': 'первый день периода',
  'last day of the period': 'последний день периода',
  'a month 2026-10, quarter 2026-Q3, half 2026-H1 or year 2026':
    'месяц 2026-10, квартал 2026-Q3, полугодие 2026-H1 или год 2026',
  'first day counted (inclusive)': 'первый учитываемый день (включительно)',
  'last day counted (inclusive)': 'последний учитываемый день (включительно)',
  'the last day of --last (default: today)': 'последний день для --last (по умолчанию сегодня)',
  'the N days up to and including --as-of (not with --period, --from, --to)':
    'N дней по --as-of включительно (не вместе с --period, --from, --to)',
  'the day to count from (default: today)': 'дата, от которой считать (по умолчанию сегодня)',
  'the day to check (default: the day after a past --period or --to, else today)':
    'дата проверки (по умолчанию день после прошедшего --period или --to, иначе сегодня)',
  'list violations dated in this month, quarter or year (default: the 30 days up to as-of)':
    'нарушения, датированные этим месяцем, кварталом или годом (по умолчанию 30 дней по дату проверки)',
  'list violations due and offers expired in this month, quarter or year (default: every one up to as-of)':
    'нарушения со сроком и КП, истёкшие в этом месяце, квартале или году (по умолчанию все по дату проверки)',
  'first day of the window': 'первый день окна',
  'last day of the window': 'последний день окна',
  // Deals, currency and statuses.
  'count only deals in this currency': 'учитывать только сделки в этой валюте',
  'count only amounts in this currency (needed when a file mixes currencies)':
    'учитывать только суммы в этой валюте (нужно, если в файле несколько валют)',
  'more statuses that count as won (comma-separated; word beginnings)':
    'ещё статусы, которые считаются выигранными (через запятую; начала слов)',
  'more statuses that count as lost (comma-separated)': 'ещё статусы, которые считаются проигранными (через запятую)',
  'more statuses that are open: not revenue, and not warned about (comma-separated)':
    'ещё открытые статусы: не выручка и без предупреждений (через запятую)',
  // Key clients.
  'a key client for the cadence, by name; repeatable (then only the named ones are key)':
    'ключевой клиент для графика контактов, по названию; можно несколько раз (тогда ключевые — только названные)',
  'apply the cadence rules to every client in the activity log':
    'применить правила графика контактов ко всем клиентам журнала активностей',
  'revenue classes that make a client key for the cadence: 12m (the 12 months up to as-of, the default) or period':
    'по чьим классам выручки клиент ключевой для графика: 12m (12 месяцев по дату отчёта, по умолчанию) или period',
  'key clients from revenue shares of this deals export; repeatable: several files are one table':
    'ключевые клиенты по долям выручки из этой выгрузки сделок; можно несколько раз: файлы — одна таблица',
  'revenue classes over: 12m (the 12 months up to as-of, the default), period (the window), or a period such as 2026-Q3':
    'классы выручки за: 12m (12 месяцев по дату проверки, по умолчанию), period (окно) или период вроде 2026-Q3',
  'a key client by name; repeatable': 'ключевой клиент по названию; можно несколько раз',
  'clients export: a key column (yes/no), managers, dossier review dates; repeatable':
    'выгрузка клиентов: колонка «ключевой» (да/нет), менеджеры, даты актуализации досье; можно несколько раз',
  'apply the rules to every client in the log': 'применить правила ко всем клиентам журнала',
  // Matrix.
  'a want score at or above this is yes': 'оценка «хочет» не ниже этой — да',
  'a can score at or above this is yes': 'оценка «может» не ниже этой — да',
  "deals export: adds each client's revenue class and flags key clients at risk; repeatable: several files are one table":
    'выгрузка сделок: добавляет класс выручки клиента и отмечает ключевых клиентов под угрозой; можно несколько раз: файлы — одна таблица',
  // Names.
  'replace client and person names with stable pseudonyms in every output, warnings and errors included (keyed by FOLIO_REDACT_KEY)':
    'заменить названия клиентов и имена людей устойчивыми псевдонимами во всём выводе, включая предупреждения и ошибки (ключ — FOLIO_REDACT_KEY)',
  'the secret that keys the pseudonyms of --redact (instead of FOLIO_REDACT_KEY): without a key, a guessed name can be confirmed':
    'секрет, которым --redact подписывает псевдонимы (вместо FOLIO_REDACT_KEY): без ключа угаданное название можно подтвердить',
  'keep apart client names not spelt the same: no merging of case, quotes, punctuation or the place of a legal form (ООО, Inc)':
    'не объединять названия клиентов, написанные по-разному: без учёта регистра, кавычек, знаков препинания и места правовой формы (ООО, Inc) не сливать',
  'merge the spellings of one client (the default), whatever the config file or FOLIO_EXACT_NAMES say':
    'объединять написания одного клиента (по умолчанию), что бы ни говорили файл настроек или FOLIO_EXACT_NAMES',
  // Reading.
  'how a quote inside a quoted field is escaped: double ("", CSV) or backslash (\\", database dumps; \\N is empty); detected by default':
    'как экранирована кавычка внутри поля в кавычках: double ("", CSV) или backslash (\\", дампы баз данных; \\N — пустая ячейка); по умолчанию определяется само',
  'more statuses of refunds, returns and credit notes: netted in as negative revenue (comma-separated)':
    'ещё статусы возвратов, сторно и корректировок: учитываются как отрицательная выручка (через запятую)',
  'rank only leads in this currency (needed when the leads mix currencies)':
    'ранжировать только заявки в этой валюте (нужно, когда заявки в разных валютах)',
  'only offers in this currency (needed when the offers mix currencies)':
    'только КП в этой валюте (нужно, когда КП в разных валютах)',
  "public holidays left out of the follow-up's business days: ru (Russia), bg (Bulgaria) and/or files of dates (comma-separated; repeatable)":
    'праздники, которые не считаются рабочими днями для звонка после КП: ru (Россия), bg (Болгария) и/или файлы дат (через запятую; можно несколько раз)',
  // Funnel.
  'the sales funnel per manager: consulted by phone → met face to face → won (or pipeline stages), and the step where each manager loses clients':
    'воронка продаж по менеджерам: консультация по телефону → личная встреча → сделка (или этапы воронки CRM) и шаг, на котором каждый менеджер теряет клиентов',
  'activity log export(s) read as one log; with --stages, deals export(s); or - for standard input':
    'выгрузка(и) журнала активностей, читаются как один журнал; с --stages — выгрузка(и) сделок; или - для стандартного ввода',
  'more channels that are a phone consultation (added to call, phone, звонок...)':
    'ещё каналы, которые считаются консультацией по телефону (к call, phone, звонок...)',
  'more channels that are a face-to-face meeting (added to meeting, visit, viewing, показ...)':
    'ещё каналы, которые считаются личной встречей (к meeting, visit, viewing, показ...)',
  'more channels that are neither a call nor a meeting (added to e-mail, chat, video...)':
    'ещё каналы, которые не звонок и не встреча (к e-mail, chat, video...)',
  "a manager's step is weak when the upper end of this Wilson interval of its rate is below the team's rate":
    'шаг менеджера слабый, когда верхняя граница этого интервала Уилсона для его доли ниже доли команды',
  'deals export: the won deals of the last step; repeatable':
    'выгрузка сделок: выигранные сделки последнего шага; можно несколько раз',
  'a funnel by pipeline stage instead: the stages in order, comma-separated (the inputs are deals exports)':
    'воронка по этапам сделок вместо каналов: этапы по порядку, через запятую (входы — выгрузки сделок)',
  'stage log of the deals (deal ID, stage, date), with --stages; repeatable':
    'журнал этапов сделок (ID сделки, этап, дата), вместе с --stages; можно несколько раз',
  '--map for the stage logs (id, stage, date); repeatable':
    '--map для журналов этапов (id, stage, date); можно несколько раз',
  'the window of the first calls (with --stages: of the deals created) (default: the last full month before as-of; with --stages every deal)':
    'окно первых звонков (с --stages — созданных сделок) (по умолчанию последний полный месяц до даты отчёта; с --stages — все сделки)',
  'the last day a meeting or a deal counts (default: today)':
    'последний день, когда учитываются встреча или сделка (по умолчанию сегодня)',
  // Leads.
  'fast = expected close at most this many days after as-of':
    'быстрая — ожидаемая дата не позже стольких дней после даты отчёта',
  'big = amount at or above this (default: the median of the leads ranked)':
    'крупная — сумма не меньше этой (по умолчанию медиана ранжируемых заявок)',
  'warn when a manager has more open leads': 'предупредить, если у менеджера больше открытых заявок',
  'list every lead in the report (default: the first 10 of each group, the unclassified counted)':
    'показать в отчёте все заявки (по умолчанию первые 10 в каждой группе, заявки без группы — одной строкой)',
  // Cadence.
  'most days between positive contacts': 'наибольший перерыв между позитивными контактами, дней',
  'days without personal contact after a negative one': 'дней без личного контакта после негативного',
  'a dossier older than this is due for review': 'досье старше этого пора актуализировать',
  'more outcome values that count as positive (comma-separated; word beginnings)':
    'ещё итоги контакта, которые считаются позитивными (через запятую; начала слов)',
  'more outcome values that count as negative': 'ещё итоги контакта, которые считаются негативными',
  'more outcome values that are neutral, and not warned about': 'ещё нейтральные итоги контакта, без предупреждений',
  'more channels that are personal contact (added to meeting, call, visit, video...)':
    'ещё каналы личного контакта (к встрече, звонку, визиту, видео...)',
  'more channels that are not personal contact (added to e-mail, letter, chat...)':
    'ещё каналы, которые не личный контакт (к e-mail, письму, чату...)',
  // Offers.
  'business days after sending by which an undecided offer needs a call, meeting or visit':
    'рабочих дней после отправки, за которые по КП без решения нужен звонок, встреча или визит',
  'undecided offers expiring within this many days after as-of are on the agenda':
    'КП без решения, истекающие в эти дни после даты проверки, попадают в план',
  'activity log(s): the calls, meetings and visits that follow an offer up':
    'журнал(ы) активностей: звонки, встречи и визиты после отправки КП',
  // Shares.
  'a client above this share is key': 'клиент с долей выше этой — ключевой',
  'above this share: critical': 'выше этой доли — критический',
  'above this share: golden': 'выше этой доли — золотой',
  'warn when a manager carries more key clients': 'предупредить, если у менеджера больше ключевых клиентов',
  "key clients' share bands: normal from, elevated above, mono above":
    'уровни доли ключевых клиентов: нормальная от, повышенная выше, монозависимость выше',
  // Dynamics.
  'full calendar months in the window, ending with the month before --as-of':
    'полных календарных месяцев в окне, последний — месяц перед --as-of',
  'ABC bounds of the cumulative share: A up to the first, B up to the second':
    'границы ABC по накопленной доле: A до первой, B до второй',
  'XYZ bounds of the monthly variation: X up to the first, Y up to the second':
    'границы XYZ по вариации по месяцам: X до первой, Y до второй',
  'dormant: more days without an order than this many median intervals':
    'затих: дней без заказа больше, чем столько медианных интервалов',
  '... and more than this many days': '... и больше стольких дней',
  "warn when one manager carries more of the window's revenue":
    'предупредить, если у одного менеджера большая доля выручки окна',
  // Output.
  "output format: table, json, ndjson, csv, markdown, html, xlsx, github (default: from the --output file's extension, else table)":
    'формат вывода: table, json, ndjson, csv, markdown, html, xlsx, github (по умолчанию по расширению файла --output, иначе table)',
  'same as --format json': 'то же, что --format json',
  'write the output to a file (atomically) instead of stdout; .html, .md, .json, .ndjson, .csv, .xlsx choose the format':
    'записать вывод в файл (атомарно), а не в stdout; .html, .md, .json, .ndjson, .csv, .xlsx задают формат',
  'language of tables, documents and workbooks (default from LANG)':
    'язык таблиц, документов и книг Excel (по умолчанию из LANG)',
  // Reading.
  'use this column for a field (header name or 1-based position); repeatable':
    'взять для поля эту колонку (заголовок или номер с 1); можно несколько раз',
  'the file has no header row (map columns by position)': 'в файле нет строки заголовков (колонки — по номерам)',
  'the line the header row is on (found among the first 30 rows by default)':
    'строка, в которой заголовки (по умолчанию ищется среди первых 30 строк)',
  'file encoding (utf-8, windows-1251, utf-16le, ...; detected by default)':
    'кодировка файла (utf-8, windows-1251, utf-16le, ...; по умолчанию определяется)',
  'field delimiter: , ; tab | (detected by default)': 'разделитель полей: , ; tab | (по умолчанию определяется)',
  'decimal mark of amounts: , or . (detected per column by default)':
    'десятичный знак сумм: , или . (по умолчанию определяется по колонке)',
  'day order of d/m/y dates: dd/mm/yyyy or mm/dd/yyyy (detected per column by default)':
    'порядок дня и месяца в датах: dd/mm/yyyy или mm/dd/yyyy (по умолчанию определяется по колонке)',
  'skip rows with bad values (counted in warnings) instead of stopping':
    'пропускать строки с плохими значениями (с подсчётом в предупреждениях), а не останавливаться',
  'do not fold deal lines repeated whole (saves memory per row on huge exports)':
    'не сворачивать полностью повторённые строки сделок (экономит память на огромных выгрузках)',
  'threads that read a CSV deals file from its bytes (default for a file of 16 MiB or more: one per core, at most one per 4 MiB; a smaller file is read as text unless N > 1)':
    'потоки, читающие CSV сделок по байтам (по умолчанию для файла от 16 МиБ: по одному на ядро, не больше одного на 4 МиБ; файл меньше читается как текст, если N не больше 1)',
  'longest record accepted': 'самая длинная допустимая запись',
  'the worksheet of an .xlsx/.xlsm workbook, by name or 1-based number (default: the first visible)':
    'лист книги .xlsx/.xlsm, по имени или номеру с 1 (по умолчанию первый видимый)',
  'what a workbook may unpack to (bytes, or 512MiB, 2GiB)':
    'сколько книга может занять в распакованном виде (байты или 512MiB, 2GiB)',
  'cells (and shared strings) a workbook may hold': 'сколько ячеек (и общих строк) может быть в книге',
  // Check.
  'rules that fail the check: invalid, golden, critical, mono, cadence, cooloff, dossier, overload, followup, expired, funnel, dormant-key, manager-share; or none (default: invalid,cadence,cooloff)':
    'правила, нарушение которых проваливает проверку: invalid, golden, critical, mono, cadence, cooloff, dossier, overload, followup, expired, funnel, dormant-key, manager-share; или none (по умолчанию invalid,cadence,cooloff)',
  'a rule of the policy whose input is absent is reported as skipped instead of stopping with exit 2':
    'правило политики без входных данных отмечается пропущенным, а не останавливает запуск с кодом 2',
  // Inspect.
  'read the file as this kind of export (default: told by its columns)':
    'читать файл как выгрузку этого вида (по умолчанию — по колонкам)',
};

/** The text after each help screen (examples, exit codes), by command; `folio` is the program's own. */
export const HELP_AFTER_RU: Record<string, string> = {
  folio: `
Примеры:
  folio report ./export                       ежемесячный отчёт по папке выгрузок
  folio check ./export --format github        проверка для CI: код 1, если данные нарушают правило
  folio share deals.csv --period 2026-Q3      классы выручки и концентрация
  folio dynamics deals.csv                    ABC/XYZ, затихшие клиенты, стадии за 12 месяцев
  folio inspect export.csv                    как folio читает файл (кодировка, колонки, форматы)
  folio share deals.csv --json | jq '.result.portfolio.keyShare'

Коды выхода: 0 готово, 1 заданная проверка не пройдена, 2 ошибка запуска или входных данных, 70 внутренняя ошибка (ошибка в folio), 130 прервано.`,
  report: `
Примеры:
  folio report ./export                                   последний полный месяц, все входы из папки
  folio report ./export --period 2026-10 -o report.xlsx   книга Excel: лист на каждый раздел
  folio report ./export --period 2017-12                  прошлый период: на 01.01.2018, день после него
  folio report ./export --period 2026-10 --format html -o report.html
  folio report ./export --period 2026-10 --key-period period  ключевые клиенты по классам октября
  folio report ./export --last 30 --as-of 2026-11-05          30 дней по 5 ноября
  folio report --deals deals.csv --activities calls.csv --format markdown
  folio report --deals deals-jan-feb.csv --deals deals-feb-mar.csv --period 2026-Q1   две пересекающиеся выгрузки как одна`,
  check: `
Коды выхода: 0 ничего из политики не нарушено, 1 нарушено (см. сводку), 2 входы не прочитать, ни один
не узнан или у правила политики нет входа (если не задан --allow-missing).

Примеры:
  folio check ./export
  folio check ./export --fail-on invalid,golden,mono --format github
  folio check --deals deals.csv --activities calls.csv --fail-on none --json --redact`,
  share: `
Примеры:
  folio share deals.csv                       все выигранные сделки файла
  folio share deals.csv --period 2026-Q3      один квартал
  folio share export.csv --map amount=Бюджет --json | jq '.result.portfolio'
  folio share deals-2026-*.csv                несколько выгрузок как одна (повторённые в них строки — один раз)
  folio share deals.csv -o share.xlsx         книга Excel
  cat deals.csv | folio share - --format csv > share.csv`,
  dynamics: `
Примеры:
  folio dynamics deals.csv                          12 полных месяцев до сегодня
  folio dynamics deals-2025.csv deals-2026.csv --as-of 2026-12-01
  folio dynamics deals.csv --abc 70,90 --xyz 15,30 --dormant-days 45
  folio dynamics deals.csv --json | jq '.result.clients[] | select(.dormant)'`,
  matrix: `
Примеры:
  folio matrix clients.csv
  folio matrix clients.csv --deals deals.csv --period 2026 --format markdown
  folio matrix clients-*.csv --deals deals-h1.csv --deals deals-h2.csv --period 2026
  folio matrix scores.csv --want-min 7 --can-min 5 --json | jq '.result.counts'`,
  leads: `
Примеры:
  folio leads leads.csv
  folio leads pipeline.csv --as-of 2026-11-01 --fast-days 14 --big 500000
  folio leads leads.csv --max-leads 5 --format csv > queue.csv
  folio leads leads-north.csv leads-south.csv   несколько выгрузок как одна очередь`,
  cadence: `
Примеры:
  folio cadence activities.csv --deals deals.csv             ключевые клиенты по долям выручки
  folio cadence activities.csv --key-client "ООО Ромашка" --as-of 2026-11-23
  folio cadence activities.csv --clients clients.csv --period 2026-10 --json
  folio cadence calls-*.csv --deals deals-q3.csv --deals deals-q4.csv   несколько журналов и выгрузок как одни`,
  offers: `
Примеры:
  folio offers quotes.csv --activities activities.csv           звонки на сегодня, пропущенные звонки, истекающие КП
  folio offers кп.csv --activities звонки.csv --as-of 23.11.2026 --lang ru
  folio offers quotes.csv --expiring-days 14 --json | jq '.result.expired'

Статусы: принятые (accepted, signed, won, принято, согласовано, подписано, оплачено) и отклонённые
(declined, rejected, lost, отклонено, отказ) звонка не требуют; другие написания добавляют --won и --lost.`,
  inspect: `
Примеры:
  folio inspect export.csv
  folio inspect export.csv --encoding windows-1251 --delimiter ';'
  folio inspect report.csv --header-row 4        заголовки в строке 4, под названием отчёта
  folio inspect calls.csv --as activities
  folio inspect deals.xlsx --sheet 2             второй лист; листы перечислены
  folio inspect export.csv --json | jq '.result.columns'`,
  config: `
Порядок: значения по умолчанию < folio.config.json (или --config ФАЙЛ) < переменные окружения FOLIO_* < флаги.
Списки статусов, итогов и каналов складываются: встроенные значения, затем каждого слоя.

Примеры:
  folio config
  FOLIO_MAX_GAP=7 folio config --json | jq '.result.settings'`,
  schema: `
Примеры:
  folio schema share > share.schema.json
  folio schema config`,
  funnel: `
Примеры:
  folio funnel activities.csv --deals deals.csv                  звонки прошлого месяца: встречи, сделки, по менеджерам
  folio funnel звонки.csv --deals сделки.csv --period 2026-10 --as-of 2026-11-23 --lang ru
  folio funnel deals.csv --stages "Первичный контакт,Переговоры,КП,Договор,Успешно реализовано"
  folio funnel deals.csv --stages "New,Demo,Proposal,Won" --history stage-log.csv --json

Слабый шаг менеджера отмечается, только когда верхняя граница 90% интервала Уилсона для его
доли ниже доли команды: 2 из 20 при 30% у команды — да, 1 из 4 — нет.`,
};
