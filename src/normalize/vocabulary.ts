import { NO_WORDS, YES_WORDS } from './flags.js';
import { PhraseClassifier } from './phrase-classifier.js';

/** `refund`: a return, a credit note or a reversal of a sale, netted into the client's revenue. */
export type StatusKind = 'won' | 'lost' | 'open' | 'refund';
export type Outcome = 'positive' | 'neutral' | 'negative';
export type ChannelKind = 'personal' | 'other';
/** What the funnel makes of a contact: a phone consultation, a face-to-face meeting, or neither. */
export type ContactKind = 'phone' | 'meeting' | 'other';

/**
 * The vocabulary's lists, by the name of the flag that extends each. Every phrase is a
 * sequence of word beginnings (stems): `cancel` matches `Cancelled`, `успешн` matches
 * «Успешно» and «Сделка успешна». See PhraseClassifier for how a value is matched.
 */
export const VOCABULARY_LISTS = [
  'won',
  'lost',
  'open',
  'refund',
  'positive',
  'negative',
  'neutral',
  'personalChannels',
  'otherChannels',
  'phoneChannels',
  'meetingChannels',
] as const;
export type VocabularyList = (typeof VOCABULARY_LISTS)[number];

/** The user's phrases, added to the built-in ones. */
export type Vocabulary = Readonly<Record<VocabularyList, readonly string[]>>;

export const NO_USER_VOCABULARY: Vocabulary = {
  won: [],
  lost: [],
  open: [],
  refund: [],
  positive: [],
  negative: [],
  neutral: [],
  personalChannels: [],
  otherChannels: [],
  phoneChannels: [],
  meetingChannels: [],
};

/**
 * Words that say a state is still ahead: «К выполнению», «Ожидает оплаты», `To be invoiced`,
 * `Ready to ship`, `Pending`. A value with one of them is open, and never won or a refund
 * however done the rest of it reads («Ожидает выполнения», `Refund pending`), unless the
 * marker is inside a phrase the user gave (`--won "К выполнению"`).
 */
export const NOT_YET = [
  'к',
  'ожида',
  'ждет',
  'ждем',
  'ждут',
  'жду',
  'в процессе',
  'готов к',
  'готовится',
  'на согласован',
  'запланирован',
  'to be',
  'ready to',
  'ready for',
  'pending',
  'await',
  'waiting',
  'in progress',
  'in process',
  'schedul',
  'planned',
  'yet',
] as const;

/** Order states that are won only as the whole value: Odoo's confirmed (`Sales Order`) and locked orders, not `Sales order cancelled`. */
export const WON_STATES = ['sales order', 'sale order', 'locked'] as const;

/** Partly paid, shipped or done: counted as won, and warned of with their rows. */
export const PARTIAL = [
  'partially paid',
  'partly paid',
  'part paid',
  'partial payment',
  'partially shipped',
  'partially delivered',
  'partially invoiced',
  'partially fulfilled',
  'partially complete',
  'частично оплачен',
  'оплачен частично',
  'частичная оплата',
  'частично отгружен',
  'отгружен частично',
  'частичная отгрузка',
  'частично выполнен',
  'частично реализован',
  'частично доставлен',
] as const;

/**
 * A payment stage, or (as the whole value) a contact's lifecycle stage, that says the client
 * bought: won, and warned of with their rows, since such a column tells of a client or a
 * payment rather than a deal.
 */
export const WON_STAGES = {
  phrases: ['payment done', 'payment received', 'payment complete', 'оплата получена', 'оплата поступила'],
  whole: ['customer', 'churned customer'],
} as const;

/** A bare «Закрыт» or `Closed`: a done order in 1C, a lost deal elsewhere; unknown until `--won` or `--lost` says. */
export const CLOSED = ['closed', 'закрыт'] as const;

/** The built-in lists: statuses of amoCRM, Bitrix24, 1C, HubSpot, Salesforce, Pipedrive, Zoho; outcomes and channels of their activity logs. */
export const BUILT_IN: Vocabulary = {
  won: [
    'won',
    'closed won',
    'closedwon',
    'deal won',
    'paid',
    'success',
    'shipped',
    'delivered',
    'invoiced',
    'fulfilled',
    'complete',
    'done',
    'успешн',
    'успех',
    'оплачен',
    'реализован',
    'выигран',
    'выполнен',
    'отгружен',
    'доставлен',
    'проведен',
  ],
  lost: [
    'lost',
    'closed lost',
    'closedlost',
    'deal lost',
    'not won',
    'cancel',
    'reject',
    'declin',
    'fail',
    'refus',
    'abandon',
    'unsuccessful',
    // Against a won word of equal length these tie, so `Won by competitor` is unknown and warned, never revenue.
    'wont',
    'competitor',
    'конкурент',
    'проигран',
    'провал',
    'отказ',
    'отмен',
    'аннулир',
    'не реализован',
    'не выполнен',
    'неуспешн',
    'не успешн',
    'нереализован',
  ],
  open: [
    'new',
    'open',
    'negotiat',
    'proposal',
    'value proposition',
    'quote',
    'qualif',
    'prospect',
    'engag',
    'on hold',
    'not paid',
    'unpaid',
    'needs analysis',
    'initial offer',
    'decision',
    'perception analysis',
    'appointment',
    'presentation',
    'contract sent',
    'quotation',
    'draft',
    'not yet',
    ...NOT_YET,
    'нов',
    'в работе',
    'взят в работу',
    'неразобранн',
    'переговор',
    'первичный контакт',
    'согласован',
    'принимают решение',
    'принятие решения',
    'кп отправлен',
    'коммерческое предложение',
    'квалификац',
    'презентац',
    'счет выставлен',
    'выставлен счет',
    'не оплачен',
    'отложен',
    'черновик',
    'резерв',
    'зарезервирован',
    'reserved',
    // The nouns of won words: a stage on the way («Выполнение», «К оплате», «Отгрузка»), not its end.
    'выполнени',
    'оплат',
    'отгруз',
  ],
  // A sale undone: netted into the client's revenue as a negative amount. Against a won word
  // of equal length these tie, so `Paid - refunded` is unknown and warned, never revenue.
  refund: [
    'refund',
    'return',
    'chargeback',
    'charge back',
    'credit note',
    'credit memo',
    'возврат',
    'сторн',
    'корректировка реализации',
    'кредит нота',
  ],
  positive: [
    'positive',
    'good',
    'success',
    'interest',
    'agree',
    '+',
    'позитив',
    'положительн',
    'успешн',
    'успех',
    'интерес',
    'заинтересован',
    'договорил',
    'согласил',
    'хорошо',
  ],
  negative: [
    'negative',
    'bad',
    'complaint',
    'conflict',
    'refus',
    'reject',
    'not interest',
    'no interest',
    'uninterest',
    'lost interest',
    'no longer interest',
    'not good',
    'unsuccessful',
    '-',
    'потерял интерес',
    'потеряли интерес',
    'интерес пропал',
    'пропал интерес',
    'отказ',
    'негатив',
    'отрицательн',
    'жалоб',
    'претензи',
    'конфликт',
    'плохо',
    'не интерес',
    'неинтерес',
    'не заинтересован',
    'недовол',
    'не довол',
    'не успешн',
    'неуспешн',
  ],
  neutral: [
    'neutral',
    'no answer',
    'no result',
    'busy',
    'voicemail',
    'voice mail',
    'left message',
    'call back',
    'callback',
    'normal',
    '0',
    'нейтральн',
    'нет ответа',
    'не дозвон',
    'недозвон',
    'не отвеча',
    'без результат',
    'занято',
    'перезвон',
    'нормальн',
  ],
  personalChannels: [
    'meeting',
    'call',
    'phone',
    'visit',
    'video',
    'zoom',
    'звон',
    'созвон',
    'встреч',
    'визит',
    'видео',
    'выезд',
    'телефон',
  ],
  otherChannels: [
    'email',
    'e mail',
    'mail',
    'letter',
    'sms',
    'chat',
    'messenger',
    'whatsapp',
    'telegram',
    'note',
    'task',
    'comment',
    'письм',
    'почт',
    'рассылк',
    'сообщени',
    'смс',
    'чат',
    'мессенджер',
    'заметк',
    'задач',
    'комментари',
  ],
  // The funnel's finer kinds of personal contact (docs/rules.md, "Funnel"): every personal
  // channel above is one of these two or, like a video call, neither (NEITHER_PHONE_NOR_MEETING).
  phoneChannels: ['call', 'phone', 'phone call', 'telephone', 'звон', 'созвон', 'телефон', 'консультация по телефону'],
  meetingChannels: [
    'meeting',
    'visit',
    'viewing',
    'showing',
    'demo',
    'presentation',
    'встреч',
    'визит',
    'выезд',
    'показ',
    'просмотр',
    'осмотр',
    'экскурси',
    'презентац',
    'демонстрац',
  ],
};

/**
 * Channels that name a call or a meeting but are neither a phone consultation nor a
 * face-to-face meeting for the funnel: contacts at a distance on video, and calls or meetings
 * that did not take place. Each is longer than the word it contains, so it wins over it
 * ("video call" over "call"); an unknown value is never counted, and is warned about.
 */
const NEITHER_PHONE_NOR_MEETING: readonly string[] = [
  'video',
  'zoom',
  'skype',
  'teams',
  'webinar',
  'video call',
  'video meeting',
  'zoom call',
  'zoom meeting',
  'teams meeting',
  'online meeting',
  'online demo',
  'online presentation',
  'online viewing',
  'virtual meeting',
  'virtual tour',
  'web meeting',
  'missed call',
  'unanswered call',
  'call not answered',
  'failed call',
  'no answer',
  'cancel call',
  'call cancel',
  'cancel meeting',
  'meeting cancel',
  'no show',
  'видео',
  'видео звонок',
  'видео встреч',
  'zoom встреч',
  'онлайн встреч',
  'онлайн показ',
  'онлайн презентац',
  'онлайн демонстрац',
  'вебинар',
  'пропущен звон',
  'недозвон',
  'не дозвон',
  'нет ответа',
  'без ответа',
  'не состоял',
  'встреча отмен',
  'отмен встреч',
  'визит отмен',
  'отмен визит',
  'показ отмен',
  'отмен показ',
  'звонок отмен',
];

/** Every built-in won phrase, as `folio config` lists them (the states and lifecycle stages match only as the whole value). */
export const ALL_WON: readonly string[] = [
  ...BUILT_IN.won,
  ...WON_STATES,
  ...PARTIAL,
  ...WON_STAGES.phrases,
  ...WON_STAGES.whole,
];

/** Tags of the won values a run warns of: partly paid, and taken from a lifecycle or payment stage. */
export type WonTag = 'partial' | 'stage';
/** The tag of the values that say only «closed». */
export const CLOSED_TAG = 'closed';

/**
 * Statuses: won words match done forms only, and a "not yet" marker voids a won or refund
 * match (see PhraseClassifier); a value matching only a bare `Closed` is unknown, tagged.
 */
export function statusClassifier(user: Vocabulary): PhraseClassifier<StatusKind> {
  const done = { done: true, notYet: true } as const;
  return new PhraseClassifier<StatusKind>(
    [
      { kind: 'won', builtIn: BUILT_IN.won, user: user.won, ...done },
      { kind: 'won', builtIn: WON_STATES, user: [], ...done, whole: true },
      { kind: 'won', builtIn: PARTIAL, user: [], ...done, tag: 'partial' satisfies WonTag },
      { kind: 'won', builtIn: WON_STAGES.phrases, user: [], ...done, tag: 'stage' satisfies WonTag },
      { kind: 'won', builtIn: WON_STAGES.whole, user: [], ...done, whole: true, tag: 'stage' satisfies WonTag },
      { kind: 'lost', builtIn: BUILT_IN.lost, user: user.lost },
      { kind: 'open', builtIn: BUILT_IN.open, user: user.open },
      { kind: 'refund', builtIn: BUILT_IN.refund, user: user.refund, notYet: true },
    ],
    'open',
    { notYet: NOT_YET, undecided: { phrases: CLOSED, tag: CLOSED_TAG } },
  );
}

/**
 * A yes/no column that says whether a deal was won (`IsWon`, «Успешна»), read as the status
 * when the file has no status words: yes is won, no is lost (not revenue either way it is
 * not won), anything else unknown.
 */
export function wonFlagClassifier(): PhraseClassifier<StatusKind> {
  return new PhraseClassifier<StatusKind>(
    [
      { kind: 'won', builtIn: YES_WORDS, user: [], whole: true },
      { kind: 'lost', builtIn: NO_WORDS, user: [], whole: true },
    ],
    'open',
  );
}

export function outcomeClassifier(user: Vocabulary): PhraseClassifier<Outcome> {
  return new PhraseClassifier<Outcome>(
    [
      { kind: 'positive', builtIn: BUILT_IN.positive, user: user.positive },
      { kind: 'negative', builtIn: BUILT_IN.negative, user: user.negative },
      { kind: 'neutral', builtIn: BUILT_IN.neutral, user: user.neutral },
    ],
    'neutral',
  );
}

export function channelClassifier(user: Vocabulary): PhraseClassifier<ChannelKind> {
  return new PhraseClassifier<ChannelKind>(
    [
      { kind: 'personal', builtIn: BUILT_IN.personalChannels, user: user.personalChannels },
      { kind: 'other', builtIn: BUILT_IN.otherChannels, user: user.otherChannels },
    ],
    'other',
  );
}

/**
 * The funnel's reading of a channel: a phone consultation, a face-to-face meeting, or
 * neither (e-mail and the like, video, a missed call). The cadence's other channels, the
 * user's included, are neither; its personal channels are left to this classifier's own
 * lists, so a value the user made personal for the cadence alone is unknown here, and warned.
 */
export function contactClassifier(user: Vocabulary): PhraseClassifier<ContactKind> {
  return new PhraseClassifier<ContactKind>(
    [
      { kind: 'phone', builtIn: BUILT_IN.phoneChannels, user: user.phoneChannels },
      { kind: 'meeting', builtIn: BUILT_IN.meetingChannels, user: user.meetingChannels },
      {
        kind: 'other',
        builtIn: [...BUILT_IN.otherChannels, ...NEITHER_PHONE_NOR_MEETING],
        user: user.otherChannels,
      },
    ],
    'other',
  );
}
