import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';

/** Encodings folio reads; names are the WHATWG labels except cp437, which TextDecoder lacks. */
export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'windows-1252',
  'koi8-r',
  'ibm866',
  'cp437',
] as const;
export type Encoding = (typeof ENCODINGS)[number];

const ALIASES: Record<string, Encoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  win1251: 'windows-1251',
  '1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'koi8-r': 'koi8-r',
  koi8r: 'koi8-r',
  ibm866: 'ibm866',
  cp866: 'ibm866',
  cp437: 'cp437',
  ibm437: 'cp437',
};

export function parseEncodingName(name: string): Encoding {
  const found = ALIASES[name.trim().toLowerCase()];
  if (!found) {
    throw new FolioError({
      code: 'BAD_ENCODING_NAME',
      says: says('BAD_ENCODING_NAME', { name, known: [...ENCODINGS] }),
    });
  }
  return found;
}

export interface EncodingGuess {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** How the guess was made, for `inspect` and `inputs[]`. */
  reason: 'bom' | 'valid-utf8' | 'utf16-zeros' | 'letter-statistics' | 'override' | 'unrecognised';
}

/**
 * Guess the encoding of a file from its first bytes. A BOM decides; then valid UTF-8;
 * then a UTF-16 file without BOM shows zero bytes in every other position; otherwise the
 * single-byte code page whose decoding reads most like words (Russian exports are
 * Windows-1251; Western ones Windows-1252 or, from old systems, code page 437).
 */
export function sniffEncoding(sample: Uint8Array, atEnd: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, reason: 'bom' };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };

  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: 'utf16-zeros' };

  if (isValidUtf8(sample, atEnd)) return { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' };
  const best = bestSingleByte(sample);
  return { encoding: best.encoding, bomLength: 0, reason: best.plausible ? 'letter-statistics' : 'unrecognised' };
}

/**
 * How much of a file the code page is guessed from. A Western export's first screens may
 * hold only no-break spaces and curly quotes, which read as letters in more than one code
 * page; its umlauts and accents come later (Superstore: the first 64 KiB read best as code
 * page 437, the first MiB as Windows-1252).
 */
export const CODE_PAGE_SAMPLE = 1024 * 1024;

/** The head of a file leaves the encoding to letter statistics, which want a longer sample. */
export function needsCodePageSample(head: Uint8Array, atEnd: boolean): boolean {
  if (atEnd || head.length >= CODE_PAGE_SAMPLE) return false;
  const reason = sniffEncoding(head, false).reason;
  return reason === 'letter-statistics' || reason === 'unrecognised';
}

function utf16WithoutBom(sample: Uint8Array): Encoding | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Valid UTF-8, allowing a sequence cut by the end of the sample when more follows. */
export function isValidUtf8(bytes: Uint8Array, atEnd: boolean): boolean {
  let end = bytes.length;
  if (!atEnd) {
    // Step back over a possibly incomplete trailing sequence.
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 3 && ((bytes[i] ?? 0) & 0xc0) === 0x80) {
      i--;
      back++;
    }
    if (i >= 0 && (bytes[i] ?? 0) >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

const SINGLE_BYTE: Exclude<Encoding, 'utf-8' | 'utf-16le' | 'utf-16be'>[] = [
  'windows-1251',
  'windows-1252',
  'cp437',
  'koi8-r',
  'ibm866',
];

/**
 * Score each code page by how its high bytes decode. A letter next to letters of its own
 * script scores; next to another script it costs. A symbol (box drawing, maths, currency
 * sign) inside a word is all but impossible in real text and costs heavily: that is what
 * tells `Kö` in Windows-1252 (`K÷` in code page 437) from `Martín` in code page 437
 * (`Mart¡n` in Windows-1252). A lower-case letter followed by an upper-case one inside a
 * word costs too (that is how Windows-1251 looks read as KOI8-R, and how a curly quote
 * before a name looks in code page 437: `ôMⁿller`).
 */
function bestSingleByte(sample: Uint8Array): { encoding: Encoding; plausible: boolean } {
  const bytes = sample.subarray(0, CODE_PAGE_SAMPLE);
  let best: Encoding = 'windows-1251';
  let bestScore = -Infinity;
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  let bestVetoed = true;
  for (const enc of SINGLE_BYTE) {
    const kind = byteKinds(enc);
    let score = 0;
    let impossible = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b < 0x80) continue;
      const k = kind[b] as number;
      const prev = i > 0 ? (kind[bytes[i - 1] as number] as number) : OTHER;
      const next = i + 1 < bytes.length ? (kind[bytes[i + 1] as number] as number) : OTHER;
      const letters = (prev & LETTER_BIT ? 1 : 0) + (next & LETTER_BIT ? 1 : 0);
      if (!(k & LETTER_BIT)) {
        if (k !== TYPO) score -= letters === 2 ? 50 : letters === 1 ? 10 : 2;
        if (k !== TYPO && letters === 2) impossible++;
        continue;
      }
      const cyrillic = k & CYRILLIC_BIT;
      if (prev & LETTER_BIT) score += (prev & CYRILLIC_BIT) === cyrillic ? 1 : -3;
      if (next & LETTER_BIT) score += (next & CYRILLIC_BIT) === cyrillic ? 1 : -3;
      if ((prev & LOWER_BIT && k & UPPER_BIT) || (k & LOWER_BIT && next & UPPER_BIT)) score -= 2;
      // Whole words of high bytes are Cyrillic: Western text sets an accent among plain
      // letters. Without this, Russian read as Windows-1252 ("Óñïåøíî") tied with Windows-1251.
      if ((bytes[i - 1] ?? 0) >= 0x80 && prev & LETTER_BIT && (bytes[i + 1] ?? 0) >= 0x80 && next & LETTER_BIT)
        score += cyrillic ? 1 : -1;
    }
    // A symbol inside a word, again and again, rules the code page out however many
    // ordinary letters it also reads: "K÷ln" is never text.
    const vetoed = impossible >= 3 && impossible * 1000 >= high;
    if ((bestVetoed && !vetoed) || (vetoed === bestVetoed && score > bestScore)) {
      bestScore = score;
      best = enc;
      bestVetoed = vetoed;
    }
  }
  // Text in any code page reads mostly as letters in words; bytes that read as symbols
  // inside words under every code page are not text folio can decode.
  return { encoding: best, plausible: high < 32 || bestScore > -2 * high };
}

const OTHER = 0;
const TYPO = 1;
const LETTER_BIT = 2;
const CYRILLIC_BIT = 4;
const LOWER_BIT = 8;
const UPPER_BIT = 16;
const kinds = new Map<Encoding, Uint8Array>();

/** What each byte is in a code page (letter, script, case, punctuation), computed once per code page. */
function byteKinds(enc: Encoding): Uint8Array {
  let kind = kinds.get(enc);
  if (kind) return kind;
  kind = new Uint8Array(256);
  const table = singleByteTable(enc);
  for (let b = 0; b < 256; b++) {
    const ch = table[b] ?? '';
    if (LETTER.test(ch)) {
      kind[b] =
        LETTER_BIT |
        (CYRILLIC.test(ch) ? CYRILLIC_BIT : 0) |
        (ch !== ch.toUpperCase() ? LOWER_BIT : 0) |
        (ch !== ch.toLowerCase() ? UPPER_BIT : 0);
    } else {
      kind[b] = TYPOGRAPHIC.includes(ch) ? TYPO : OTHER;
    }
  }
  kinds.set(enc, kind);
  return kind;
}

/** Punctuation that real exports hold in text: no-break space, quotes, dashes, №, €, °. */
const TYPOGRAPHIC = '\u00a0“”‘’„«»–—…•№€°·';

const LETTER = /^\p{L}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

// Code page 437 (the original IBM PC set), 0x80..0xFF; TextDecoder does not know it.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

// Windows-1252 at 0x80..0x9F, from the WHATWG index (the five bytes it leaves to control codes
// stay control codes). Node 20's TextDecoder reads the whole of windows-1252 as Latin-1, so
// curly quotes, dashes and the euro sign came out as invisible C1 controls (nodejs/node#56542).
const CP1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const C1_CONTROL = /[\x80-\x9f]/g;

const tables = new Map<Encoding, string[]>();

/** The 256 characters of a single-byte code page, built once. */
export function singleByteTable(enc: Encoding): string[] {
  let table = tables.get(enc);
  if (table) return table;
  table = [];
  if (enc === 'cp437') {
    for (let b = 0; b < 0x80; b++) table.push(String.fromCharCode(b));
    for (const ch of CP437_HIGH) table.push(ch);
  } else if (enc === 'windows-1252') {
    for (let b = 0; b < 256; b++)
      table.push(b >= 0x80 && b < 0xa0 ? (CP1252_C1[b - 0x80] as string) : String.fromCharCode(b));
  } else {
    const decoder = new TextDecoder(enc);
    for (let b = 0; b < 256; b++) table.push(decoder.decode(new Uint8Array([b])));
  }
  tables.set(enc, table);
  return table;
}

/** A streaming decoder: bytes in, text out, the same for every encoding folio reads. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array, final: boolean): string;
}

export function createDecoder(enc: Encoding, file: string): ChunkDecoder {
  if (enc === 'cp437') {
    const table = singleByteTable(enc);
    return {
      decode(bytes) {
        let out = '';
        let start = 0;
        // Runs of ASCII go through latin1 in one call; only high bytes use the table.
        for (let i = 0; i < bytes.length; i++) {
          const b = bytes[i] ?? 0;
          if (b < 0x80) continue;
          if (i > start) out += latin1(bytes.subarray(start, i));
          out += table[b];
          start = i + 1;
        }
        if (start < bytes.length) out += latin1(bytes.subarray(start));
        return out;
      },
    };
  }
  if (enc === 'windows-1252') {
    // Above 0x9F Windows-1252 is Latin-1, which Buffer decodes natively; only the C1 range is mapped.
    return {
      decode: (bytes) => latin1(bytes).replace(C1_CONTROL, (ch) => CP1252_C1[ch.charCodeAt(0) - 0x80] as string),
    };
  }
  const decoder = new TextDecoder(enc, { fatal: enc === 'utf-8', ignoreBOM: true });
  let consumed = 0;
  // Newlines already passed, so an invalid byte can be reported by line.
  let lines = 0;
  return {
    decode(bytes, final) {
      try {
        const text = decoder.decode(bytes, { stream: !final });
        consumed += bytes.length;
        lines += countNewlines(bytes, bytes.length);
        return text;
      } catch {
        const at = firstInvalidUtf8(bytes);
        throw new FolioError({
          code: 'INVALID_UTF8',
          file,
          line: lines + countNewlines(bytes, at) + 1,
          says: says('INVALID_UTF8', { byte: consumed + at }),
        });
      }
    },
  };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails strict decoding.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
