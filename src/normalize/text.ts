/**
 * Names as people type them: 1C pads with spaces, one export writes «Ивану» and another
 * "Ивану", one person types Иванов and another иванов. Two spellings with the same key are
 * one person (a manager), or one flag value. Clients are keyed by client-key.ts, which also
 * reads punctuation and legal forms.
 */
const QUOTES = /["'«»“”„‟‘’‚`]/g;
const SPACES = /[\s\u00a0\u202f]+/g;

export function nameKey(name: string): string {
  return name.replace(QUOTES, '').replace(SPACES, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}

const TIDY = /^\S+(?: \S+)*$/;

/** The name as shown: outer spaces trimmed, inner runs of spaces collapsed. */
export function displayName(name: string): string {
  // Most names are already tidy; testing is cheaper than rewriting.
  return name === '' || TIDY.test(name) ? name : name.replace(SPACES, ' ').trim();
}

/**
 * A copy that shares no memory with the chunk it was cut from. A slice of a 1 MiB read
 * buffer kept as a Map key would keep the whole buffer alive.
 */
export function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Header names compared without case, spaces or punctuation: `Close Date` = `close_date`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}
