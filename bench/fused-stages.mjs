#!/usr/bin/env node
// The stages of the fused deal reader, each measured in one process on a generated deals
// file held in memory (no disk, no start-up): what one walk over the bytes costs, and what
// each thing the share path does per row adds to it. Each stage is the one before it plus one
// step, so the differences are the steps' costs.
//
//   node bench/generate.mjs deals en 1000000 > bench/data/deals-en-1000000.csv
//   node bench/fused-stages.mjs bench/data/deals-en-1000000.csv [--runs 5] [--encoding windows-1251]
//
// The modules are folio's own (src/), bundled here by esbuild; the columns are the generator's:
// id, client, amount, status, manager, close date.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const file =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(here, 'data/deals-en-1000000.csv');
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args[i + 1];
};
const runs = Number(option('runs', 5));
/** Only the stages whose name holds this text. */
const only = option('only', null);
const encoding = option('encoding', file.includes('-ru-') ? 'windows-1251' : 'utf-8');

const out = join(here, 'data/fused-stages.bundle.mjs');
await build({
  stdin: {
    contents: `
      export { ByteCsvScanner } from './src/io/byte-scanner.ts';
      export { spanText } from './src/io/byte-text.ts';
      export { FusedDealWalker } from './src/load/deal-fused.ts';
      export { ByteInterner } from './src/normalize/byte-interner.ts';
      export { amountFromBytes, dayFromBytes } from './src/normalize/byte-values.ts';
      export { hashBytes, hashText, numericIdBytes } from './src/normalize/line-hash.ts';
      export { RepeatTable } from './src/normalize/repeat-table.ts';
    `,
    resolveDir: join(here, '..'),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: out,
  logLevel: 'warning',
});
const m = await import(pathToFileURL(out).href);

const data = new Uint8Array(readFileSync(file));
const firstLf = data.indexOf(10);
const body = data.subarray(firstLf + 1);
const delimiter = data.subarray(0, firstLf).includes(0x3b) ? 0x3b : 0x2c;
const CHUNK = 256 * 1024;
const reads = Math.ceil(body.length / CHUNK);
const span = m.spanText(encoding);
const units = span.units;
const [ID, CLIENT, AMOUNT, STATUS, MANAGER, DATE] = [0, 1, 2, 3, 4, 5];
const KEPT = [CLIENT, STATUS, MANAGER];

/** Feed the body in chunks (copied into one reused buffer, as a file read would fill it). */
function feed(reader) {
  const buffer = new Uint8Array(CHUNK);
  for (let at = 0; at < body.length; at += CHUNK) {
    const n = Math.min(CHUNK, body.length - at);
    buffer.set(body.subarray(at, at + n));
    reader.push(n === CHUNK ? buffer : buffer.subarray(0, n));
  }
  reader.end();
}

const scannerOptions = { file, delimiter, maxRecordLength: 1 << 20 };
function walker(hashed, onRecord) {
  const fallback = new m.ByteCsvScanner(scannerOptions, (r) => onRecord(r, null));
  return new m.FusedDealWalker(fallback, { delimiter, fields: 6, hashed, maxRecordLength: 1 << 20 }, onRecord);
}
const OTHERS = [ID, AMOUNT, DATE];

/** A fresh state per run: interners, the index of IDs, the sums. */
function state() {
  return {
    interners: KEPT.map(() => new m.ByteInterner()),
    halvesA: KEPT.map(() => new Int32Array(1 << 16)),
    halvesB: KEPT.map(() => new Int32Array(1 << 16)),
    ids: new m.RepeatTable(m.RepeatTable.slotBitsFor(body.length / 48)),
    amount: { whole: 0, micro: 0, currency: '', proves: null, rounded: false },
    halves: new Int32Array(2),
    whole: new Float64Array(1 << 16),
    micro: new Float64Array(1 << 16),
    idA: 0,
    idB: 0,
    restA: 0,
    restB: 0,
    tag: 0,
    rows: 0,
    declined: 0,
  };
}

/** Each kept field's value number, and its fingerprint halves made the first time it is seen. */
const numbers = new Int32Array(3);
function intern(s, r, hashes) {
  for (let k = 0; k < 3; k++) {
    const f = KEPT[k];
    const interner = s.interners[k];
    const v = interner.findHashed(r.bytes, r.start[f], r.end[f], hashes[f]);
    if (interner.added) {
      if (!m.hashBytes(r.bytes, r.start[f], r.end[f], f, units, s.halves))
        m.hashText(span.text(r.bytes, r.start[f], r.end[f]), f, s.halves);
      s.halvesA[k][v] = s.halves[0];
      s.halvesB[k][v] = s.halves[1];
    }
    numbers[k] = v;
  }
}

/** The steps of a row after the walk, in order; stage k runs the first k of them. */
const steps = [
  ['+ interner look-ups', (s, r, hashes) => intern(s, r, hashes)],
  ['+ amount from bytes', (s, r) => m.amountFromBytes(r.bytes, r.start[AMOUNT], r.end[AMOUNT], units, null, s.amount)],
  ['+ date from bytes', (s, r) => m.dayFromBytes(r.bytes, r.start[DATE], r.end[DATE])],
  ['+ fingerprint of the row', (s, r) => fingerprint(s, r)],
  ['+ probe of the index of IDs', (s, r) => s.ids.seen(s.idA, s.idB, s.restA, s.restB, s.tag, r.line)],
  [
    '+ sums per client in typed arrays',
    (s) => {
      const c = numbers[0];
      s.whole[c] += s.amount.whole;
      s.micro[c] += s.amount.micro;
    },
  ],
];

const stages = [
  ['scanner (today), no work per row', (s) => feed(new m.ByteCsvScanner(scannerOptions, () => s.rows++))],
  ['walk, no hashing', (s) => feed(walker([], () => s.rows++))],
  ['walk + hashes of client/status/manager', (s) => feed(walker(KEPT, () => s.rows++))],
  ...steps.map(([name], k) => {
    const taken = steps.slice(0, k + 1).map(([, step]) => step);
    return [
      name,
      (s) =>
        feed(
          walker(KEPT, (r, hashes) => {
            if (hashes === null) return void s.declined++;
            for (const step of taken) step(s, r, hashes);
            s.rows++;
          }),
        ),
    ];
  }),
  [
    'alone: walk + kept hashes + hashBytes of id, amount, date',
    (s) =>
      feed(
        walker(KEPT, (r, hashes) => {
          if (hashes === null) return;
          let sum = 0;
          for (const f of OTHERS) {
            m.hashBytes(r.bytes, r.start[f], r.end[f], f, units, s.halves);
            sum = (sum + s.halves[0]) | 0;
          }
          s.rows += sum & 1;
        }),
      ),
  ],
];

/** The row's fingerprint as the reader makes it: kept fields from their value's halves, the others from their bytes. */
function fingerprint(s, r) {
  let sumA = 0;
  let sumB = 0;
  for (let f = 0; f < r.count; f++) {
    let a;
    let b;
    const k = f === CLIENT ? 0 : f === STATUS ? 1 : f === MANAGER ? 2 : -1;
    if (k >= 0) {
      a = s.halvesA[k][numbers[k]];
      b = s.halvesB[k][numbers[k]];
    } else {
      m.hashBytes(r.bytes, r.start[f], r.end[f], f, units, s.halves);
      a = s.halves[0];
      b = s.halves[1];
      if (f === ID) {
        const key = m.numericIdBytes(r.bytes, r.start[f], r.end[f]);
        if (key >= 0) a = key;
        s.idA = a;
        s.idB = b;
      } else if (f === AMOUNT) {
        s.tag = a;
        s.restA = -a;
        s.restB = -b;
      }
    }
    sumA = (sumA + a) | 0;
    sumB = (sumB + b) | 0;
  }
  s.restA = (s.restA + sumA) | 0;
  s.restB = (s.restB + sumB) | 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
process.stderr.write(
  `${file}: ${(body.length / 1e6).toFixed(1)} MB, ${encoding}; median of ${runs} runs after a warm-up\n`,
);
const times = new Map(stages.map(([name]) => [name, []]));
// Interleaved: every stage once per round, so a busy moment of the machine falls on all alike.
for (let k = 0; k <= runs; k++) {
  for (const [name, run] of stages) {
    if (only && !name.includes(only)) continue;
    const s = state();
    const t0 = performance.now();
    run(s);
    const ms = performance.now() - t0;
    if (k > 0) times.get(name).push(ms);
    // Lines cut by a read's end go to the scanner (about one a read): more would mean the walk misses the file's common shape.
    if (k === 0 && s.declined > reads + 1)
      process.stderr.write(`  (${name}: ${s.declined} lines left to the scanner)\n`);
  }
}
let before = 0;
for (const [name, list] of times) {
  if (list.length === 0) continue;
  const ms = median(list);
  // A stage named with + is the one before it and one step more: its cost is the difference.
  const step = name.startsWith('+') ? `  (+${(ms - before).toFixed(0)})` : '';
  process.stderr.write(`${name.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms${step}\n`);
  before = ms;
}
process.stderr.write(`load average (1 min) at the end: ${load()}\n`);
