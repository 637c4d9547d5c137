import type { CellSays, ErrorCode } from '../codes/error-fields.js';
import { FolioError, type LocatedCell } from '../folio-error.js';

export interface Problem {
  file: string;
  line: number;
  column?: number;
  header?: string;
  /** The worksheet of a workbook (then `line` is its row). */
  sheet?: string;
  value?: string;
  code: ErrorCode;
  says: CellSays;
}

/** Problems listed in an error message; the rest are counted. */
const LISTED = 20;

/**
 * Bad values of one input. By default they stop the run once the file has been read
 * (all of them counted, the first 20 listed); with `--skip-invalid` their rows are
 * skipped and counted instead.
 */
export class Problems {
  readonly listed: Problem[] = [];
  count = 0;
  /** Set once the input turns out to be a worksheet: every problem is placed in it. */
  sheet: string | undefined;

  /**
   * `keep` is how many problems to keep (`folio check` keeps them all); `quote` false drops
   * the bad cell's value (under `--redact` it can be a name in a shifted column).
   */
  constructor(
    readonly skipInvalid: boolean,
    private readonly keep = LISTED,
    private readonly quote = true,
  ) {}

  add(problem: Problem): void {
    this.count++;
    if (this.listed.length >= this.keep) return;
    if (this.sheet !== undefined) problem.sheet = this.sheet;
    if (this.quote) this.listed.push(problem);
    else {
      const { value: _dropped, ...unquoted } = problem;
      this.listed.push(unquoted);
    }
  }

  /** Throw the collected problems unless rows are being skipped. */
  throwUnlessSkipping(): void {
    if (this.count === 0 || this.skipInvalid) return;
    throw this.toError();
  }

  toError(): FolioError {
    const [first, ...rest] = this.listed.slice(0, LISTED) as [Problem, ...Problem[]];
    return new FolioError({
      code: first.code,
      file: first.file,
      line: first.line,
      column: first.column,
      header: first.header,
      sheet: first.sheet,
      value: first.value,
      moreCount: this.count - 1 - rest.length,
      cells: [first, ...rest],
    });
  }

  /** What the skipped-rows warning says: how many, and the first, located, or null. */
  summary(): { count: number; first: LocatedCell } | null {
    if (this.count === 0) return null;
    const { code: _code, ...first } = this.listed[0] as Problem;
    return { count: this.count, first };
  }
}
