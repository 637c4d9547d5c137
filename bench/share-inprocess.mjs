#!/usr/bin/env node
// Before/after of one command in ONE process, builds interleaved: on a shared machine the CPU
// time of a run (process.cpuUsage, user + system) is far steadier than the wall time of a
// fresh process, and warm runs show the reader's own cost without start-up and compiling.
//
//   node bench/share-inprocess.mjs --runs 7 --before /tmp/old/dist/main.js -- share bench/data/deals-en-1000000.csv --json --threads 1
//
// Each build's `main` is run in turn (before, after, before, ...); stdout is caught and its
// md5 compared, so a faster build that prints something else is caught too. The first run of
// each build is a warm-up and is left out of the medians.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const cut = argv.indexOf('--');
const own = argv.slice(0, cut < 0 ? argv.length : cut);
const command =
  cut < 0 ? ['share', join(here, 'data/deals-en-1000000.csv'), '--json', '--threads', '1'] : argv.slice(cut + 1);
const option = (name, fallback) => {
  const i = own.indexOf(`--${name}`);
  return i < 0 ? fallback : own[i + 1];
};
const runs = Number(option('runs', 5));
const builds = [
  ...(option('before', null) ? [['before', resolve(option('before'))]] : []),
  ['after', join(here, '../dist/main.js')],
];

process.setMaxListeners(0);
const mains = [];
for (const [name, path] of builds) mains.push([name, (await import(pathToFileURL(path).href)).main]);

async function once(main) {
  const chunks = [];
  const write = process.stdout.write;
  process.stdout.write = (chunk, ...rest) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    const done = rest.find((r) => typeof r === 'function');
    done?.();
    return true;
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let code;
  try {
    code = await main(['node', 'folio', ...command]);
  } finally {
    process.stdout.write = write;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const md5 = createHash('md5').update(Buffer.concat(chunks)).digest('hex');
  return { code, wall, cpu: (cpu.user + cpu.system) / 1e6, md5 };
}

const samples = new Map(mains.map(([name]) => [name, []]));
/** The 1-minute load average beside each figure: the machine is shared. */
function load() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return '?';
  }
}
for (let k = 0; k <= runs; k++) {
  for (const [name, main] of mains) {
    globalThis.gc?.();
    const s = await once(main);
    process.stderr.write(
      `${k === 0 ? 'warm-up' : `run ${k}`} ${name.padEnd(6)} wall ${s.wall.toFixed(3)} s cpu ${s.cpu.toFixed(3)} s exit ${s.code} md5 ${s.md5} load ${load()}\n`,
    );
    if (k > 0) samples.get(name).push(s);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, list] of samples) {
  process.stderr.write(
    `${name.padEnd(6)} median of ${list.length}: wall ${median(list.map((s) => s.wall)).toFixed(3)} s, cpu ${median(list.map((s) => s.cpu)).toFixed(3)} s\n`,
  );
}
const md5s = new Set([...samples.values()].flat().map((s) => s.md5));
process.stderr.write(md5s.size === 1 ? 'outputs: identical\n' : `outputs DIFFER: ${[...md5s].join(' ')}\n`);
