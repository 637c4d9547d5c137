import { createHash } from 'node:crypto';
import { displayName, nameKey } from '../normalize/text.js';
import type { MachineRow } from '../render/document.js';
import type { CommandOutput } from './output.js';
import type { NameKind, NameSink } from '../load/names.js';

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';
const HAS_LETTER = /\p{L}/u;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Stable short names for clients and people: the same name gives the same hash on every
 * run and machine, so CI logs can be compared without showing who the clients are.
 *
 * It learns every name as the inputs are read, and replaces each of them in every string
 * that leaves folio: the result, the tables, warnings and errors. A warning written later
 * cannot leak a name, because nothing is printed without passing through here.
 */
export class Redactor implements NameSink {
  private readonly names = new Map<string, string>();
  private pattern: RegExp | null = null;

  learn(name: string, kind: NameKind): void {
    const shown = displayName(name.trim());
    if (shown === '' || this.names.has(shown)) return;
    const hash = createHash('sha256').update(nameKey(shown)).digest('hex').slice(0, 8);
    const alias = `${kind}-${hash}`;
    this.names.set(shown, alias);
    const raw = name.trim();
    if (raw !== shown) this.names.set(raw, alias);
    this.pattern = null;
  }

  /** Replace every known name inside a text, as a whole word; the longest first, so that "Acme Corp" wins over "Acme". */
  text(text: string): string {
    if (this.names.size === 0 || text === '') return text;
    const exact = this.names.get(text);
    if (exact !== undefined) return exact;
    // Only names with a letter are looked for inside texts: a client known by a number
    // (`1458`, an account ID) would otherwise eat every count, amount and date that holds it.
    // Such names are still replaced wherever they are the whole value.
    this.pattern ??= new RegExp(
      `${BOUNDARY_BEFORE}(?:${
        [...this.names.keys()]
          .filter((n) => HAS_LETTER.test(n))
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|') || '(?!)'
      })${BOUNDARY_AFTER}`,
      'gu',
    );
    return text.replace(this.pattern, (name) => this.names.get(name) ?? name);
  }

  /** A copy with every name in every string replaced. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.deep(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T;
    }
    return value;
  }

  /** Rows redacted one at a time, as they are written. */
  private *each(rows: Iterable<MachineRow>): Generator<MachineRow> {
    for (const row of rows) yield this.deep(row);
  }

  /** A command's output with names replaced in every format it can be rendered in. */
  output(output: CommandOutput): CommandOutput {
    const { github } = output;
    return {
      ...output,
      envelope: this.deep(output.envelope),
      doc: () => this.deep(output.doc()),
      tables: (lang) => output.tables(lang).map((table) => ({ ...table, rows: this.each(table.rows) })),
      ...(github ? { github: () => this.text(github()) } : {}),
    };
  }
}
