import { formatMicros, MoneySum } from './money.js';

const MAX_SHOWN = 5;

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
  private readonly notes: string[] = [];
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
        const [counted, which] = this.sectionRows > 0 && this.previous > 0 ? [section, ` since line ${this.previous}`] : [all, ''];
        this.notes.push(`line ${line} says ${formatMicros(stated)}, the won rows above it${which} sum to ${formatMicros(counted)} (${formatMicros(stated - counted)} apart)`);
      }
    }
    this.section = new MoneySum();
    this.sectionRows = 0;
    this.previous = line;
  }

  /** One sentence for the warning, or '' when no totals row had a readable amount. */
  summary(): string {
    if (this.compared === 0) return '';
    if (this.agreeing === this.compared) return `; their amounts agree with the won rows above them`;
    return `; ${this.agreeing} of ${this.compared} agree with the won rows above them; ${this.notes.join('; ')}`;
  }
}
