import { PhraseClassifier } from './phrase-classifier.js';

export type StatusKind = 'won' | 'lost' | 'open';
export type Outcome = 'positive' | 'neutral' | 'negative';
export type ChannelKind = 'personal' | 'other';

/**
 * The vocabulary's lists, by the name of the flag that extends each. Every phrase is a
 * sequence of word beginnings (stems): `cancel` matches `Cancelled`, `успешн` matches
 * «Успешно» and «Сделка успешна». See PhraseClassifier for how a value is matched.
 */
export const VOCABULARY_LISTS = ['won', 'lost', 'open', 'positive', 'negative', 'neutral', 'personalChannels', 'otherChannels'] as const;
export type VocabularyList = (typeof VOCABULARY_LISTS)[number];

/** The user's phrases, added to the built-in ones. */
export type Vocabulary = Readonly<Record<VocabularyList, readonly string[]>>;

export const NO_USER_VOCABULARY: Vocabulary = {
  won: [],
  lost: [],
  open: [],
  positive: [],
  negative: [],
  neutral: [],
  personalChannels: [],
  otherChannels: [],
};

/** The built-in lists: statuses of amoCRM, Bitrix24, 1C, HubSpot, Salesforce, Pipedrive, Zoho; outcomes and channels of their activity logs. */
export const BUILT_IN: Vocabulary = {
  won: [
    'won', 'closed won', 'closedwon', 'deal won', 'paid', 'success', 'shipped', 'delivered', 'invoiced', 'fulfilled', 'complete',
    'успешн', 'успех', 'оплачен', 'оплата получена', 'оплата поступила', 'реализован', 'выигран', 'выполнен', 'отгружен', 'доставлен',
  ],
  lost: [
    'lost', 'closed lost', 'closedlost', 'deal lost', 'not won', 'cancel', 'reject', 'declin', 'fail', 'refus', 'abandon', 'unsuccessful',
    // Against a won word of equal length these tie, so `Won by competitor` or `Paid - refunded` is unknown and warned, never revenue.
    'wont', 'competitor', 'refund', 'return', 'chargeback', 'конкурент', 'возврат',
    'проигран', 'провал', 'отказ', 'отмен', 'аннулир', 'не реализован', 'не выполнен', 'неуспешн', 'не успешн', 'нереализован',
  ],
  open: [
    'new', 'open', 'in progress', 'in process', 'negotiat', 'proposal', 'value proposition', 'quote', 'qualif', 'prospect', 'engag',
    'on hold', 'pending', 'not paid', 'unpaid', 'needs analysis', 'initial offer', 'decision', 'perception analysis', 'appointment', 'presentation', 'contract sent',
    'нов', 'в работе', 'взят в работу', 'неразобранн', 'переговор', 'первичный контакт', 'согласован', 'принимают решение', 'принятие решения',
    'кп отправлен', 'коммерческое предложение', 'квалификац', 'презентац', 'ожида', 'счет выставлен', 'выставлен счет', 'не оплачен', 'отложен',
  ],
  positive: [
    'positive', 'good', 'success', 'interest', 'agree', '+',
    'позитив', 'положительн', 'успешн', 'успех', 'интерес', 'заинтересован', 'договорил', 'согласил', 'хорошо',
  ],
  negative: [
    'negative', 'bad', 'complaint', 'conflict', 'refus', 'reject', 'not interest', 'no interest', 'uninterest', 'lost interest', 'no longer interest', 'not good', 'unsuccessful', '-',
    'потерял интерес', 'потеряли интерес', 'интерес пропал', 'пропал интерес',
    'отказ', 'негатив', 'отрицательн', 'жалоб', 'претензи', 'конфликт', 'плохо', 'не интерес', 'неинтерес', 'не заинтересован', 'недовол', 'не довол', 'не успешн', 'неуспешн',
  ],
  neutral: [
    'neutral', 'no answer', 'no result', 'busy', 'voicemail', 'voice mail', 'left message', 'call back', 'callback', 'normal', '0',
    'нейтральн', 'нет ответа', 'не дозвон', 'недозвон', 'не отвеча', 'без результат', 'занято', 'перезвон', 'нормальн',
  ],
  personalChannels: [
    'meeting', 'call', 'phone', 'visit', 'video', 'zoom',
    'звон', 'созвон', 'встреч', 'визит', 'видео', 'выезд', 'телефон',
  ],
  otherChannels: [
    'email', 'e mail', 'mail', 'letter', 'sms', 'chat', 'messenger', 'whatsapp', 'telegram', 'note', 'task', 'comment',
    'письм', 'почт', 'рассылк', 'сообщени', 'смс', 'чат', 'мессенджер', 'заметк', 'задач', 'комментари',
  ],
};

export function statusClassifier(user: Vocabulary): PhraseClassifier<StatusKind> {
  return new PhraseClassifier<StatusKind>(
    [
      { kind: 'won', builtIn: BUILT_IN.won, user: user.won },
      { kind: 'lost', builtIn: BUILT_IN.lost, user: user.lost },
      { kind: 'open', builtIn: BUILT_IN.open, user: user.open },
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
