import { RepeatTable } from './repeat-table.js';
import { headerKey } from './text.js';

/** Where a line was first seen: the file (its place among the files of the input) and the line. */
const FILE_STRIDE = 2 ** 32;

/**
 * What the deal lines read so far have shown, kept for every file of one deals input: a line
 * repeated whole is folded whether its first copy was in this file or an earlier one
 * (exports of January–February and February–March both hold February).
 */
export class DealRepeats {
  /** The first row of each ID: fingerprints and line. */
  idLines = new RepeatTable();
  /** Deals without product rows, by ID: their amount counts once. */
  readonly dealAmounts = new Map<string, { whole: number; micro: number; where: number }>();
  private readonly files: string[] = [];
  /**
   * The number of `idLines` entries when each file began: files are read one after another,
   * so an entry's file is the last one begun before it (no file number kept per entry).
   */
  private readonly firstEntries: number[] = [];
  /**
   * Header keys of the first file, in its order: the order every file's cells are hashed in.
   * A part of a file read on another thread starts from those of the input's first file.
   */
  constructor(
    private columns: string[] | null = null,
    /** How many IDs to make room for at once (a part of a known size): growing the index as they come costs a rebuild per doubling. */
    expectedIds = 0,
  ) {
    if (expectedIds > 0) this.idLines = new RepeatTable(RepeatTable.slotBitsFor(expectedIds));
  }

  get firstColumns(): string[] | null {
    return this.columns;
  }

  /** Take `table` as the first rows of IDs, when none were kept before (the first file of an input read in parts). */
  adopt(table: RepeatTable): void {
    if (this.idLines.size > 0) throw new Error('adopt: rows of IDs already kept');
    this.idLines = table;
  }

  /** Start a file; returns its number and the hash position of each of its columns (null: their own). */
  begin(file: string, headers: readonly string[]): { index: number; positions: number[] | null } {
    this.files.push(file);
    this.firstEntries.push(this.idLines.size);
    const keys = headers.map(headerKey);
    if (this.columns === null) this.columns = keys;
    return { index: this.files.length - 1, positions: canonicalPositions(this.columns, keys) };
  }

  where(file: number, line: number): number {
    return file * FILE_STRIDE + line;
  }

  fileOf(where: number): number {
    return Math.floor(where / FILE_STRIDE);
  }

  /** The file of `idLines` entry `e`. */
  fileOfEntry(e: number): number {
    let lo = 0;
    let hi = this.firstEntries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.firstEntries[mid] as number) <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Where the first row of `idLines` entry `e` is, as `where` counts it. */
  whereOfEntry(e: number): number {
    return this.where(this.fileOfEntry(e), this.idLines.line(e));
  }

  /** The line of `where`, and its file when that is not `file`. */
  locate(where: number, file: number): { line: number; of: string | null } {
    const of = this.fileOf(where);
    return { line: where - of * FILE_STRIDE, of: of === file ? null : (this.files[of] ?? '?') };
  }
}

/**
 * Each column's position in the first file's column order, when this file has the same
 * headers (in any order): a line repeated whole is then the same cells under the same
 * headers. Headers spelled otherwise (one export in Russian, one in English) cannot be
 * matched by name, and the cells are compared in the order the file holds them.
 */
function canonicalPositions(first: readonly string[], keys: readonly string[]): number[] | null {
  if (first.length !== keys.length) return null;
  const free = new Map<string, number[]>();
  first.forEach((k, i) => free.set(k, [...(free.get(k) ?? []), i]));
  const out: number[] = [];
  for (const k of keys) {
    const at = free.get(k)?.shift();
    if (at === undefined) return null;
    out.push(at);
  }
  // The same order (the usual case) needs no look-up per cell.
  return out.every((p, i) => p === i) ? null : out;
}
