import { detach } from './text.js';

/**
 * Words of a value as the vocabulary compares them: lower case, `ё` read as `е`, split at
 * anything that is not a letter or digit (`Closed: won` = `closed-won` = `Closed Won`). A
 * value of symbols only (`+`, `-`) is one word of its own.
 */
export function phraseWords(text: string): string[] {
  // An apostrophe inside a word joins it (`won't` is `wont`, a negation, not `won` and `t`).
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  const words = normal.match(/[\p{L}\p{N}]+/gu);
  if (words !== null) return words;
  const symbols = normal.replace(/\s+/g, '');
  return symbols === '' ? [] : [symbols];
}

/** A word right before a matched stem that turns the match around: «не реализовано», `not interested`, `didn't agree`. */
const NEGATIONS = new Set([
  'не',
  'нет',
  'без',
  'not',
  'no',
  'non',
  'never',
  'dont',
  'didnt',
  'doesnt',
  'wont',
  'cant',
  'isnt',
  'wasnt',
]);

/**
 * A stem matches a word it begins (`cancel` ~ `cancelled`, `успешн` ~ `успешно`). Stems of one
 * or two characters and negation words match only the whole word: `в` must not match
 * `выиграна`, nor `не` `негатив`.
 */
function stemMatches(stem: string, word: string): boolean {
  return stem.length <= 2 || NEGATIONS.has(stem) ? word === stem : word.startsWith(stem);
}

interface Entry<K> {
  stems: string[];
  kind: K;
  /** Given by the user (flag, FOLIO_* or config file): wins a tie with a built-in entry. */
  user: boolean;
}

/** One list of the vocabulary: its kind, the built-in phrases and the user's. */
export interface PhraseList<K> {
  kind: K;
  builtIn: readonly string[];
  user: readonly string[];
}

/** A spelling that matched no list (or two lists equally), with the rows it was on. */
export interface UnknownValue<K> {
  value: string;
  rows: number;
  /** The kinds that matched equally well, when the value is unknown because of a tie. */
  tied: K[];
}

export interface ClassifierSnapshot<K> {
  seen: (Seen<K> & { value: string })[];
  overflowRows: number;
}

/** A spelling's kind and the rows counted with it. */
export type Tally<K> = Pick<Seen<K>, 'kind' | 'rows'>;

interface Seen<K> {
  kind: K;
  rows: number;
  known: boolean;
  tied: K[];
}

const MAX_SPELLINGS = 10_000;

/**
 * Classifies a text column by phrase lists. The longest matching phrase wins (counted in
 * words); at equal length a user's phrase beats a built-in one; a negation word right
 * before a phrase voids that match; two kinds still tied, or no match at all, is unknown:
 * read as `fallback` and listed by `unknown()`. Each distinct spelling is classified once:
 * logs repeat a handful of values over millions of rows.
 */
export class PhraseClassifier<K extends string> {
  private readonly entries: Entry<K>[];
  private readonly seen = new Map<string, Seen<K>>();
  /** Unknown rows whose spelling came after the cache was full. */
  private overflowRows = 0;

  constructor(
    lists: readonly PhraseList<K>[],
    private readonly fallback: K,
  ) {
    this.entries = lists
      .flatMap((list) => [
        ...list.builtIn.map((p) => ({ stems: phraseWords(p), kind: list.kind, user: false })),
        ...list.user.map((p) => ({ stems: phraseWords(p), kind: list.kind, user: true })),
      ])
      .filter((e) => e.stems.length > 0);
  }

  classify(raw: string): K {
    const seen = this.seen.get(raw);
    if (seen !== undefined) {
      seen.rows++;
      return seen.kind;
    }
    const { kind, tied } = this.match(phraseWords(raw));
    if (this.seen.size < MAX_SPELLINGS) {
      this.seen.set(detach(raw), { kind: kind ?? this.fallback, rows: 1, known: kind !== null, tied });
    } else if (kind === null) {
      this.overflowRows++;
    }
    return kind ?? this.fallback;
  }

  /**
   * The kind of a spelling and the tally its rows are counted in, without counting this one:
   * the byte reader keeps it and counts each row it reads itself. Null once the cache of
   * spellings is full and this one is not in it (such rows are classified one by one).
   */
  tally(raw: string): Tally<K> | null {
    const seen = this.seen.get(raw);
    if (seen !== undefined) return seen;
    if (this.seen.size >= MAX_SPELLINGS) return null;
    const { kind, tied } = this.match(phraseWords(raw));
    const made = { kind: kind ?? this.fallback, rows: 0, known: kind !== null, tied };
    this.seen.set(detach(raw), made);
    return made;
  }

  /** The kind of a value's words, or null with the tied kinds when no one kind matches best. */
  match(words: readonly string[]): { kind: K | null; tied: K[] } {
    const best = new Map<K, number>();
    for (const e of this.entries) {
      const score = e.stems.length * 2 + (e.user ? 1 : 0);
      if (score <= (best.get(e.kind) ?? 0)) continue;
      if (this.occurs(e.stems, words)) best.set(e.kind, score);
    }
    let top = 0;
    let winners: K[] = [];
    for (const [kind, score] of best) {
      if (score > top) {
        top = score;
        winners = [kind];
      } else if (score === top) {
        winners.push(kind);
      }
    }
    return winners.length === 1 ? { kind: winners[0] as K, tied: [] } : { kind: null, tied: winners };
  }

  /** The stems begin consecutive words, and no negation stands right before them. */
  private occurs(stems: readonly string[], words: readonly string[]): boolean {
    const negatable = !NEGATIONS.has(stems[0] as string);
    for (let i = 0; i + stems.length <= words.length; i++) {
      if (!stems.every((s, j) => stemMatches(s, words[i + j] as string))) continue;
      if (negatable && i > 0 && NEGATIONS.has(words[i - 1] as string)) continue;
      return true;
    }
    return false;
  }

  /** The spellings seen, in the order first seen, with their rows: what a part read on another thread hands over. */
  snapshot(): ClassifierSnapshot<K> {
    return { seen: [...this.seen].map(([value, s]) => ({ value, ...s })), overflowRows: this.overflowRows };
  }

  /**
   * Add what a later part of the same file saw. Exact only while no spelling was turned away:
   * false (and nothing changed) when the spellings of both would overflow the cache.
   */
  absorb(part: ClassifierSnapshot<K>): boolean {
    if (this.overflowRows > 0 || part.overflowRows > 0) return false;
    let added = 0;
    for (const s of part.seen) if (!this.seen.has(s.value)) added++;
    if (this.seen.size + added > MAX_SPELLINGS) return false;
    for (const { value, ...s } of part.seen) {
      const mine = this.seen.get(value);
      if (mine) mine.rows += s.rows;
      else this.seen.set(value, s);
    }
    return true;
  }

  /** Spellings that matched no list, most rows first (ties by spelling). */
  unknown(): UnknownValue<K>[] {
    return [...this.seen]
      .filter(([, s]) => !s.known)
      .map(([value, s]) => ({ value, rows: s.rows, tied: s.tied }))
      .sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** Rows whose value matched no list, including spellings beyond the cache. */
  get unknownRows(): number {
    return this.unknown().reduce((n, u) => n + u.rows, this.overflowRows);
  }
}
