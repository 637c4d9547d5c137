#!/usr/bin/env node
// Would a byte-level CSV reader beat folio's string scanner in Node? Four ways over the same
// file, in one process, best of --runs: the bytes read alone; the decoded text split at
// delimiters and line ends with native indexOf, the way folio's scanner takes a line without
// quotes (fields made as strings); the bytes walked in JavaScript for the same boundaries (no
// strings at all); that walk with a 64-bit hash of every field, what folding needs; and that
// walk making each field a string from its bytes, as the converters downstream need them.
// Quotes are not handled in any of them: the file is the benchmark's generated deals.
//
//   node bench/generate.mjs deals en 1000000 > d.csv
//   node bench/byte-scan.mjs d.csv --runs 5
import { closeSync, openSync, readSync } from 'node:fs';

const file = process.argv[2];
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const CHUNK = 1 << 16;
const COMMA = 44;
const LF = 10;

function eachChunk(visit) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null))
    visit(buffer.subarray(0, n));
  closeSync(fd);
}

function readOnly() {
  let bytes = 0;
  eachChunk((chunk) => (bytes += chunk.length));
  return bytes;
}

function stringSplit() {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let fields = 0;
  eachChunk((chunk) => {
    const text = rest + decoder.decode(chunk, { stream: true });
    let pos = 0;
    for (let lf = text.indexOf('\n', pos); lf !== -1; lf = text.indexOf('\n', pos)) {
      let start = pos;
      for (let d = text.indexOf(',', start); d !== -1 && d < lf; d = text.indexOf(',', start)) {
        if (text.slice(start, d).length >= 0) fields++;
        start = d + 1;
      }
      if (text.slice(start, lf).length >= 0) fields++;
      pos = lf + 1;
    }
    rest = text.slice(pos);
  });
  return fields;
}

/** Walks the bytes of the complete lines of each chunk; the line its end cuts is carried over. */
function byteWalk(onField) {
  let carry = Buffer.alloc(0);
  let fields = 0;
  eachChunk((chunk) => {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = bytes.lastIndexOf(LF) + 1;
    let start = 0;
    let position = 0;
    for (let i = 0; i < end; i++) {
      const c = bytes[i];
      if (c === COMMA) {
        onField(bytes, start, i, position++);
        fields++;
        start = i + 1;
      } else if (c === LF) {
        onField(bytes, start, i, position);
        fields++;
        position = 0;
        start = i + 1;
      }
    }
    carry = Buffer.from(bytes.subarray(end));
  });
  return fields;
}

let mixed = 0;
function hashField(bytes, start, end, position) {
  let a = 0x811c9dc5 ^ position;
  let b = 0x01000193 ^ Math.imul(position + 1, 0x9e3779b1);
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  mixed = (mixed + a + b) | 0;
}

let made = 0;
function makeString(bytes, start, end) {
  made += bytes.latin1Slice(start, end).length;
}

const ways = {
  'bytes read only': readOnly,
  'decoded text, split with indexOf (strings)': stringSplit,
  'bytes walked in JavaScript (no strings)': () => byteWalk(() => undefined),
  'bytes walked, every field hashed (64 bits)': () => byteWalk(hashField),
  'bytes walked, a string made of every field': () => byteWalk(makeString),
};

for (const [name, way] of Object.entries(ways)) {
  let best = Infinity;
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    count = way();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`${name.padEnd(46)} ${best.toFixed(0).padStart(6)} ms  (${count})`);
}
// Printed so that the string-making way's work is used and cannot be optimised away.
console.log(`characters made: ${made}`);
