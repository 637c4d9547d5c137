import type { FindingFields, RuleGap } from '../../codes/findings.js';
import type { Role } from '../../codes/inputs.js';
import { ROLE_NOUN } from './roles.js';
import { isoDate, limitPercent, money, percent, wholePercent } from '../format.js';
import type { Lang } from '../i18n.js';
import type { Catalog, Entry } from './entry.js';

const offerName = (offer: string | null, lang: Lang): string =>
  offer ?? (lang === 'ru' ? '(без номера)' : '(no number)');

const STEP_WORDS: Record<Lang, Record<string, string>> = {
  en: { consulted: 'consulted', met: 'met', won: 'won' },
  ru: { consulted: 'консультация', met: 'встреча', won: 'сделка' },
};
/** A funnel step: the channel funnel's in words, a pipeline stage as the CRM names it. */
const stepOf = (f: FindingFields['funnel'], step: string, lang: Lang): string =>
  f.mode === 'channels' ? (STEP_WORDS[lang][step] ?? step) : step;

/** Each rule's finding in every language; the English one is also the JSON's `details`. */
export const FINDINGS: Catalog<FindingFields> = {
  invalid: {
    en: { text: (f) => `${f.header === null ? '' : `${f.header}: `}${f.problem}` },
    ru: { text: (f) => `${f.header === null ? '' : `${f.header}: `}${f.problem}` },
  },
  golden: {
    en: { text: (f) => `share ${percent(f.share, 'en')} is above ${limitPercent(f.threshold, 'en')}` },
    ru: { text: (f) => `доля ${percent(f.share, 'ru')} выше ${limitPercent(f.threshold, 'ru')}` },
  },
  critical: {
    en: { text: (f) => `share ${percent(f.share, 'en')} is above ${limitPercent(f.threshold, 'en')}` },
    ru: { text: (f) => `доля ${percent(f.share, 'ru')} выше ${limitPercent(f.threshold, 'ru')}` },
  },
  mono: {
    en: { text: (f) => `key clients hold ${percent(f.keyShare, 'en')} of revenue` },
    ru: { text: (f) => `ключевые клиенты дают ${percent(f.keyShare, 'ru')} выручки` },
  },
  cadence: {
    en: {
      text: (f) => {
        const since = f.fromLogStart ? `the activity log began on ${f.from}` : f.from;
        return f.open
          ? `no positive contact since ${since}: ${f.days} days by ${f.to}`
          : `${f.days} days without a positive contact (${f.fromLogStart ? `from the log's start on ${f.from}` : f.from} → ${f.to})`;
      },
    },
    ru: {
      text: (f) => {
        const from = isoDate(f.from, 'ru');
        const to = isoDate(f.to, 'ru');
        return f.open
          ? `нет позитивного контакта с ${f.fromLogStart ? `начала журнала активностей ${from}` : from}: ${f.days} дн. к ${to}`
          : `дней без позитивного контакта: ${f.days} (${f.fromLogStart ? `с начала журнала ${from}` : from} → ${to})`;
      },
    },
  },
  cooloff: {
    en: { text: (f) => `personal contact on ${f.date}, ${f.days} days after a negative one on ${f.negativeDate}` },
    ru: {
      text: (f) =>
        `личный контакт ${isoDate(f.date, 'ru')}, через ${f.days} дн. после негативного ${isoDate(f.negativeDate, 'ru')}`,
    },
  },
  dossier: {
    en: {
      text: (f) =>
        f.reviewed ? `dossier last reviewed ${f.reviewed}, due by ${f.dueBy}` : 'no dossier review on record',
    },
    ru: {
      text: (f) =>
        f.reviewed
          ? `досье актуализировано ${isoDate(f.reviewed, 'ru')}, срок был ${isoDate(f.dueBy ?? '', 'ru')}`
          : 'досье ни разу не актуализировалось',
    },
  },
  followup: {
    en: {
      text: (f) =>
        `offer ${offerName(f.offer, 'en')} sent ${f.sent} needed a call by ${f.due}; ${f.contact === null ? 'no personal contact since' : `the first personal contact was on ${f.contact}`}`,
    },
    ru: {
      text: (f) =>
        `КП ${offerName(f.offer, 'ru')} отправлено ${isoDate(f.sent, 'ru')}, звонок нужен был до ${isoDate(f.due, 'ru')}; ${f.contact === null ? 'личного контакта с тех пор не было' : `первый личный контакт ${isoDate(f.contact, 'ru')}`}`,
    },
  },
  expired: {
    en: {
      text: (f) =>
        `offer ${offerName(f.offer, 'en')} expired on ${f.expires} without a decision${f.amount === null ? '' : `: ${money(f.amount, 'en')} left on the table`}`,
    },
    ru: {
      text: (f) =>
        `КП ${offerName(f.offer, 'ru')} истекло ${isoDate(f.expires, 'ru')} без решения${f.amount === null ? '' : `: упущено ${money(f.amount, 'ru')}`}`,
    },
  },
  funnel: {
    en: {
      text: (f) =>
        `${stepOf(f, f.from, 'en')} → ${stepOf(f, f.to, 'en')}: ${f.reached} of ${f.entered} (${percent(f.rate, 'en')}) against the team's ${percent(f.teamRate, 'en')}; even the upper end of its ${wholePercent(f.confidence, 'en')} Wilson interval, ${percent(f.upper, 'en')}, is below it`,
    },
    ru: {
      text: (f) =>
        `${stepOf(f, f.from, 'ru')} → ${stepOf(f, f.to, 'ru')}: ${f.reached} из ${f.entered} (${percent(f.rate, 'ru')}) против ${percent(f.teamRate, 'ru')} у команды; даже верхняя граница интервала Уилсона (${wholePercent(f.confidence, 'ru')}), ${percent(f.upper, 'ru')}, ниже`,
    },
  },
  'dormant-key': {
    en: {
      text: (f) =>
        `key client silent for ${f.daysSinceLast ?? '?'} days since ${f.lastOrder ?? '?'}: ${money(f.revenue, 'en')} of the window's revenue at risk`,
    },
    ru: {
      text: (f) =>
        `ключевой клиент молчит ${f.daysSinceLast ?? '?'} дн., с ${f.lastOrder === null ? '?' : isoDate(f.lastOrder, 'ru')}: под угрозой ${money(f.revenue, 'ru')} выручки окна`,
    },
  },
  'manager-share': {
    en: {
      text: (f) =>
        `carries ${percent(f.share, 'en')} of the window's revenue (${f.clients} client(s)), more than ${limitPercent(f.limit, 'en')}`,
    },
    ru: {
      text: (f) =>
        `ведёт ${percent(f.share, 'ru')} выручки окна (клиентов: ${f.clients}), больше ${limitPercent(f.limit, 'ru')}`,
    },
  },
  overload: {
    en: {
      text: (f) =>
        'keyClients' in f
          ? `${f.keyClients} key clients, more than ${f.limit}: ${f.clients.join(', ')}`
          : `${f.leads} open leads, more than ${f.limit ?? '?'}`,
    },
    ru: {
      text: (f) =>
        'keyClients' in f
          ? `ключевых клиентов: ${f.keyClients}, больше ${f.limit}: ${f.clients.join(', ')}`
          : `открытых заявок: ${f.leads}, больше ${f.limit ?? '?'}`,
    },
  },
};

/** Why a rule checked nothing; the English one is also the JSON's `reason`. */
export const RULE_GAP: Entry<RuleGap> = {
  en: {
    text: (g) => {
      const where = 'folder' in g ? (g.folder === null ? 'none given' : `none found in ${g.folder}`) : '';
      switch (g.lack) {
        case 'input':
          return `rule ${g.rule} needs ${g.roles.map((r) => ROLE_NOUN.en[r as Role]).join(' or ')}: ${where}; add one or name it with ${g.roles.map((r) => `--${r} FILE`).join(' or ')}`;
        case 'overload-input':
          return `rule overload needs ${ROLE_NOUN.en.deals} (key clients per manager) or --max-leads N (open leads per manager): ${where}`;
        case 'dossier-column':
          return `rule dossier needs a dossier-review date column: ${g.file} has none; map one with --clients-map dossier=HEADER`;
        case 'manager-column':
          return `rule ${g.rule} needs a manager column: ${g.files.join(' and ')} ${g.files.length === 1 ? 'has' : 'have'} none; map one with --${g.role}-map manager=HEADER`;
        case 'channel-column':
          return `rule ${g.rule} needs the channel of each contact (a call, a meeting): ${g.files.join(' and ')} ${g.files.length === 1 ? 'has' : 'have'} no channel column; map one with --activities-map channel=HEADER`;
        case 'funnel-channels':
          return `rule ${g.rule} needs calls and face-to-face contacts: ${g.files.join(' and ')} ${g.files.length === 1 ? 'has' : 'have'} no ${g.missing.map((m) => (m === 'phone' ? 'calls' : 'face-to-face contacts')).join(' and no ')}; name such channels with ${g.missing.map((m) => (m === 'phone' ? '--phone-channels' : '--meeting-channels')).join(' or ')} "VALUE"`;
        case 'log-coverage':
          return `rule ${g.rule} checked nothing: ${g.logFrom === null ? 'the activity log holds no activity up to as-of' : `the activity log begins on ${g.logFrom}, after the window (${g.window.from} to ${g.window.to})`}; give a log that covers the window, or check a later period`;
        case 'offers-before-log':
          return `rule followup checked nothing: the ${g.count} undecided offer(s) of the window were all sent before the activity log begins${g.logFrom === null ? '' : ` (${g.logFrom})`}; give a log that reaches back to them, or check a later period`;
      }
    },
  },
  ru: {
    text: (g) => {
      const where = 'folder' in g ? (g.folder === null ? 'не указан' : `не найден в ${g.folder}`) : '';
      switch (g.lack) {
        case 'input':
          return `правилу ${g.rule} нужен ${g.roles.map((r) => ROLE_NOUN.ru[r as Role]).join(' или ')}: ${where}; добавьте его или укажите: ${g.roles.map((r) => `--${r} ФАЙЛ`).join(' или ')}`;
        case 'overload-input':
          return `правилу overload нужен ${ROLE_NOUN.ru.deals} (ключевые клиенты на менеджера) или --max-leads N (открытые заявки на менеджера): ${where}`;
        case 'dossier-column':
          return `правилу dossier нужна колонка даты актуализации досье: в ${g.file} её нет; укажите её: --clients-map dossier=ЗАГОЛОВОК`;
        case 'manager-column':
          return `правилу ${g.rule} нужна колонка менеджера: в ${g.files.join(' и ')} её нет; укажите её: --${g.role}-map manager=ЗАГОЛОВОК`;
        case 'channel-column':
          return `правилу ${g.rule} нужен канал каждого контакта (звонок, встреча): в ${g.files.join(' и ')} нет колонки канала; укажите её: --activities-map channel=ЗАГОЛОВОК`;
        case 'funnel-channels':
          return `правилу ${g.rule} нужны звонки и личные встречи: в ${g.files.join(' и ')} нет ${g.missing.map((m) => (m === 'phone' ? 'звонков' : 'личных встреч')).join(' и нет ')}; укажите такие каналы: ${g.missing.map((m) => (m === 'phone' ? '--phone-channels' : '--meeting-channels')).join(' или ')} "ЗНАЧЕНИЕ"`;
        case 'log-coverage':
          return `правило ${g.rule} ничего не проверило: ${g.logFrom === null ? 'в журнале активностей нет записей до даты отчёта' : `журнал активностей начинается ${isoDate(g.logFrom, 'ru')}, после окна (${isoDate(g.window.from, 'ru')} — ${isoDate(g.window.to, 'ru')})`}; дайте журнал, который охватывает окно, или проверьте более поздний период`;
        case 'offers-before-log':
          return `правило followup ничего не проверило: все нерешённые КП окна (${g.count}) отправлены до начала журнала активностей${g.logFrom === null ? '' : ` (${isoDate(g.logFrom, 'ru')})`}; дайте журнал, который охватывает их, или проверьте более поздний период`;
      }
    },
  },
};

const CHECK_EN = {
  passed: 'passed',
  failed: 'FAILED',
  policy: (rules: string) => `Policy: fail on ${rules}`,
  nothing: 'nothing (report only)',
  rule: 'rule',
  findings: 'findings',
  result: 'result',
  fail: 'FAIL',
  skipped: (why: string) => `SKIPPED (${why})`,
  notChecked: (why: string) => `not checked (${why})`,
  gapShort: {
    input: 'no input',
    'overload-input': 'no input',
    'dossier-column': 'no column',
    'manager-column': 'no column',
    'channel-column': 'no column',
    'funnel-channels': 'no calls or meetings',
    'log-coverage': 'log misses the window',
    'offers-before-log': 'offers before the log',
  } satisfies Record<RuleGap['lack'], string>,
  reported: 'reported',
  ok: 'ok',
  skippedTitle: 'Skipped (--allow-missing)',
  businessDays: 'Business days of followup',
  findingsTitle: 'Findings',
  where: 'where',
  details: 'details',
  none: 'none',
  skippedNote: (n: number, rules: string) => `, ${n} rule${n === 1 ? '' : 's'} of the policy skipped (${rules})`,
  skippedAnnotation: (rule: string) => `folio ${rule} skipped`,
  passedLine: (n: number) => `folio check passed (${n} finding(s) reported, none in the policy)`,
  failedLine: (rules: string) => `folio check failed: ${rules}`,
};

/** The words of the check's summary, findings and annotations, in every language. */
export const CHECK_WORDS: Record<Lang, typeof CHECK_EN> = {
  en: CHECK_EN,
  ru: {
    passed: 'пройдена',
    failed: 'НЕ ПРОЙДЕНА',
    policy: (rules: string) => `Политика: ошибка при ${rules}`,
    nothing: 'ничем (только отчёт)',
    rule: 'правило',
    findings: 'находок',
    result: 'итог',
    fail: 'НАРУШЕНО',
    skipped: (why: string) => `ПРОПУЩЕНО (${why})`,
    notChecked: (why: string) => `не проверялось (${why})`,
    gapShort: {
      input: 'нет данных',
      'overload-input': 'нет данных',
      'dossier-column': 'нет колонки',
      'manager-column': 'нет колонки',
      'channel-column': 'нет колонки',
      'funnel-channels': 'нет звонков или встреч',
      'log-coverage': 'журнал не охватывает окно',
      'offers-before-log': 'КП до начала журнала',
    },
    reported: 'к сведению',
    ok: 'в норме',
    skippedTitle: 'Пропущено (--allow-missing)',
    businessDays: 'Рабочие дни для followup',
    findingsTitle: 'Находки',
    where: 'где',
    details: 'подробности',
    none: 'нет',
    skippedNote: (n: number, rules: string) => `, пропущено правил политики: ${n} (${rules})`,
    skippedAnnotation: (rule: string) => `folio ${rule}: пропущено`,
    passedLine: (n: number) => `folio check пройдена (находок к сведению: ${n}, в политике — ни одной)`,
    failedLine: (rules: string) => `folio check не пройдена: ${rules}`,
  },
};
