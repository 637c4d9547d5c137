#!/usr/bin/env node
// folio's benchmark, run by hand (never in CI): folio against the few lines of pandas,
// DuckDB, miller and csv-parse an analyst would otherwise write, on the same generated files.
//
//   (cd bench && npm install)            # peers: DuckDB's npm package, csv-parse
//   apt-get install python3-pandas miller
//   node bench/run.mjs --rows 1000000 --runs 3 [--memory 10000000] [--stages 1]
//
// Prints medians, MB/s, peak RSS and the ratios of the performance targets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const rows = Number(args.rows ?? 1e6);
const runs = Number(args.runs ?? 3);
const memoryRows = args.memory ? Number(args.memory) : null;
const dataDir = join(here, 'data');
mkdirSync(dataDir, { recursive: true });

async function dataFile(kind, lang, n) {
  const file = join(dataDir, `${kind}-${lang}-${n}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file}\n`);
    await generate(kind, lang, n, createWriteStream(file));
  }
  return file;
}

/** Wall time, CPU time (user + system: what other jobs on a shared machine disturb least) and peak RSS of one command, by GNU time. */
function measure(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', 'bash', '-c', `${cmd} > /dev/null`], {
    encoding: 'utf8',
    cwd: root,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb, user, system] = last.split(' ').map(Number);
  if (r.status !== 0 || !Number.isFinite(seconds)) throw new Error(`failed: ${cmd}\n${r.stderr}`);
  return { seconds, cpu: user + system, rssMb: kb / 1024 };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(name, cmd, bytes) {
  const samples = Array.from({ length: runs }, () => measure(cmd));
  const seconds = median(samples.map((s) => s.seconds));
  const cpu = median(samples.map((s) => s.cpu));
  const rssMb = Math.max(...samples.map((s) => s.rssMb));
  const result = { name, seconds, cpu, rssMb, mbps: bytes ? bytes / 1e6 / seconds : null };
  process.stderr.write(
    `${name.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s ${cpu.toFixed(2).padStart(7)} s CPU ${(result.mbps ?? 0).toFixed(1).padStart(7)} MB/s ${rssMb.toFixed(0).padStart(6)} MB\n`,
  );
  return result;
}

function have(command) {
  return spawnSync('bash', ['-c', `command -v ${command}`]).status === 0;
}

const folio = `node ${join(root, 'bin/folio.js')}`;
const cores = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
const dealsEn = await dataFile('deals', 'en', rows);
const dealsRu = await dataFile('deals', 'ru', rows);
const activities = await dataFile('activities', 'en', rows);
const leads = await dataFile('leads', 'en', rows);
const size = (f) => statSync(f).size;

const results = {};
const add = (r) => (results[r.name] = r);
add(
  bench(
    'read bytes only',
    `node -e "const fs=require('fs');const s=fs.createReadStream('${dealsEn}',{highWaterMark:1<<20});let n=0;s.on('data',c=>n+=c.length)"`,
    size(dealsEn),
  ),
);
add(bench('folio share (en)', `${folio} share ${dealsEn} --json`, size(dealsEn)));
add(bench('folio share (en, --threads 1)', `${folio} share ${dealsEn} --threads 1 --json`, size(dealsEn)));
add(bench('folio share (en, --no-fold)', `${folio} share ${dealsEn} --no-fold --json`, size(dealsEn)));
add(bench('folio share (ru, 1251, ;, NBSP)', `${folio} share ${dealsRu} --json`, size(dealsRu)));
add(
  bench(
    'folio cadence (en)',
    `${folio} cadence ${activities} --all-clients --as-of 2026-12-01 --json`,
    size(activities),
  ),
);
add(bench('folio leads (en)', `${folio} leads ${leads} --as-of 2026-08-01 --json`, size(leads)));
// Debian's python3-pandas lives beside /usr/bin/python3, which a pyenv shim may hide.
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
if (spawnSync(python, ['-c', 'import pandas']).status === 0) {
  const script = join(dataDir, 'pandas_share.py');
  writeFileSync(
    script,
    "import sys, pandas as pd\ndf = pd.read_csv(sys.argv[1], usecols=['client', 'amount'])\nprint(df.groupby('client')['amount'].sum().size)\n",
  );
  add(
    bench(
      'pandas read_csv(usecols)+groupby',
      `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${python} ${script} ${dealsEn}`,
      size(dealsEn),
    ),
  );
}
if (existsSync(join(here, 'node_modules/@duckdb/node-api'))) {
  const script = join(here, 'duckdb_share.mjs');
  add(bench('DuckDB (1 thread)', `node ${script} ${dealsEn}`, size(dealsEn)));
  // folio reads a large file on every core by default; --threads 1 is held to DuckDB on one.
  add(bench(`DuckDB (${cores} threads)`, `node ${script} ${dealsEn} ${cores}`, size(dealsEn)));
}
if (have('mlr'))
  add(
    bench(
      'miller stats1 sum by client',
      `mlr --icsv --ojson stats1 -a sum -f amount -g client ${dealsEn}`,
      size(dealsEn),
    ),
  );
if (existsSync(join(here, 'node_modules/csv-parse')))
  add(bench('csv-parse arrays + group-by', `node ${join(here, 'csvparse_share.mjs')} ${dealsEn}`, size(dealsEn)));

const tiny = join(dataDir, 'tiny.csv');
writeFileSync(tiny, 'client,amount\n' + Array.from({ length: 30 }, (_, i) => `C${i},${i + 1}`).join('\n') + '\n');
add(bench('startup: node -e 0', 'node -e 0', 0));
add(bench('startup: folio --version', `${folio} --version`, 0));
add(bench('startup: folio share (30 rows)', `${folio} share ${tiny}`, 0));

let memory = null;
if (memoryRows) {
  const big = await dataFile('deals', 'en', memoryRows);
  const r = bench(`folio share (en, ${memoryRows} rows)`, `${folio} share ${big} --json`, size(big));
  const flat = bench(
    `folio share (en, ${memoryRows} rows, --no-fold)`,
    `${folio} share ${big} --no-fold --json`,
    size(big),
  );
  memory = {
    rows: memoryRows,
    rssMb: r.rssMb,
    ratio: r.rssMb / results['folio share (en)'].rssMb,
    noFoldRssMb: flat.rssMb,
    noFoldRatio: flat.rssMb / results['folio share (en, --no-fold)'].rssMb,
  };
}

// `--stages`: the fused pass's stages on the English file held in memory (bench/fused-stages.mjs), after the end-to-end runs.
if ('stages' in args) {
  const stages = spawnSync('node', [join(here, 'fused-stages.mjs'), dealsEn, '--runs', String(runs)], {
    encoding: 'utf8',
    cwd: root,
  });
  process.stderr.write(stages.stderr);
}

const ratio = (a, b) => (results[a] && results[b] ? results[a].seconds / results[b].seconds : null);
const summary = {
  machine: `${cores} cores, node ${process.version}`,
  rows,
  runs,
  targets: {
    'share / pandas (≤ 0.6 on 4 or more cores)': ratio('folio share (en)', 'pandas read_csv(usecols)+groupby'),
    'share --threads 1 / pandas (≤ 1.0)': ratio('folio share (en, --threads 1)', 'pandas read_csv(usecols)+groupby'),
    'share --threads 1 / DuckDB 1 thread (≤ 1.0)': ratio('folio share (en, --threads 1)', 'DuckDB (1 thread)'),
    'share / share --threads 1': ratio('folio share (en)', 'folio share (en, --threads 1)'),
    [`share / DuckDB ${cores} threads`]: ratio('folio share (en)', `DuckDB (${cores} threads)`),
    'share ru / share en (≤ 1.3)': ratio('folio share (ru, 1251, ;, NBSP)', 'folio share (en)'),
    'cadence / share (≤ 2.0)': ratio('folio cadence (en)', 'folio share (en)'),
    'leads / share (≤ 2.0)': ratio('folio leads (en)', 'folio share (en)'),
    'startup --version - node -e 0, CPU s (≤ 0.03)':
      results['startup: folio --version'].cpu - results['startup: node -e 0'].cpu,
    'startup share 30 rows - node -e 0, CPU s (≤ 0.05)':
      results['startup: folio share (30 rows)'].cpu - results['startup: node -e 0'].cpu,
    'share --no-fold / pandas': ratio('folio share (en, --no-fold)', 'pandas read_csv(usecols)+groupby'),
    ...(memory
      ? {
          [`peak RSS ${memory.rows} / ${rows} rows (≤ 1.5)`]: memory.ratio,
          [`peak RSS ${memory.rows} rows MB (< 300)`]: memory.rssMb,
          [`peak RSS ${memory.rows} / ${rows} rows, --no-fold (≤ 1.5)`]: memory.noFoldRatio,
          [`peak RSS ${memory.rows} rows MB, --no-fold (< 300)`]: memory.noFoldRssMb,
        }
      : {}),
  },
  results: Object.values(results),
};
console.log(JSON.stringify(summary, null, 2));
