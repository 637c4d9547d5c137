import type { RevenueLedger } from '../analyses/ledger.js';
import type { ByteCsvScanner, ByteRecord } from '../io/byte-scanner.js';
import type { ChunkReader } from '../io/read-range.js';
import { doubled, FNV_OFFSET, FNV_PRIME } from '../normalize/byte-interner.js';
import { type DealByteConverter, FUSED_REVENUE } from '../normalize/deal-bytes.js';
import { countsAsRevenue, type Deal } from '../normalize/deals.js';
import { tallyCurrency } from './currencies.js';
import type { DealTargets } from './deal-sink.js';
import type { DealFilter } from './deals.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Takes a record, with the `fnvBytes` hash of each kept field when the walk took them (null: the scanner read it). */
export type FusedRecordHandler = (record: ByteRecord, hashes: Int32Array | null) => void;

/**
 * One walk over a part's bytes for the lines of the common shape: no field begins with a
 * quote, the line ends with LF or CRLF inside the chunk, no more fields than the header. Each
 * field's end is found and, for the fields the converter keeps by their bytes (client,
 * status, manager), the hash it looks them up by is taken in the same loop, so no byte is
 * read twice. Every other line (a quote, a lone CR, a line cut by the chunk's end, an empty
 * line, one over the limit) is handed to the byte scanner from its first byte, which reads it
 * with every check as before; the walk takes over at the next line once that record is closed.
 */
export class FusedDealWalker implements ChunkReader {
  private readonly record: ByteRecord;
  private readonly hashes: Int32Array;
  /** By field: 1 when its hash is wanted. */
  private readonly hashed: Uint8Array;
  private readonly delim: number;
  /** The longest record in bytes: a longer line is the scanner's to refuse. */
  private readonly max: number;
  /** Line the walk stands on (counted as the scanner counts). */
  private line = 1;

  constructor(
    private readonly scanner: ByteCsvScanner,
    options: { delimiter: number; fields: number; hashed: number[]; maxRecordLength: number },
    private readonly onRecord: FusedRecordHandler,
  ) {
    const n = options.fields;
    this.record = {
      bytes: new Uint8Array(0),
      count: 0,
      start: new Int32Array(n),
      end: new Int32Array(n),
      // Never written: no field the walk reads is quoted.
      quoted: new Uint8Array(n),
      line: 0,
    };
    this.hashes = new Int32Array(n);
    this.hashed = new Uint8Array(n);
    for (const f of options.hashed) if (f < n) this.hashed[f] = 1;
    this.delim = options.delimiter;
    this.max = options.maxRecordLength;
  }

  get currentLine(): number {
    return this.scanner.open ? this.scanner.currentLine : this.line;
  }

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    const bytes =
      chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    let p = 0;
    if (this.scanner.open) {
      p = this.toScanner(bytes, 0);
      if (p < 0) return;
    }
    while (p < n) {
      const next = this.walkLine(bytes, p);
      if (next >= 0) {
        p = next;
        continue;
      }
      this.scanner.resumeAt(this.line);
      p = this.toScanner(bytes, p);
      if (p < 0) return;
    }
  }

  end(): void {
    if (!this.scanner.open) return;
    this.scanner.end();
    this.line = this.scanner.currentLine;
  }

  /**
   * Hands the scanner the lines from `p` until its record closes; the position after them,
   * or -1 when the chunk ended first (the scanner keeps the open record).
   */
  private toScanner(bytes: Uint8Array, p: number): number {
    for (;;) {
      const lf = bytes.indexOf(LF, p);
      if (lf < 0) {
        this.scanner.push(bytes.subarray(p));
        if (!this.scanner.open) this.line = this.scanner.currentLine;
        return -1;
      }
      this.scanner.push(bytes.subarray(p, lf + 1));
      p = lf + 1;
      if (!this.scanner.open) {
        this.line = this.scanner.currentLine;
        return p;
      }
    }
  }

  /** Reads the line at `p` and hands it on; the position after its LF, or -1 when it is one for the scanner. */
  private walkLine(bytes: Uint8Array, p: number): number {
    const n = bytes.length;
    const delim = this.delim;
    // As in the scanner: bytes above both the delimiter and CR end no field.
    const high = delim > CR ? delim : CR;
    const { start, end } = this.record;
    const { hashed, hashes } = this;
    const fields = start.length;
    let f = 0;
    let i = p;
    let c = 0;
    for (;;) {
      if (f === fields || i === n || bytes[i] === QUOTE) return -1;
      const s = i;
      if (hashed[f] === 1) {
        let h = FNV_OFFSET;
        while (i < n) {
          c = bytes[i] as number;
          if (c <= high && (c === delim || c === LF || c === CR)) break;
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
        }
        hashes[f] = h;
      } else {
        while (i < n) {
          c = bytes[i] as number;
          if (c <= high && (c === delim || c === LF || c === CR)) break;
          i++;
        }
      }
      if (i === n) return -1;
      start[f] = s;
      end[f] = i;
      f++;
      if (c === LF || c === CR) break;
      i++;
    }
    // An empty line, and a line over the limit, are the scanner's to read and word.
    if ((f === 1 && i === p) || i - p > this.max) return -1;
    // A line ends with LF or CRLF here; a lone CR (or one at the chunk's end) is the scanner's.
    let next = i + 1;
    if (c === CR) {
      if (next === n || bytes[next] !== LF) return -1;
      next++;
    }
    const r = this.record;
    r.bytes = bytes;
    r.count = f;
    r.line = this.line++;
    this.onRecord(r, hashes);
    return next;
  }
}

/**
 * Whether a part's deals can be summed by `FusedSums`: the filter sends every won deal to the
 * one ledger (no period, no comparison, no window, no history, no currency chosen).
 */
export function sumsFused(filter: DealFilter): boolean {
  return (
    filter.period === null &&
    !filter.previous &&
    !filter.trailing &&
    !filter.history &&
    !filter.historyOnly &&
    filter.currency === undefined
  );
}

/**
 * What `DealSink.accept` does under a filter `sumsFused` accepts, with the ledger's sums
 * kept per pair of client and manager value numbers in typed arrays rather than added to
 * the ledger row by row; `flush` adds each pair's sum to the ledger, in the order the pairs
 * were first seen, which is the order the rows would have added them (so each client and
 * each of its managers enters the ledger where it would have). Sums of whole units and of
 * millionths are integers, exact in any order while they stay safe, as MoneySum's are.
 * A deal read from its text (no value numbers) is paired by its client and manager text.
 */
export class FusedSums {
  readonly excluded = { status: 0, period: 0, currency: 0, undated: 0 };
  used = 0;
  readonly undated = 0;
  firstDay = Infinity;
  lastDay = -Infinity;

  /** Open addressing over pairs: pair number + 1 per slot. */
  private slots = new Int32Array(1 << 12);
  private pairClient: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private pairManager: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private whole = new Float64Array(1024);
  private micro = new Float64Array(1024);
  private pairs = 0;
  /** Pairs of deals read from text: by client and manager text, and their texts by pair number. */
  private readonly textPairs = new Map<string, number>();
  private readonly texts = new Map<number, [string, string]>();

  constructor(
    private readonly file: string,
    readonly targets: DealTargets,
    private readonly converter: DealByteConverter,
  ) {}

  readonly accept = (deal: Deal, number = -1, numbering: object | null = null): void => {
    this.targets.names.seenDeal(deal.client, number, numbering);
    if (!countsAsRevenue(deal.status)) {
      this.excluded.status++;
      return;
    }
    const day = deal.day;
    if (day !== null) {
      if (day < this.firstDay) this.firstDay = day;
      if (day > this.lastDay) this.lastDay = day;
    }
    if (deal.currency !== '') tallyCurrency(this.targets.currencies, deal.currency, this.file, deal.line);
    this.used++;
    const p =
      number >= 0 && numbering === this.converter
        ? this.numberedPair(number, this.converter.managerNumber)
        : this.textPair(deal.client, deal.manager);
    this.whole[p] = (this.whole[p] as number) + deal.whole;
    this.micro[p] = (this.micro[p] as number) + deal.micro;
  };

  /** A row `DealByteConverter.fusedRow` counted (FUSED_LEFT_OUT or FUSED_REVENUE): what `accept` does with its deal. */
  takeFused(kind: number): void {
    const conv = this.converter;
    const c = conv.clientNumber;
    this.targets.names.seenDeal(conv.clientText(c), c, conv);
    if (kind !== FUSED_REVENUE) {
      this.excluded.status++;
      return;
    }
    const day = conv.fusedDay;
    if (day >= 0) {
      if (day < this.firstDay) this.firstDay = day;
      if (day > this.lastDay) this.lastDay = day;
    }
    this.used++;
    const p = this.numberedPair(c, conv.managerNumber);
    this.whole[p] = (this.whole[p] as number) + conv.fusedWhole;
    this.micro[p] = (this.micro[p] as number) + conv.fusedMicro;
  }

  private numberedPair(c: number, m: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = (Math.imul(c, 0x9e3779b1) ^ Math.imul(m + 1, 0x85ebca6b)) & mask;
    for (;;) {
      const slot = slots[i] as number;
      if (slot === 0) break;
      const p = slot - 1;
      if (this.pairClient[p] === c && this.pairManager[p] === m) return p;
      i = (i + 1) & mask;
    }
    const p = this.add(c, m);
    slots[i] = p + 1;
    if (this.pairs * 2 > slots.length) this.grow();
    return p;
  }

  private textPair(client: string, manager: string): number {
    const key = `${client}\u0000${manager}`;
    const known = this.textPairs.get(key);
    if (known !== undefined) return known;
    // Client -1 marks a pair of text: the numbered index never holds it.
    const p = this.add(-1, -1);
    this.textPairs.set(key, p);
    this.texts.set(p, [client, manager]);
    return p;
  }

  private add(c: number, m: number): number {
    const p = this.pairs++;
    if (p === this.pairClient.length) {
      this.pairClient = doubled(this.pairClient);
      this.pairManager = doubled(this.pairManager);
      const whole = new Float64Array(p * 2);
      whole.set(this.whole);
      this.whole = whole;
      const micro = new Float64Array(p * 2);
      micro.set(this.micro);
      this.micro = micro;
    }
    this.pairClient[p] = c;
    this.pairManager[p] = m;
    this.whole[p] = 0;
    this.micro[p] = 0;
    return p;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let p = 0; p < this.pairs; p++) {
      const c = this.pairClient[p] as number;
      if (c < 0) continue;
      let i = (Math.imul(c, 0x9e3779b1) ^ Math.imul((this.pairManager[p] as number) + 1, 0x85ebca6b)) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = p + 1;
    }
    this.slots = slots;
  }

  /** Adds every pair's sum to the ledger, once, after the last row. */
  flush(): void {
    const ledger: RevenueLedger = this.targets.ledger;
    const conv = this.converter;
    for (let p = 0; p < this.pairs; p++) {
      const c = this.pairClient[p] as number;
      const whole = this.whole[p] as number;
      const micro = this.micro[p] as number;
      if (c >= 0) {
        const m = this.pairManager[p] as number;
        ledger.add(conv.clientText(c), conv.managerText(m), whole, micro, c, conv);
      } else {
        const [client, manager] = this.texts.get(p) as [string, string];
        ledger.add(client, manager, whole, micro);
      }
    }
    this.pairs = 0;
  }
}
