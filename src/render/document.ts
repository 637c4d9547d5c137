/**
 * What a command shows a person, independent of the format: titled sections of tables,
 * facts and notes. Table and Markdown output render this; JSON, NDJSON and CSV render the
 * command's result and rows instead, so that programs get raw values.
 */
export type Tone = 'golden' | 'critical' | 'key' | 'good' | 'warn' | 'bad' | 'muted' | 'strong';

/** Colours a piece of text for a tone; `plain` leaves it alone (no colour). */
export type Paint = (tone: Tone, text: string) => string;

export const plain: Paint = (_tone, text) => text;

export interface StyledCell {
  text: string;
  tone?: Tone;
  /** A bar drawn after the text, of this fraction of the full width (0..1). */
  bar?: number;
}

export type Cell = string | StyledCell;

export interface Column {
  label: string;
  align?: 'left' | 'right';
}

export interface GridCell {
  title: string;
  value: string;
  tone: Tone;
}

/**
 * Charts drawn by the HTML report; other formats carry the same figures as tables. Each has
 * a `name` that says what it shows: its accessible name and its title (worded by present).
 */
export type Chart =
  /**
   * A bar per client's share: `title` its tooltip, `label` the client's name under the axis
   * (the top clients only), `tone` its class's colour; `lines`: the class thresholds with their
   * labels; `axis`: the labels of 0, 25, 50, 75 and 100%; `legend`: each colour's class.
   */
  | {
      type: 'pareto';
      name: string;
      bars: { title: string; share: number; label?: string; tone?: Tone }[];
      cumulative: number[];
      lines: { at: number; label: string }[];
      axis: string[];
      legend: { label: string; tone?: Tone }[];
    }
  /** Rows × columns of cells: the 2×2 want/can and lead grids, the 3×3 ABC×XYZ grid. */
  | { type: 'grid'; name: string; rowLabels: string[]; colLabels: string[]; cells: GridCell[][] }
  /** One small line per row over equal steps (a client's monthly revenue). */
  | { type: 'sparklines'; name: string; rows: { label: string; values: number[] }[] }
  /**
   * Small funnels side by side (the team's, then each manager's): a bar per step, as wide as
   * its share of the first step. `title` heads a funnel; `name` is its accessible name.
   */
  | {
      type: 'funnels';
      funnels: { title: string; name: string; bars: { label: string; share: number; tone: Tone }[] }[];
    }
  /** Days are ISO (they place the dots); `dayText` writes one as the document's language does. */
  | {
      type: 'timeline';
      name: string;
      from: string;
      to: string;
      rows: { label: string; positives: string[]; negatives: string[] }[];
      dayText?: Record<string, string>;
    };

export type Section =
  | { kind: 'table'; title?: string; columns: Column[]; rows: Cell[][]; empty?: string }
  | { kind: 'facts'; title?: string; facts: [string, Cell][] }
  | { kind: 'notes'; title?: string; lines: Cell[] }
  | { kind: 'chart'; title?: string; chart: Chart }
  | { kind: 'heading'; title: string };

export interface Doc {
  title: string;
  sections: Section[];
  /** Language of the text, for HTML. */
  lang?: string;
}

export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

/** Flat records for CSV, NDJSON and spreadsheets: one per item of a list. */
export type MachineRow = Record<string, string | number | boolean | null>;

/**
 * What a column holds, for a spreadsheet: a number, a share (a fraction, shown as a
 * percentage), a day (ISO text, written as a date), a yes/no, or text. CSV and NDJSON write
 * the value as it is.
 */
export type ValueType = 'text' | 'integer' | 'decimal' | 'share' | 'date' | 'boolean';

export interface DataColumn {
  /** The field's name in NDJSON and CSV (English, stable). */
  key: string;
  /** Its name for people (a spreadsheet's header), in the output's language. */
  label: string;
  type: ValueType;
}

/**
 * One section of a command's data: a list (clients, leads, findings) or a single record (a
 * summary). NDJSON and CSV tell sections apart by `section`; a workbook gives each a sheet.
 * A new section is one more table in the command's list: no format knows sections by name.
 */
export interface DataTable {
  /** Stable English name: NDJSON's and CSV's `section` (`share`, `leads`, `cadence`…). */
  section: string;
  /** Its name for people (a sheet's name), in the output's language. */
  title: string;
  columns: DataColumn[];
  /** Made as they are written: a million leads are never held as rows. */
  rows: Iterable<MachineRow>;
  /** One record, not a list: a spreadsheet shows it as name and value down two columns. */
  record?: boolean;
}
