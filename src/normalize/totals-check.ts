import { formatMicros, MoneySum } from './money.js';

const MAX_SHOWN = 5;

/** A totals row whose amount differs from the won rows above it (`since`: the previous totals row, when the sum starts there). */
export interface TotalsNote {
  line: number;
  stated: string;
  since: number | null;
  counted: string;
  apart: string;
}

/**
 * Compares what a totals row says with the amounts counted above it, so that a user sees
 * whether folio and the export agree. A totals row closes a section: the next one is
 * compared with the rows after it, or (a grand total under subtotals) with all rows above.
 */
export class TotalsCheck {
  private section = new MoneySum();
  private sectionRows = 0;
  private readonly all = new MoneySum();
  /** Line of the previous totals row, 0 before the first. */
  private previous = 0;
  private readonly notes: TotalsNote[] = [];
  private agreeing = 0;
  private compared = 0;

  add(whole: number, micro: number): void {
    this.section.add(whole, micro);
    this.sectionRows++;
    this.all.add(whole, micro);
  }

  /** A totals row on `line` stating `stated` millionths (null when its amount cell is empty or unreadable). */
  close(line: number, stated: bigint | null): void {
    if (stated !== null) {
      this.compared++;
      const section = this.section.toMicros();
      const all = this.all.toMicros();
      if (stated === section || stated === all) this.agreeing++;
      else if (this.notes.length < MAX_SHOWN) {
        // A grand total right under a subtotal closes no rows of its own: it is the sum of all.
        const [counted, since] = this.sectionRows > 0 && this.previous > 0 ? [section, this.previous] : [all, null];
        this.notes.push({
          line,
          stated: formatMicros(stated),
          since,
          counted: formatMicros(counted),
          apart: formatMicros(stated - counted),
        });
      }
    }
    this.section = new MoneySum();
    this.sectionRows = 0;
    this.previous = line;
  }

  /** What the warning says of the totals rows: how many had an amount, how many agreed, and the others. */
  summary(): { compared: number; agreeing: number; notes: TotalsNote[] } {
    return { compared: this.compared, agreeing: this.agreeing, notes: [...this.notes] };
  }
}
