import { type Warning, warning } from '../codes/warnings.js';
import { doubled } from './byte-interner.js';
import { exactKey, keyOfParts, nameParts, type NameMatching } from './client-key.js';
import { detach, displayName } from './text.js';

/** The inputs whose rows name clients. */
export type NameInput = 'deals' | 'activities' | 'leads' | 'clients' | 'offers';
const INPUTS: readonly NameInput[] = ['deals', 'activities', 'leads', 'clients', 'offers'];
const INPUT_INDEX = Object.fromEntries(INPUTS.map((input, i) => [input, i])) as Record<NameInput, number>;
const DEALS = INPUT_INDEX.deals;

/** One spelling as shown (raw spellings that differ in outer spaces are one), and the rows of each input that spell the client so. */
interface Spelling {
  /** As shown: outer spaces trimmed, inner runs made one. */
  shown: string;
  client: Client;
  rows: number[];
}

interface Client {
  key: string;
  /** The name without its legal form (`nameParts`), '' under `--exact-names`. */
  core: string;
  /** Its spellings in the order first met. */
  spellings: Spelling[];
  /** The input that first counted a row of it, -1 before any. */
  first: number;
}

/** Clients named in warnings, the ones of most rows first; the rest are counted. */
const MAX_LISTED = 10;

/** A spelling's rows, key and core, as a part of a deals file read on another thread hands them over (not keyed twice). */
export type SpellingData = [spelling: string, rows: number, key: string, core: string][];

/**
 * The clients of a run by their key (`client-key.ts`), and how each input spells them: every
 * input of a command keys its clients here, so a client is one client in the deals, the
 * activity log, the clients file, the leads and the offers. A spelling is keyed once; per
 * row, counting it is a map lookup (an array index for the byte reader's numbered spellings).
 *
 * A client is shown under its most frequent spelling among the rows of the first input that
 * names it (ties: the spelling met first). Commands read the deals first, so a client with
 * deals is shown as the deals spell it most often, whatever the activity log does.
 */
export class ClientNames {
  /** Spellings by how they are shown, and by the raw spellings read (spaces and all) as far as a ledger keeps them. */
  private readonly bySpelling = new Map<string, Spelling>();
  /** Raw spellings other than shown ones stored. */
  private raw = 0;
  private readonly clients = new Map<string, Client>();
  /** The byte reader's numbered spellings, and the rows of each not yet added to its counts. */
  private readonly numbered: Spelling[] = [];
  private pending: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** Whether any row is pending: a numbered spelling's first row since the last adding up makes it so. */
  private unsettled = false;
  private numbering: object | null = null;

  constructor(readonly matching: NameMatching = 'merged') {}

  /** The key of a client spelt so. */
  key(spelling: string): string {
    return (this.bySpelling.get(spelling) ?? this.spelling(spelling)).client.key;
  }

  /** Count a row of `input` that names the client so, and return its key. */
  seen(spelling: string, input: NameInput): string {
    const s = this.bySpelling.get(spelling) ?? this.spelling(spelling);
    const i = INPUT_INDEX[input];
    s.rows[i] = (s.rows[i] as number) + 1;
    if (s.client.first < 0) s.client.first = i;
    return s.client.key;
  }

  /**
   * Count a deal row, as `seen`. `number` (≥ 0) is the spelling's number in `numbering`, the
   * byte reader's, when it has one: then the row costs an addition to a typed array (a
   * million rows read from their bytes are the case to be fast for), added to the spelling's
   * rows when they are asked for.
   */
  seenDeal(spelling: string, number: number, numbering: object | null): void {
    if (number >= 0 && numbering !== null && (this.numbering ??= numbering) === numbering) {
      const pending = this.pending;
      if (number < pending.length && (pending[number] as number) > 0) pending[number] = (pending[number] as number) + 1;
      else this.firstNumbered(spelling, number);
      return;
    }
    this.seen(spelling, 'deals');
  }

  /** A numbered spelling's first row, or its first since the counts were last added up. */
  private firstNumbered(spelling: string, number: number): void {
    while (number >= this.pending.length) this.pending = doubled(this.pending);
    let s = this.numbered[number];
    if (s === undefined) this.numbered[number] = s = this.bySpelling.get(spelling) ?? this.spelling(spelling);
    if (s.client.first < 0) s.client.first = DEALS;
    this.pending[number] = 1;
    this.unsettled = true;
  }

  /** Add the numbered spellings' pending rows to their counts. */
  private settle(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    const pending = this.pending;
    this.numbered.forEach((s, number) => {
      s.rows[DEALS] = (s.rows[DEALS] as number) + (pending[number] as number);
      pending[number] = 0;
    });
  }

  /** The name a client is shown by (see the class); `fallback` for a key no row named. */
  name(key: string, fallback = key): string {
    this.settle();
    const client = this.clients.get(key);
    if (client === undefined || client.first < 0) return fallback;
    let best = '';
    let most = 0;
    for (const s of client.spellings) {
      const rows = s.rows[client.first] as number;
      if (rows > most) {
        best = s.shown;
        most = rows;
      }
    }
    return best;
  }

  /** The deals rows of each spelling, in the order first met: what a part read on another thread hands over. */
  toData(): SpellingData {
    this.settle();
    const out: SpellingData = [];
    for (const client of this.clients.values())
      for (const s of client.spellings)
        if ((s.rows[DEALS] as number) > 0) out.push([s.shown, s.rows[DEALS] as number, client.key, client.core]);
    return out;
  }

  /** Add the deals rows of a later part of the same file, as if its rows had been read here. */
  absorb(data: SpellingData): void {
    for (const [spelling, rows, key, core] of data) {
      const s = this.bySpelling.get(spelling) ?? this.spelling(spelling, { key, core });
      s.rows[DEALS] = (s.rows[DEALS] as number) + rows;
      if (s.client.first < 0) s.client.first = DEALS;
    }
  }

  /**
   * What the user must know of the matching: clients that were read under several
   * spellings (`CLIENT_SPELLINGS_MERGED`), and names that differ in their legal form only,
   * kept apart (`CLIENT_FORMS_DIFFER`). Nothing under `--exact-names`, which merges nothing
   * and reads no form (its clients have no core).
   */
  warnings(): Warning[] {
    this.settle();
    const merged: { client: string; rows: number; spellings: { spelling: string; rows: number }[] }[] = [];
    const byCore = new Map<string, { client: string; rows: number }[]>();
    for (const client of this.clients.values()) {
      if (client.first < 0 || client.core === '') continue;
      const spellings = client.spellings
        .map((sp) => ({ spelling: sp.shown, rows: sp.rows.reduce((a, b) => a + b, 0) }))
        .filter((sp) => sp.rows > 0);
      const rows = spellings.reduce((sum, s) => sum + s.rows, 0);
      const name = this.name(client.key);
      if (spellings.length > 1) {
        // The most rows first; a tie in the order met, as the name shown is chosen.
        spellings.sort((a, b) => b.rows - a.rows);
        merged.push({ client: name, rows, spellings });
      }
      const same = byCore.get(client.core);
      if (same) same.push({ client: name, rows });
      else byCore.set(client.core, [{ client: name, rows }]);
    }
    const out: Warning[] = [];
    if (merged.length > 0) {
      merged.sort((a, b) => b.rows - a.rows || order(a.client, b.client));
      out.push(
        warning('CLIENT_SPELLINGS_MERGED', {
          count: merged.length,
          clients: merged.slice(0, MAX_LISTED).map(({ client, spellings }) => ({ client, spellings })),
        }),
      );
    }
    const apart = [...byCore.values()].filter((g) => g.length > 1);
    if (apart.length > 0) {
      for (const g of apart) g.sort((a, b) => b.rows - a.rows || order(a.client, b.client));
      const total = (g: { rows: number }[]): number => g.reduce((sum, c) => sum + c.rows, 0);
      apart.sort(
        (a, b) =>
          total(b) - total(a) || order((a[0] as { client: string }).client, (b[0] as { client: string }).client),
      );
      out.push(warning('CLIENT_FORMS_DIFFER', { count: apart.length, groups: apart.slice(0, MAX_LISTED) }));
    }
    return out;
  }

  /** A spelling's key and core under the matching in effect. */
  private keyOf(shown: string): { key: string; core: string } {
    if (this.matching === 'exact') return { key: exactKey(shown), core: '' };
    const parts = nameParts(shown);
    return { key: keyOfParts(parts, shown), core: parts.core };
  }

  /**
   * A spelling `bySpelling` does not hold: keyed (unless a part on another thread keyed it
   * already) and joined to its client, or, when only its outer spaces are new, found by how
   * it is shown.
   */
  private spelling(spelling: string, keyed?: { key: string; core: string }): Spelling {
    const shown = displayName(spelling);
    let s = shown === spelling ? undefined : this.bySpelling.get(shown);
    if (s === undefined) {
      // One copy of the spelling, apart from the chunk it may have been cut from; the key and
      // core are made from the copy (or come from another thread), so they hold no chunk either.
      const own = keyed ? shown : detach(shown);
      const { key, core } = keyed ?? this.keyOf(own);
      let client = this.clients.get(key);
      if (client === undefined) {
        client = { key, core, spellings: [], first: -1 };
        this.clients.set(key, client);
      }
      s = { shown: own, client, rows: [0, 0, 0, 0, 0] /* one count per input of INPUTS */ };
      client.spellings.push(s);
      this.bySpelling.set(own, s);
    }
    // As many raw spellings as a ledger keeps: a million distinct ones are a hostile file, not a portfolio.
    if (shown !== spelling && this.raw < 1_000_000) {
      this.raw++;
      this.bySpelling.set(detach(spelling), s);
    }
    return s;
  }
}

/** Names in a fixed order whatever the machine's locale. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
