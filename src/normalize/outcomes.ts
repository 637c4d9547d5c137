import { detach, nameKey } from './text.js';

export type Outcome = 'positive' | 'neutral' | 'negative';

export const DEFAULT_POSITIVE = ['positive', 'good', 'success', 'successful', '+', 'позитивный', 'позитивно', 'позитив', 'положительный', 'положительно', 'успешно', 'хорошо'];
export const DEFAULT_NEGATIVE = ['negative', 'bad', 'complaint', 'conflict', '-', 'негативный', 'негативно', 'негатив', 'отрицательный', 'отрицательно', 'жалоба', 'конфликт', 'плохо'];
export const DEFAULT_PERSONAL_CHANNELS = ['meeting', 'call', 'phone call', 'phone', 'visit', 'video', 'video call', 'встреча', 'звонок', 'визит', 'видеозвонок', 'видеовстреча'];

/**
 * Classifies a text column into a few kinds by word lists, once per distinct spelling:
 * activity logs repeat a handful of outcome and channel values over millions of rows.
 */
export class WordClassifier<K extends string> {
  private readonly lists: [K, Set<string>][];
  private readonly seen = new Map<string, K>();

  constructor(
    lists: [K, readonly string[]][],
    private readonly otherwise: K,
  ) {
    this.lists = lists.map(([kind, words]) => [kind, new Set(words.map(nameKey))]);
  }

  classify(raw: string): K {
    const known = this.seen.get(raw);
    if (known !== undefined) return known;
    const key = nameKey(raw);
    const kind = this.lists.find(([, words]) => words.has(key))?.[0] ?? this.otherwise;
    if (this.seen.size < 10_000) this.seen.set(detach(raw), kind);
    return kind;
  }
}

export function outcomeClassifier(extraPositive: readonly string[], extraNegative: readonly string[]): WordClassifier<Outcome> {
  return new WordClassifier<Outcome>(
    [
      ['positive', [...DEFAULT_POSITIVE, ...extraPositive]],
      ['negative', [...DEFAULT_NEGATIVE, ...extraNegative]],
    ],
    'neutral',
  );
}

export function channelClassifier(personal: readonly string[]): WordClassifier<'personal' | 'other'> {
  return new WordClassifier<'personal' | 'other'>([['personal', personal]], 'other');
}
