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
 * What follows a done stem in a word that is not a done form of it: a verbal noun or its
 * cases («выполнен|ие», «выполнен|ию», «выполнен|ия»), a gerund or a noun (`ship|ping`,
 * `ship|ment` under a user's `ship`). Done forms go on with nothing, a short ending
 * (`выполнен|о`, `оплачен|ы`) or a long one (`выполнен|ный`, `успешн|ая`), or an English
 * past (`complete|d`, `ship|ped`).
 */
const NOT_DONE_ENDING = /^(?:[иеьюя]|[a-z]?(?:ing|ment))/u;

/**
 * A stem matches a word it begins (`cancel` ~ `cancelled`, `успешн` ~ `успешно`). Stems of one
 * or two characters and negation words match only the whole word: `в` must not match
 * `выиграна`, nor `не` `негатив`. A done stem (`done`) matches only the done forms of a word.
 */
function stemMatches(stem: string, word: string, done: boolean): boolean {
  if (stem.length <= 2 || NEGATIONS.has(stem)) return word === stem;
  if (!word.startsWith(stem)) return false;
  return !done || !NOT_DONE_ENDING.test(word.slice(stem.length));
}

interface Entry<K> {
  stems: string[];
  kind: K;
  /** Given by the user (flag, FOLIO_* or config file): wins a tie with a built-in entry. */
  user: boolean;
  done: boolean;
  notYet: boolean;
  whole: boolean;
  tag: string | null;
}

/** One list of the vocabulary: its kind, the built-in phrases and the user's. */
export interface PhraseList<K> {
  kind: K;
  builtIn: readonly string[];
  user: readonly string[];
  /**
   * The phrases name a state reached (`выполнен`, `paid`, `closed won`): their stems match only
   * the done forms of a word, never its noun or gerund («Выполнение», «К выполнению»).
   */
  done?: boolean;
  /**
   * A "not yet" marker anywhere in the value, outside the matched phrase itself, voids a match
   * of this list (`To be invoiced`, «Ожидает выполнения», `Refund pending`).
   */
  notYet?: boolean;
  /** A phrase must be the whole value: a lifecycle stage `Customer`, not `Waiting for customer`. */
  whole?: boolean;
  /** Kept with a spelling this list decided, so that the caller can warn of such values (`partial`). */
  tag?: string;
}

/** What the classifier knows beside its lists. */
export interface PhraseOptions {
  /** "Not yet" markers (`to be`, `pending`, «к», «ожида»), phrases of stems as the lists' are. */
  notYet?: readonly string[];
  /**
   * Phrases that say too little to decide (a bare `Closed`: done in one system, lost in
   * another): a value that matches no list but one of these is unknown, tagged `tag`.
   */
  undecided?: { phrases: readonly string[]; tag: string };
}

/** A spelling that matched no list (or two lists equally), with the rows it was on. */
export interface UnknownValue<K> {
  value: string;
  rows: number;
  /** The kinds that matched equally well, when the value is unknown because of a tie. */
  tied: K[];
  /** The undecided phrases' tag, when one of them is all the value matched. */
  tag: string | null;
}

/** A spelling as the classifier read it, with its rows. */
export interface SeenValue<K> {
  value: string;
  kind: K;
  /** False when no list decided it (`kind` is then the fallback). */
  known: boolean;
  rows: number;
  tag: string | null;
}

export interface ClassifierSnapshot<K> {
  seen: (Seen<K> & { value: string })[];
  overflowRows: number;
  overflowKinds: [K, number][];
}

/** A spelling's kind and the rows counted with it. */
export type Tally<K> = Pick<Seen<K>, 'kind' | 'rows'>;

interface Seen<K> {
  kind: K;
  rows: number;
  known: boolean;
  tied: K[];
  /** The tag of the list that decided the kind, or of the undecided phrase; null for none. */
  tag: string | null;
}

interface Match<K> {
  kind: K | null;
  tied: K[];
  tag: string | null;
}

const MAX_SPELLINGS = 10_000;

/**
 * Classifies a text column by phrase lists. The longest matching phrase wins (counted in
 * words); at equal length a user's phrase beats a built-in one; a negation word right
 * before a phrase voids that match, and so does a "not yet" marker anywhere else in the
 * value for the lists that say so; two kinds still tied, or no match at all, is unknown:
 * read as `fallback` and listed by `unknown()`. Each distinct spelling is classified once:
 * logs repeat a handful of values over millions of rows.
 */
export class PhraseClassifier<K extends string> {
  private readonly entries: Entry<K>[];
  private readonly notYet: string[][];
  private readonly undecided: { entries: Entry<K>[]; tag: string } | null;
  private readonly seen = new Map<string, Seen<K>>();
  /** Rows whose spelling came after the cache was full: the unknown ones, and the others by kind. */
  private overflowRows = 0;
  private readonly overflowKinds = new Map<K, number>();

  constructor(
    lists: readonly PhraseList<K>[],
    private readonly fallback: K,
    options: PhraseOptions = {},
  ) {
    this.entries = lists
      .flatMap((list) => {
        const entry = (p: string, user: boolean): Entry<K> => ({
          stems: phraseWords(p),
          kind: list.kind,
          user,
          done: list.done === true,
          notYet: list.notYet === true,
          whole: list.whole === true,
          tag: list.tag ?? null,
        });
        return [...list.builtIn.map((p) => entry(p, false)), ...list.user.map((p) => entry(p, true))];
      })
      .filter((e) => e.stems.length > 0);
    this.notYet = (options.notYet ?? []).map(phraseWords).filter((s) => s.length > 0);
    const { undecided } = options;
    this.undecided = undecided
      ? {
          entries: undecided.phrases
            .map(phraseWords)
            .filter((stems) => stems.length > 0)
            .map((stems) => ({
              stems,
              kind: fallback,
              user: false,
              done: true,
              notYet: true,
              whole: false,
              tag: null,
            })),
          tag: undecided.tag,
        }
      : null;
  }

  classify(raw: string): K {
    const seen = this.seen.get(raw);
    if (seen !== undefined) {
      seen.rows++;
      return seen.kind;
    }
    const m = this.match(phraseWords(raw));
    if (this.seen.size < MAX_SPELLINGS) {
      this.seen.set(detach(raw), this.record(m, 1));
    } else if (m.kind === null) {
      this.overflowRows++;
    } else {
      this.overflowKinds.set(m.kind, (this.overflowKinds.get(m.kind) ?? 0) + 1);
    }
    return m.kind ?? this.fallback;
  }

  /** The kind of a spelling, without counting a row: for a row that may yet wait and be read again. */
  peek(raw: string): K {
    return (this.tally(raw) ?? { kind: this.match(phraseWords(raw)).kind ?? this.fallback }).kind;
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
    const made = this.record(this.match(phraseWords(raw)), 0);
    this.seen.set(detach(raw), made);
    return made;
  }

  private record(m: Match<K>, rows: number): Seen<K> {
    return { kind: m.kind ?? this.fallback, rows, known: m.kind !== null, tied: m.tied, tag: m.tag };
  }

  /** The kind of a value's words, or null with the tied kinds when no one kind matches best. */
  match(words: readonly string[]): Match<K> {
    const markers = this.markerSpans(words);
    const best = new Map<K, { score: number; tag: string | null }>();
    for (const e of this.entries) {
      const score = e.stems.length * 2 + (e.user ? 1 : 0);
      const had = best.get(e.kind);
      // At equal score a list without a tag decides: its values need no word of warning.
      if (had !== undefined && (score < had.score || (score === had.score && (had.tag === null || e.tag !== null))))
        continue;
      if (this.occurs(e, words, markers)) best.set(e.kind, { score, tag: e.tag });
    }
    let top = 0;
    let winners: K[] = [];
    for (const [kind, { score }] of best) {
      if (score > top) {
        top = score;
        winners = [kind];
      } else if (score === top) {
        winners.push(kind);
      }
    }
    if (winners.length === 1) {
      const kind = winners[0] as K;
      return { kind, tied: [], tag: best.get(kind)?.tag ?? null };
    }
    const undecided =
      winners.length === 0 && this.undecided?.entries.some((e) => this.occurs(e, words, markers))
        ? this.undecided.tag
        : null;
    return { kind: null, tied: winners, tag: undecided };
  }

  /** Where the "not yet" markers stand among the words: [first, past the last]. */
  private markerSpans(words: readonly string[]): [number, number][] {
    const spans: [number, number][] = [];
    for (const stems of this.notYet) for (const i of this.at(stems, words, false)) spans.push([i, i + stems.length]);
    return spans;
  }

  /** The positions at which the stems begin consecutive words. */
  private at(stems: readonly string[], words: readonly string[], done: boolean): number[] {
    const found: number[] = [];
    for (let i = 0; i + stems.length <= words.length; i++)
      if (stems.every((s, j) => stemMatches(s, words[i + j] as string, done))) found.push(i);
    return found;
  }

  /**
   * The entry's stems begin consecutive words (all of them, for a whole-value entry), no
   * negation stands right before them and, for a list that a "not yet" marker voids, no
   * marker stands outside them.
   */
  private occurs(e: Entry<K>, words: readonly string[], markers: readonly [number, number][]): boolean {
    if (e.whole && e.stems.length !== words.length) return false;
    const negatable = !NEGATIONS.has(e.stems[0] as string);
    for (const i of this.at(e.stems, words, e.done)) {
      if (negatable && i > 0 && NEGATIONS.has(words[i - 1] as string)) continue;
      if (e.notYet && markers.some(([from, to]) => from < i || to > i + e.stems.length)) continue;
      return true;
    }
    return false;
  }

  /** The spellings seen, in the order first seen, with their rows: what a part read on another thread hands over. */
  snapshot(): ClassifierSnapshot<K> {
    return {
      seen: [...this.seen].map(([value, s]) => ({ value, ...s })),
      overflowRows: this.overflowRows,
      overflowKinds: [...this.overflowKinds],
    };
  }

  /**
   * Add what a later part of the same file saw. Exact only while no spelling was turned away:
   * false (and nothing changed) when the spellings of both would overflow the cache.
   */
  absorb(part: ClassifierSnapshot<K>): boolean {
    if (this.unlisted() > 0 || part.overflowRows > 0 || part.overflowKinds.length > 0) return false;
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

  /**
   * Every spelling that was on a row, most rows first (ties by spelling), with what it was
   * read as: what a run reports it counted. Spellings looked up but never counted (a row that
   * stopped at a problem on the byte reader's path and was read again) are left out.
   */
  values(): SeenValue<K>[] {
    return [...this.seen]
      .filter(([, s]) => s.rows > 0)
      .map(([value, s]) => ({ value, kind: s.kind, known: s.known, rows: s.rows, tag: s.tag }))
      .sort(byRowsThenValue);
  }

  /** Rows past the cache of spellings, counted without their values: the unknown ones, and the others by kind. */
  overflow(): { unknown: number; kinds: [K, number][] } {
    return { unknown: this.overflowRows, kinds: [...this.overflowKinds] };
  }

  private unlisted(): number {
    let n = this.overflowRows;
    for (const rows of this.overflowKinds.values()) n += rows;
    return n;
  }

  /** Spellings that matched no list, most rows first (ties by spelling). */
  unknown(): UnknownValue<K>[] {
    return [...this.seen]
      .filter(([, s]) => !s.known && s.rows > 0)
      .map(([value, s]) => ({ value, rows: s.rows, tied: s.tied, tag: s.tag }))
      .sort(byRowsThenValue);
  }

  /** Rows whose value matched no list, including spellings beyond the cache. */
  get unknownRows(): number {
    return this.unknown().reduce((n, u) => n + u.rows, this.overflowRows);
  }
}

function byRowsThenValue(a: { value: string; rows: number }, b: { value: string; rows: number }): number {
  return b.rows - a.rows || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
