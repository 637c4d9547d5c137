/**
 * What makes two spellings of a client name one client. One export writes «ООО «Ромашка»»,
 * another «Ромашка ООО», a manager types «ромашка  ооо»; an American CRM has "Acme, Inc."
 * beside "ACME Inc". Spellings that differ only in case, quotes, spaces, punctuation and the
 * place of the same legal form are one client; a different legal form (ООО Ромашка, АО
 * Ромашка) or no form at all (Ромашка) is another, which the caller may warn about (`nameParts`).
 */

/** How names are matched: merged as above, or `exact` (`--exact-names`): as written, spaces aside. */
export type NameMatching = 'merged' | 'exact';

/** A name's words without its legal form, and the form (its short name), '' when it has none. */
export interface NameParts {
  core: string;
  form: string;
}

/**
 * Legal forms by the word or words that spell them, and where they stand. The Russian, Kazakh,
 * Ukrainian and Bulgarian ones come first or last («ООО Ромашка», «Ромашка ООО»,
 * «ЕТ Иван Петров»); the Latin ones only last ("Acme Inc", "Siemens AG"): first, "SA Foods"
 * or "Co Smo" are names. Full names spell the same form («Общество с ограниченной
 * ответственностью», "Limited"); Latin transliterations of the Cyrillic ones too ("OOO").
 */
const CYRILLIC_FORMS: Record<string, string[]> = {
  ооо: ['ооо', 'ooo', 'общество с ограниченной ответственностью'],
  оао: ['оао', 'oao', 'открытое акционерное общество'],
  зао: ['зао', 'zao', 'закрытое акционерное общество'],
  пао: ['пао', 'pao', 'публичное акционерное общество'],
  нао: ['нао', 'непубличное акционерное общество'],
  ао: ['ао', 'акционерное общество'],
  ип: ['ип', 'индивидуальный предприниматель'],
  тоо: ['тоо', 'товарищество с ограниченной ответственностью'],
  чп: ['чп', 'частное предприятие'],
  еоод: ['еоод', 'eood', 'еднолично дружество с ограничена отговорност'],
  оод: ['оод', 'ood', 'дружество с ограничена отговорност'],
  ад: ['ад', 'акционерно дружество'],
  ет: ['ет', 'едноличен търговец'],
};
const LATIN_FORMS: Record<string, string[]> = {
  llc: ['llc', 'limited liability company'],
  ltd: ['ltd', 'limited'],
  inc: ['inc', 'incorporated'],
  corp: ['corp', 'corporation'],
  co: ['co', 'company'],
  gmbh: ['gmbh', 'gesellschaft mit beschränkter haftung'],
  ag: ['ag', 'aktiengesellschaft'],
  sa: ['sa'],
  srl: ['srl'],
  bv: ['bv'],
  plc: ['plc', 'public limited company'],
};

interface FormSpelling {
  form: string;
  words: string[];
  /** Also as the first words, not only the last. */
  leading: boolean;
}

/** Every spelling of every form, the longest first: "limited liability company" before "company". */
const FORM_SPELLINGS: FormSpelling[] = [
  ...Object.entries(CYRILLIC_FORMS).flatMap(([form, list]) =>
    list.map((s) => ({ form, words: s.split(' '), leading: true })),
  ),
  ...Object.entries(LATIN_FORMS).flatMap(([form, list]) =>
    list.map((s) => ({ form, words: s.split(' '), leading: false })),
  ),
].sort((a, b) => b.words.length - a.words.length);

/** The spellings by their first word (those that may lead) and by their last: a name tries only its own two words'. */
const BY_FIRST = indexBy(
  FORM_SPELLINGS.filter((s) => s.leading),
  (s) => s.words[0] as string,
);
const BY_LAST = indexBy(FORM_SPELLINGS, (s) => s.words[s.words.length - 1] as string);

function indexBy(list: FormSpelling[], word: (s: FormSpelling) => string): Map<string, FormSpelling[]> {
  const map = new Map<string, FormSpelling[]>();
  for (const s of list) map.set(word(s), [...(map.get(word(s)) ?? []), s]);
  return map;
}

/** The forms written with letters only: «И.П.», «А.О.» after a surname are a person's initials, not a form. */
const UNDOTTED_ONLY = new Set(Object.keys(CYRILLIC_FORMS));

interface Word {
  text: string;
  /** Written with a dot inside ("S.A.", «И.П.»). */
  dotted: boolean;
}

const WORD = 1;
const MARK = 2;
const BREAK = 3;
/** Each UTF-16 unit's class, found the first time it is met: a per-character regular expression costs more than the rest of the key. */
const CLASSES = new Uint8Array(0x10000);

/** A letter, mark or digit (a surrogate too: a name's emoji or rare script stays in it); a dot or apostrophe; or anything else. */
function classOf(code: number): number {
  let k = CLASSES[code] as number;
  if (k === 0) {
    const c = String.fromCharCode(code);
    k = code >= 0xd800 && code <= 0xdfff ? WORD : /[.'’ʼ]/.test(c) ? MARK : /[\p{L}\p{M}\p{N}]/u.test(c) ? WORD : BREAK;
    CLASSES[code] = k;
  }
  return k;
}

/** Characters NFKC may change: combining marks, and the compatibility forms from U+2000 up (full-width letters, ligatures). */
const MAY_COMPOSE = /[\u0300-\u036f\u2000-\uffff]/;

/**
 * The words of a name: NFKC, lower case, ё as е; quotes, spaces and punctuation separate
 * words, and a dot or apostrophe between two letters or digits is dropped ("S.A." is "sa",
 * "McDonald's" is "mcdonalds").
 */
function wordsOf(name: string): Word[] {
  const text = (MAY_COMPOSE.test(name) ? name.normalize('NFKC') : name).toLowerCase().replace(/ё/g, 'е');
  const out: Word[] = [];
  // A word is a run of letters and digits, less the marks inside it: `from` is where the run
  // since the last mark begins.
  let word = '';
  let from = -1;
  let dotted = false;
  const end = (i: number): void => {
    if (from >= 0) word += text.slice(from, i);
    if (word !== '') out.push({ text: word, dotted });
    word = '';
    from = -1;
    dotted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const k = classOf(code);
    if (k === WORD) {
      if (from < 0) from = i;
    } else if (k === MARK && from >= 0 && i + 1 < text.length && classOf(text.charCodeAt(i + 1)) === WORD) {
      word += text.slice(from, i);
      from = -1;
      if (code === 0x2e) dotted = true;
    } else end(i);
  }
  end(text.length);
  return out;
}

function matchesAt(words: readonly Word[], at: number, spelling: FormSpelling): boolean {
  if (at < 0 || at + spelling.words.length > words.length) return false;
  return spelling.words.every((w, i) => {
    const word = words[at + i] as Word;
    return word.text === w && !(word.dotted && UNDOTTED_ONLY.has(spelling.form));
  });
}

/**
 * Runs of one-letter words are one word: initials are written «И.И.», «И. И.» and «ИИ», and
 * "A B C" is "ABC". Two words of several letters stay apart ("Co Smo" is not "Cosmo").
 */
function joinInitials(words: readonly string[]): string {
  let out = '';
  let previousSingle = false;
  for (const w of words) {
    const single = w.length === 1;
    out += out === '' || (single && previousSingle) ? w : ` ${w}`;
    previousSingle = single;
  }
  return out;
}

/**
 * A name's words and its legal form: a form among the first words (Cyrillic forms only) or,
 * failing that, among the last. The form is never the whole name: «ООО» alone is a name.
 */
export function nameParts(name: string): NameParts {
  const words = wordsOf(name);
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return { core: '', form: '' };
  for (const spelling of BY_FIRST.get(first.text) ?? []) {
    const n = spelling.words.length;
    if (words.length > n && matchesAt(words, 0, spelling))
      return { core: joinInitials(words.slice(n).map((w) => w.text)), form: spelling.form };
  }
  for (const spelling of BY_LAST.get(last.text) ?? []) {
    const n = spelling.words.length;
    if (words.length > n && matchesAt(words, words.length - n, spelling))
      return { core: joinInitials(words.slice(0, -n).map((w) => w.text)), form: spelling.form };
  }
  return { core: joinInitials(words.map((w) => w.text)), form: '' };
}

const SPACES = /[\s\u00a0\u202f]+/g;

/** Between a key's core and its form: no core holds it (a core is letters, digits and spaces). */
const FORM_MARK = '|';

/**
 * The key two spellings of one client share, from the name's parts. A name of no letter or
 * digit («—», "***") keys as written, so that it stays apart from a blank name and from
 * other signs.
 */
export function keyOfParts(parts: NameParts, name: string): string {
  if (parts.core === '') return exactKey(name);
  return parts.form === '' ? parts.core : `${parts.core}${FORM_MARK}${parts.form}`;
}

/** The key two spellings of one client share (`nameParts`). */
export function clientKey(name: string): string {
  return keyOfParts(nameParts(name), name);
}

/** `--exact-names`: the name as written, its outer spaces trimmed and inner runs made one. */
export function exactKey(name: string): string {
  return name.replace(SPACES, ' ').trim();
}
