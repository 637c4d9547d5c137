import { NUMBER_CELL, type CellKinds } from '../io/cells.js';
import type { RecordHandler } from '../io/csv-scanner.js';
import { formatMicros, MoneySum } from './money.js';
import { newParsedAmount, NumberRead, readAmount } from './numbers.js';
import { isTotalsLabel } from './totals-label.js';

/**
 * Subtotal rows of a report-shaped workbook (1C, BI tools): rows grouped under a group row
 * whose amount is the sum of the rows under it. A group row is told by its shape, then
 * proved by its sum: the rows under it start further right (their first filled cell is in a
 * later column, a group label standing to their left) or further in (more leading spaces in
 * the same column), and the amounts of its direct children, exactly summed, equal its own.
 * Only then is it dropped, and named in a warning; a group row whose sum does not check is
 * an ordinary row. Nested groups are checked level by level (a manager's total is the sum
 * of the client totals under it, each of those the sum of its rows).
 *
 * The rows under a dropped group row take its label where their own cell to the left of
 * their content is empty: in a report, a blank under a group label means "the same".
 * Totals rows (`Итого`, `Total`) close every open group and pass on: the totals check
 * compares them with the rows counted. Below a totals row, lines without an amount or any
 * number (`Сформирован: 01.12.2024`, a signature line) are the report's footer, not data.
 */

export interface SubtotalNote {
  line: number;
  /** The group row's label: its first filled cell. */
  label: string;
  amount: string;
  /** Rows directly under it whose amounts add up to it. */
  rows: number;
}

/** Rows held while a group is open, at most: past it the groups are passed on unchecked (and said). */
const MAX_HELD = 200_000;
const MAX_NOTES = 5;

interface Held {
  fields: string[];
  line: number;
  kinds: CellKinds | undefined;
  drop: boolean;
  /** Column of the first filled cell. */
  first: number;
}

interface Group {
  held: Held;
  depth: number;
  /** Amount in millionths, null when the cell is empty or no number. */
  amount: bigint | null;
  children: number;
  sum: MoneySum;
  /** Every direct child had an amount to add. */
  complete: boolean;
}

export class SubtotalRows {
  /** Group rows dropped. */
  count = 0;
  readonly notes: SubtotalNote[] = [];
  /** Cells of rows under a dropped group filled with its label. */
  filled = 0;
  /** Line of the group row whose rows were passed on unchecked, past `MAX_HELD`; 0 when none. */
  uncheckedAt = 0;
  private readonly held: Held[] = [];
  private readonly open: Group[] = [];
  private readonly parsed = newParsedAmount();
  /** The last row with content was a totals row or a footer line. */
  private afterTotals = false;

  constructor(
    private readonly amountAt: number,
    private readonly next: RecordHandler,
  ) {}

  readonly push: RecordHandler = (fields, line, kinds) => {
    const first = fields.findIndex((f) => f.trim() !== '');
    const entry: Held = { fields: fields.slice(), line, kinds: kinds?.slice(), drop: false, first };
    const label = first === -1 ? '' : (fields[first] as string);
    if (first === -1 || isTotalsLabel(label)) {
      this.closeAll();
      this.held.push(entry);
      this.flush();
      this.afterTotals = true;
      return;
    }
    this.afterTotals = false;
    const depth = first * 1000 + Math.min(999, label.length - label.trimStart().length);
    while (this.open.length > 0 && (this.open[this.open.length - 1] as Group).depth >= depth) this.close();
    const amount = this.amountOf(entry);
    const parent = this.open[this.open.length - 1];
    if (parent) {
      parent.children++;
      if (amount === null) parent.complete = false;
      else parent.sum.add(Number(amount / 1_000_000n), Number(amount % 1_000_000n));
    }
    this.held.push(entry);
    this.open.push({ held: entry, depth, amount, children: 0, sum: new MoneySum(), complete: true });
    if (this.open.length === 1 && this.held.length > 1) this.flush(this.held.length - 1);
    if (this.held.length > MAX_HELD) {
      this.uncheckedAt = (this.open[0] as Group).held.line;
      this.open.length = 0;
      this.flush();
    }
  };

  /** Whether a row is a footer line: below a totals row (or another footer line), with no amount and no number. */
  footer(fields: string[], kinds: CellKinds | undefined): boolean {
    if (!this.afterTotals || (fields[this.amountAt] ?? '').trim() !== '') return false;
    for (let i = 0; i < fields.length; i++) if (kinds?.[i] === NUMBER_CELL && fields[i] !== '') return false;
    return true;
  }

  end(): void {
    this.closeAll();
    this.flush();
  }

  private amountOf(entry: Held): bigint | null {
    const raw = entry.fields[this.amountAt] ?? '';
    const typed = entry.kinds?.[this.amountAt] === NUMBER_CELL;
    const r = readAmount(raw, typed ? '.' : null, this.parsed);
    if (r !== NumberRead.Ok) return null;
    return BigInt(this.parsed.whole) * 1_000_000n + BigInt(this.parsed.micro);
  }

  private close(): void {
    const g = this.open.pop() as Group;
    if (g.children === 0 || !g.complete || g.amount === null || g.sum.toMicros() !== g.amount) return;
    g.held.drop = true;
    this.count++;
    if (this.notes.length < MAX_NOTES)
      this.notes.push({
        line: g.held.line,
        label: (g.held.fields[g.held.first] as string).trim(),
        amount: formatMicros(g.amount),
        rows: g.children,
      });
    this.fillDown(g.held);
  }

  /** The rows under a dropped group take its label cells to the left of their own content. */
  private fillDown(group: Held): void {
    const at = this.held.indexOf(group);
    for (let i = at + 1; i < this.held.length; i++) {
      const row = this.held[i] as Held;
      if (row.first <= group.first) break;
      if (row.drop) continue;
      for (let c = group.first; c < row.first; c++) {
        const label = group.fields[c] ?? '';
        if (label.trim() === '' || group.kinds?.[c] === NUMBER_CELL || (row.fields[c] ?? '').trim() !== '') continue;
        row.fields[c] = label;
        this.filled++;
      }
    }
  }

  private closeAll(): void {
    while (this.open.length > 0) this.close();
  }

  /** Hand on the held rows before `upTo` (all of them by default), the dropped ones left out. */
  private flush(upTo = this.held.length): void {
    const out = this.held.splice(0, upTo);
    for (const h of out) if (!h.drop) this.next(h.fields, h.line, h.kinds);
  }
}
