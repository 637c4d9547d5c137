#!/usr/bin/env node
// folio on a generated .xlsx against the same data as CSV, and exceljs's streaming reader
// (the library the issue proposed) reading the same workbook: run by hand, never in CI.
//
//   node bench/workbook.mjs --rows 100000 --runs 3
//
// The workbook is written by exceljs from the CSV that bench/generate.mjs makes: amounts and
// IDs as numbers, the close date as a date cell, text through the shared-string table, as
// Excel saves an export.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const rows = Number(args.rows ?? 1e5);
const runs = Number(args.runs ?? 3);
const dataDir = join(here, 'data');
mkdirSync(dataDir, { recursive: true });

const csv = join(dataDir, `deals-en-${rows}.csv`);
const xlsx = join(dataDir, `deals-en-${rows}.xlsx`);
if (!existsSync(csv)) await generate('deals', 'en', rows, createWriteStream(csv));
if (!existsSync(xlsx)) {
  process.stderr.write(`writing ${xlsx}\n`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('deals');
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  let header = true;
  for await (const line of createInterface({ input: createReadStream(csv) })) {
    const f = line.split(',');
    if (header) {
      ws.addRow(f).commit();
      header = false;
      continue;
    }
    const [y, m, d] = (f[5] ?? '').split('-').map(Number);
    ws.addRow([
      Number(f[0]),
      f[1],
      f[2] === '' ? null : Number(f[2]),
      f[3],
      f[4],
      f[5] ? new Date(Date.UTC(y, m - 1, d)) : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

function measure(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'bash', '-c', `${cmd} > /dev/null`], {
    encoding: 'utf8',
    cwd: root,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, user, sys, kb] = last.split(' ').map(Number);
  if (r.status !== 0 || !Number.isFinite(seconds)) throw new Error(`failed: ${cmd}\n${r.stderr}`);
  return { seconds, cpu: user + sys, rssMb: kb / 1024 };
}

function bench(name, cmd) {
  const samples = Array.from({ length: runs }, () => measure(cmd));
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(runs / 2)];
  const rssMb = Math.max(...samples.map((s) => s.rssMb));
  // CPU time (user + system) as well as wall time: on a shared machine it varies less.
  process.stdout.write(
    `${name.padEnd(44)} ${median('seconds').toFixed(2).padStart(7)} s wall ${median('cpu').toFixed(2).padStart(7)} s CPU ${rssMb.toFixed(0).padStart(6)} MB\n`,
  );
}

// Only what reading costs: every row of the first sheet, each amount summed.
const exceljsRead = `node -e "
const ExcelJS = require('exceljs');
(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader('${xlsx}', { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  let sum = 0, n = 0;
  for await (const sheet of reader) { for await (const row of sheet) { n++; const v = row.getCell(3).value; if (typeof v === 'number') sum += v; } break; }
  console.log(n, sum);
})();"`;

process.stdout.write(
  `${rows} rows: CSV ${(statSync(csv).size / 1e6).toFixed(1)} MB, xlsx ${(statSync(xlsx).size / 1e6).toFixed(1)} MB; median of ${runs}\n`,
);
bench('folio share (CSV)', `node bin/folio.js share ${csv} --json`);
bench('folio share (xlsx)', `node bin/folio.js share ${xlsx} --json`);
bench('exceljs streaming reader, rows only (xlsx)', exceljsRead);
