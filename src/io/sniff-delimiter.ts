import type { Escape } from './sniff-escape.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

const SAMPLE_RECORDS = 200;

interface Candidate {
  delimiter: string;
  headerFields: number;
  /** Records above the header (a report's title and parameters). */
  above: number;
  /** Records from the header down with the header's field count. */
  agreeing: number;
}

/**
 * Pick the delimiter under which the sample reads as a table: a header whose field count
 * the rows below it repeat. The header is the first record with the most common field
 * count, so title and parameter lines above it do not hide the table. Quotes are
 * honoured, so a `;` file full of decimal commas, or a `,` file with quoted `;` in its
 * values, is not fooled. With no clear winner: comma.
 */
export function sniffDelimiter(sample: string, complete: boolean, escape: Escape = 'double'): string {
  let best: Candidate | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, complete, escape === 'backslash');
    if (counts.length === 0) continue;
    // A trailing delimiter on every line (Bitrix24) adds one field to header and rows alike.
    const headerFields = mostCommon(counts);
    const above = counts.indexOf(headerFields);
    const agreeing = counts.slice(above).filter((c) => c === headerFields).length;
    const candidate = { delimiter, headerFields, above, agreeing };
    if (!best || better(candidate, best)) best = candidate;
  }
  return best && best.headerFields > 1 ? best.delimiter : ',';
}

/** The most frequent value; the larger one on a tie. */
function mostCommon(counts: number[]): number {
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let best = 0;
  let seen = 0;
  for (const [value, n] of tally) {
    if (n > seen || (n === seen && value > best)) {
      best = value;
      seen = n;
    }
  }
  return best;
}

/**
 * A table beats none; then the one more records agree with (counted, not as a share: a
 * short totals row in a `;` file must not hand the vote to `,`, under which the data rows
 * of a file with decimal commas look like a table that starts one line too late, with
 * every row agreeing); then the header found higher up; then more fields.
 */
function better(a: Candidate, b: Candidate): boolean {
  const aTable = a.headerFields > 1;
  const bTable = b.headerFields > 1;
  if (aTable !== bTable) return aTable;
  if (a.agreeing !== b.agreeing) return a.agreeing > b.agreeing;
  if (a.above !== b.above) return a.above < b.above;
  return a.headerFields > b.headerFields;
}

/**
 * Field counts of the first records under one delimiter, honouring quotes (and, in a
 * backslash-escaped file, `\x` as one escaped character). A small loop of its own rather
 * than the scanner: running the scanner with four delimiters and throwaway callbacks first
 * would leave its hot loop less optimised for the real read.
 */
function fieldCounts(sample: string, delimiter: string, complete: boolean, backslash: boolean): number[] {
  const counts: number[] = [];
  const delim = delimiter.charCodeAt(0);
  let fields = 1;
  let inQuotes = false;
  let lineHasText = false;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (backslash && c === 92) {
      i++;
      lineHasText = true;
      continue;
    }
    if (inQuotes) {
      if (c === 34) {
        if (sample.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 34) {
      inQuotes = true;
      lineHasText = true;
    } else if (c === delim) {
      fields++;
      lineHasText = true;
    } else if (c === 10 || c === 13) {
      if (lineHasText) counts.push(fields);
      fields = 1;
      lineHasText = false;
    } else {
      lineHasText = true;
    }
  }
  if (complete && lineHasText && !inQuotes && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}
