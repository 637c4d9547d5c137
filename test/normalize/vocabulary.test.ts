import { describe, expect, it } from 'vitest';
import { PhraseClassifier, phraseWords } from '../../src/normalize/phrase-classifier.js';
import {
  BUILT_IN,
  channelClassifier,
  contactClassifier,
  NO_USER_VOCABULARY,
  outcomeClassifier,
  statusClassifier,
  type Vocabulary,
} from '../../src/normalize/vocabulary.js';

const user = (lists: Partial<Vocabulary>): Vocabulary => ({ ...NO_USER_VOCABULARY, ...lists });

describe('phraseWords', () => {
  it('ignores case, punctuation, hyphens and spacing, and reads ё as е', () => {
    expect(phraseWords('Closed: won')).toEqual(['closed', 'won']);
    expect(phraseWords('closed-won')).toEqual(['closed', 'won']);
    expect(phraseWords('  Closed   Won ')).toEqual(['closed', 'won']);
    expect(phraseWords('Отгружён')).toEqual(['отгружен']);
  });
  it('keeps a value of symbols only as one word', () => {
    expect(phraseWords(' + ')).toEqual(['+']);
    expect(phraseWords('')).toEqual([]);
  });
});

describe('statuses', () => {
  const s = statusClassifier(NO_USER_VOCABULARY);
  it.each([
    // Whole-value matching read every spelling of this group as open.
    ['Closed: won', 'won'],
    ['closed-won', 'won'],
    ['Closed Won', 'won'],
    ['WON', 'won'],
    ['closedwon', 'won'],
    ['Paid', 'won'],
    ['Shipped', 'won'],
    ['Delivered', 'won'],
    ['Invoiced', 'won'],
    ['Completed', 'won'],
    ['Оплачен', 'won'],
    ['Оплачено', 'won'],
    ['Оплата получена', 'won'],
    ['«Успешно реализовано»', 'won'],
    ['Сделка успешна', 'won'],
    ['Выиграна', 'won'],
    ['Выполнен', 'won'],
    ['Отгружён', 'won'],
    ['Closed: lost', 'lost'],
    ['Closed-Lost', 'lost'],
    ['Lost', 'lost'],
    ['Cancelled', 'lost'],
    ['canceled', 'lost'],
    ['Abandoned', 'lost'],
    ['Отказ', 'lost'],
    ['Сделка провалена', 'lost'],
    // «реализовано» alone is won; the negation before it and the longer «не реализовано» make it lost.
    ['Закрыто и не реализовано', 'lost'],
    ['Не реализовано', 'lost'],
    ['Отменено', 'lost'],
    ['Not won', 'lost'],
    ['New', 'open'],
    ['Open', 'open'],
    ['In Progress', 'open'],
    ['In Process', 'open'],
    ['Negotiation', 'open'],
    ['Negotiation/Review', 'open'],
    ['Proposal', 'open'],
    ['Proposal/Price Quote', 'open'],
    ['Qualification', 'open'],
    ['Prospecting', 'open'],
    ['Engaging', 'open'],
    ['On Hold', 'open'],
    ['Needs Analysis', 'open'],
    ['Новая', 'open'],
    ['В работе', 'open'],
    ['Переговоры', 'open'],
    ['Первичный контакт', 'open'],
    ['Согласование', 'open'],
    ['Принимают решение', 'open'],
    ['КП отправлено', 'open'],
    // «оплачено» alone is won; negated, «не оплачено» is an open deal awaiting payment.
    ['Не оплачено', 'open'],
  ])('%s is %s', (raw, kind) => {
    expect(s.classify(raw)).toBe(kind);
  });

  it('knows the open statuses: only values no list matches are unknown', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    for (const v of ['Negotiation', 'Negotiation', 'Resolved', 'Disputed', 'Resolved', 'Resolved', '']) c.classify(v);
    expect(c.unknown()).toEqual([
      { value: 'Resolved', rows: 3, tied: [], tag: null },
      { value: '', rows: 1, tied: [], tag: null },
      { value: 'Disputed', rows: 1, tied: [], tag: null },
    ]);
    expect(c.unknownRows).toBe(5);
  });

  it('a value matching two kinds equally is unknown, read as open, with both kinds named', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    expect(c.classify('Won / Lost')).toBe('open');
    expect(c.unknown()).toEqual([{ value: 'Won / Lost', rows: 1, tied: ['won', 'lost'], tag: null }]);
  });

  it('a status that says won and undoes it is never revenue: unknown or lost, and warned', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    // Each of these read as won before: `won't` split into `won` + `t`; the rest matched a won word only.
    expect(c.classify("Won't proceed")).toBe('open');
    expect(c.classify('Won by competitor')).toBe('open');
    expect(c.classify('Paid - refunded')).toBe('open');
    expect(c.classify('Shipped / returned')).toBe('open');
    expect(c.classify('Lost to competitor')).toBe('lost');
    // A refund is netted in as a negative amount now (rules §1), no longer left out as lost.
    expect(c.classify('Возврат')).toBe('refund');
    expect(
      c
        .unknown()
        .map((u) => u.value)
        .sort(),
    ).toEqual(['Paid - refunded', 'Shipped / returned', 'Won by competitor', "Won't proceed"]);
  });

  it('a negation word before a phrase voids that match: with no other match the value is unknown', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    expect(c.classify('Not shipped')).toBe('open');
    expect(c.classify('Без отказа')).toBe('open');
    expect(c.unknown().map((u) => u.value)).toEqual(['Not shipped', 'Без отказа']);
  });

  it('the longer phrase wins over a shorter one of another kind', () => {
    // «не выполнен» (2 words, lost) against «выполнен» (1 word, won, and negated besides).
    expect(statusClassifier(NO_USER_VOCABULARY).classify('Не выполнено')).toBe('lost');
  });

  it('adds the user phrases to the lists; at equal length a user phrase beats a built-in one', () => {
    const c = statusClassifier(user({ won: ['Resolved'], lost: ['Disputed', 'Отгружено'], open: ['Ждём'] }));
    expect(c.classify('resolved')).toBe('won');
    expect(c.classify('Disputed')).toBe('lost');
    // Built-in: «отгружен» is won; the user's «Отгружено» (also one word) overrides it.
    expect(c.classify('Отгружено')).toBe('lost');
    expect(c.classify('Ждём ответа')).toBe('open');
    expect(c.classify('Won')).toBe('won');
    expect(c.unknown()).toEqual([]);
  });

  it('short stems match whole words only', () => {
    // «в» (of «в работе») must not begin «выиграна»; «кп» must not begin «кпп».
    expect(statusClassifier(NO_USER_VOCABULARY).classify('Выиграна')).toBe('won');
    const c = statusClassifier(NO_USER_VOCABULARY);
    expect(c.classify('КПП отправлено')).toBe('open');
    expect(c.unknown().map((u) => u.value)).toEqual(['КПП отправлено']);
  });
});

describe('outcomes', () => {
  const o = outcomeClassifier(NO_USER_VOCABULARY);
  it.each([
    ['Успешный', 'positive'],
    ['Успешно', 'positive'],
    ['Успех', 'positive'],
    ['Положительный результат', 'positive'],
    ['Позитивный', 'positive'],
    ['Interested', 'positive'],
    ['Agreed', 'positive'],
    ['Договорились о встрече', 'positive'],
    ['Интерес к продукту', 'positive'],
    ['+', 'positive'],
    ['Отказ', 'negative'],
    ['Negative', 'negative'],
    ['Refused', 'negative'],
    ['Complaint', 'negative'],
    ['Жалоба', 'negative'],
    ['Претензия по качеству', 'negative'],
    ['Конфликт', 'negative'],
    ['Отрицательный', 'negative'],
    // `interested` alone is positive; `not` before it voids that match and «not interest» is negative.
    ['Not interested', 'negative'],
    ['Не интересно', 'negative'],
    // «успешн» alone is positive; negated, «Не успешно» and the one word «Неуспешно» are negative.
    ['Не успешно', 'negative'],
    ['Неуспешно', 'negative'],
    ['Unsuccessful', 'negative'],
    ['-', 'negative'],
    ['Neutral', 'neutral'],
    ['Нейтральный', 'neutral'],
    ['No answer', 'neutral'],
    ['Не дозвонился', 'neutral'],
    ['Недозвон', 'neutral'],
  ])('%s is %s', (raw, kind) => {
    expect(o.classify(raw)).toBe(kind);
  });

  it('reads an unknown outcome as neutral and lists it', () => {
    const c = outcomeClassifier(NO_USER_VOCABULARY);
    expect(c.classify('Перенос')).toBe('neutral');
    expect(c.classify('Нейтральный')).toBe('neutral');
    expect(c.unknown()).toEqual([{ value: 'Перенос', rows: 1, tied: [], tag: null }]);
  });

  it('a client who lost interest is negative, and a contraction negates', () => {
    const c = outcomeClassifier(NO_USER_VOCABULARY);
    expect(c.classify('Lost interest')).toBe('negative');
    expect(c.classify('Потерял интерес')).toBe('negative');
    expect(c.classify('Интерес пропал')).toBe('negative');
    // `didn't` voids `agree`: nothing else matches, so it is unknown (neutral) and listed.
    expect(c.classify("Didn't agree")).toBe('neutral');
    expect(c.unknown().map((u) => u.value)).toEqual(["Didn't agree"]);
  });

  it('a positive and a negative word of equal length tie: unknown, read as neutral', () => {
    const c = outcomeClassifier(NO_USER_VOCABULARY);
    expect(c.classify('Успех, но жалоба')).toBe('neutral');
    expect(c.unknown()[0]?.tied).toEqual(['positive', 'negative']);
  });
});

describe('channels', () => {
  const c = channelClassifier(NO_USER_VOCABULARY);
  it.each([
    ['Исходящий звонок', 'personal'],
    ['Входящий звонок', 'personal'],
    ['Встреча с клиентом', 'personal'],
    ['Видеозвонок', 'personal'],
    ['Визит', 'personal'],
    ['Phone call', 'personal'],
    ['Meeting', 'personal'],
    ['Video', 'personal'],
    ['E-mail', 'other'],
    ['Email', 'other'],
    ['Letter', 'other'],
    ['SMS', 'other'],
    ['Письмо', 'other'],
    ['Рассылка', 'other'],
    ['Сообщение в WhatsApp', 'other'],
  ])('%s is %s', (raw, kind) => {
    expect(c.classify(raw)).toBe(kind);
  });

  it('an unknown channel is not personal and listed; --personal-channels adds to the built-in list', () => {
    const plain = channelClassifier(NO_USER_VOCABULARY);
    expect(plain.classify('Outbound')).toBe('other');
    expect(plain.unknown().map((u) => u.value)).toEqual(['Outbound']);
    const added = channelClassifier(user({ personalChannels: ['outbound'] }));
    expect(added.classify('Outbound')).toBe('personal');
    expect(added.classify('Встреча')).toBe('personal');
  });
});

describe("the funnel's contact kinds", () => {
  const c = contactClassifier(NO_USER_VOCABULARY);
  it.each([
    ['Call', 'phone'],
    ['Phone call', 'phone'],
    ['Outgoing call', 'phone'],
    ['Исходящий звонок', 'phone'],
    ['Входящий звонок', 'phone'],
    ['Звонок', 'phone'],
    ['Созвон', 'phone'],
    ['Консультация по телефону', 'phone'],
    ['Телефонная консультация', 'phone'],
    ['Meeting', 'meeting'],
    ['Visit', 'meeting'],
    ['Site visit', 'meeting'],
    ['Viewing', 'meeting'],
    ['Showing', 'meeting'],
    ['Demo', 'meeting'],
    ['Presentation', 'meeting'],
    ['Встреча', 'meeting'],
    ['Встреча в офисе', 'meeting'],
    ['Визит', 'meeting'],
    ['Выезд к клиенту', 'meeting'],
    ['Показ квартиры', 'meeting'],
    ['Просмотр', 'meeting'],
    ['Осмотр объекта', 'meeting'],
    ['Экскурсия', 'meeting'],
    ['Презентация', 'meeting'],
    // At a distance, or never held: neither a consultation nor a meeting, and known to be so.
    ['Video call', 'other'],
    ['Videocall', 'other'],
    ['Видеозвонок', 'other'],
    ['Видео звонок', 'other'],
    ['Zoom meeting', 'other'],
    ['Online meeting', 'other'],
    ['Online demo', 'other'],
    ['Онлайн-показ', 'other'],
    ['Онлайн-встреча', 'other'],
    ['Missed call', 'other'],
    ['Call - no answer', 'other'],
    ['Пропущенный звонок', 'other'],
    ['Недозвон', 'other'],
    ['Не дозвонился', 'other'],
    ['Звонок без ответа', 'other'],
    ['Звонок не состоялся', 'other'],
    ['Встреча не состоялась', 'other'],
    ['Встреча отменена', 'other'],
    ['Отмена встречи', 'other'],
    ['Meeting cancelled', 'other'],
    ['Cancelled meeting', 'other'],
    ['No-show', 'other'],
    ['Email', 'other'],
    ['Письмо', 'other'],
    ['SMS', 'other'],
  ])('%s is %s', (raw, kind) => {
    expect(c.classify(raw)).toBe(kind);
  });

  it('reads the forms that must match neither as known, not as unknown values to warn about', () => {
    const k = contactClassifier(NO_USER_VOCABULARY);
    for (const v of [
      'Video call',
      'Видео звонок',
      'Zoom meeting',
      'Missed call',
      'Call - no answer',
      'Звонок не состоялся',
    ])
      k.classify(v);
    for (const v of ['Встреча отменена', 'Meeting cancelled', 'Пропущенный звонок', 'Онлайн-показ', 'No-show'])
      k.classify(v);
    expect(k.unknown()).toEqual([]);
  });

  it('knows every channel the cadence calls personal, and every one it calls other', () => {
    const k = contactClassifier(NO_USER_VOCABULARY);
    for (const stem of [...BUILT_IN.personalChannels, ...BUILT_IN.otherChannels]) k.classify(stem);
    expect(k.unknown()).toEqual([]);
  });

  it('a negation voids the word, and a value naming both kinds is unknown: not counted, and warned', () => {
    const k = contactClassifier(NO_USER_VOCABULARY);
    expect(k.classify('Без встречи')).toBe('other');
    expect(k.classify('No meeting')).toBe('other');
    expect(k.classify('Phone meeting')).toBe('other');
    expect(k.classify('Консультация')).toBe('other');
    expect(k.unknown().map((u) => [u.value, u.tied])).toEqual([
      ['No meeting', []],
      ['Phone meeting', ['phone', 'meeting']],
      ['Без встречи', []],
      ['Консультация', []],
    ]);
  });

  it('--phone-channels and --meeting-channels add to the lists; --other-channels says neither', () => {
    const k = contactClassifier(
      user({ phoneChannels: ['консультац'], meetingChannels: ['open house'], otherChannels: ['call center'] }),
    );
    expect(k.classify('Консультация')).toBe('phone');
    expect(k.classify('Open house')).toBe('meeting');
    expect(k.classify('Call center')).toBe('other');
    expect(k.unknown()).toEqual([]);
  });

  it("leaves the cadence's reading alone: a video call and a missed call are still personal there", () => {
    const cadence = channelClassifier(NO_USER_VOCABULARY);
    expect(cadence.classify('Video call')).toBe('personal');
    expect(cadence.classify('Missed call')).toBe('personal');
    expect(cadence.classify('Показ квартиры')).toBe('other');
  });
});

describe('PhraseClassifier', () => {
  it('classifies each distinct spelling once and counts its rows', () => {
    const c = new PhraseClassifier([{ kind: 'a', builtIn: ['alpha'], user: [] }], 'z');
    let matched = 0;
    const match = c.match.bind(c);
    c.match = (words) => {
      matched++;
      return match(words);
    };
    for (let i = 0; i < 1000; i++) c.classify(i % 2 === 0 ? 'Alpha' : 'Beta');
    expect(matched).toBe(2);
    expect(c.unknown()).toEqual([{ value: 'Beta', rows: 500, tied: [], tag: null }]);
  });

  it('past 10,000 spellings it still counts the unknown rows, without their values', () => {
    const c = new PhraseClassifier([{ kind: 'a', builtIn: ['alpha'], user: [] }], 'z');
    for (let i = 0; i < 10_005; i++) c.classify(`value ${i}`);
    expect(c.classify('Alpha beyond')).toBe('a');
    expect(c.unknown()).toHaveLength(10_000);
    expect(c.unknownRows).toBe(10_005);
  });
});
