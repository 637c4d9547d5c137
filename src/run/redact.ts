import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { says } from '../codes/error-fields.js';
import { warning } from '../codes/warnings.js';
import { FolioError } from '../folio-error.js';
import { clientKey } from '../normalize/client-key.js';
import { displayName, nameKey } from '../normalize/text.js';
import { warningJson } from '../present/messages/warnings.js';
import type { MachineRow } from '../render/document.js';
import type { CommandOutput } from './output.js';
import type { NameKind, NameSink } from '../load/name-sink.js';

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';
const HAS_LETTER = /\p{L}/u;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The key of the pseudonyms, or why there is none (`emptyKey`: FOLIO_REDACT_KEY is set, but empty). */
export type RedactKey = { bytes: Buffer } | { bytes: null; emptyKey: boolean };

/**
 * The key of `--redact`: the file of `--redact-key-file` (its bytes, less the line break an
 * editor or `echo` ends it with), else FOLIO_REDACT_KEY. A file that cannot be read or holds
 * nothing stops the run: pseudonyms silently unkeyed would be the leak the key is there to stop.
 */
export async function redactKey(file: string | undefined, env: NodeJS.ProcessEnv): Promise<RedactKey> {
  if (file !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new FolioError({
        code: 'CANNOT_OPEN',
        file,
        says: says('REDACT_KEY_UNREADABLE', { reason }),
      });
    }
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
    if (end === 0) {
      throw new FolioError({
        code: 'CONFIG',
        file,
        says: says('REDACT_KEY_EMPTY', {}),
      });
    }
    return { bytes: bytes.subarray(0, end) };
  }
  const text = env.FOLIO_REDACT_KEY;
  if (text === undefined || text === '') return { bytes: null, emptyKey: text === '' };
  return { bytes: Buffer.from(text, 'utf8') };
}

/**
 * Stable short names for clients and people, so that CI logs can be compared without
 * showing who the clients are: the same name gives the same pseudonym on every run.
 *
 * With a key, a pseudonym is an HMAC of the name under it: only a holder of the key can tell
 * which name it stands for, even by guessing. Without one it is a plain hash, the same on
 * every machine, which anyone can compute for a guessed name; the output then says so.
 *
 * Every spelling of one client (`ClientNames`: quotes, case, the place of the legal form)
 * has its pseudonym. It learns every name as the inputs are read, and replaces each of them
 * in every string that leaves folio: the result, the tables, warnings and errors. A warning
 * written later cannot leak a name, because nothing is printed without passing through here.
 */
export class Redactor implements NameSink {
  private readonly names = new Map<string, string>();
  private pattern: RegExp | null = null;

  constructor(
    private readonly key: RedactKey = { bytes: null, emptyKey: false },
    /** How the run keys its clients (`ClientNames.key`): every spelling of one client is one pseudonym. */
    private readonly clientKeyOf: (name: string) => string = clientKey,
  ) {}

  learn(name: string, kind: NameKind): void {
    const shown = displayName(name.trim());
    if (shown === '' || this.names.has(shown)) return;
    const alias = `${kind}-${this.pseudonym(kind === 'client' ? this.clientKeyOf(shown) : nameKey(shown), kind)}`;
    this.names.set(shown, alias);
    const raw = name.trim();
    if (raw !== shown) this.names.set(raw, alias);
    this.pattern = null;
  }

  /** Eight hex digits: of an HMAC under the key (the kind in it too), or of a plain hash. */
  private pseudonym(id: string, kind: NameKind): string {
    const digest =
      this.key.bytes === null
        ? createHash('sha256').update(id)
        : createHmac('sha256', this.key.bytes).update(`${kind}\n${id}`);
    return digest.digest('hex').slice(0, 8);
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

  /** A command's output with names replaced in every format it can be rendered in; without a key, a warning that says what that leaves open. */
  output(output: CommandOutput): CommandOutput {
    const { github } = output;
    const envelope = this.deep(output.envelope);
    if (this.key.bytes === null)
      envelope.warnings = [
        ...envelope.warnings,
        warningJson(warning('REDACT_UNKEYED', { emptyKey: this.key.emptyKey })),
      ];
    return {
      ...output,
      envelope,
      doc: () => this.deep(output.doc()),
      tables: (lang) => output.tables(lang).map((table) => ({ ...table, rows: this.each(table.rows) })),
      ...(github ? { github: () => this.text(github()) } : {}),
    };
  }
}
