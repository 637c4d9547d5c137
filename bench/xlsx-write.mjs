#!/usr/bin/env node
// Writing an .xlsx report: folio's own writer (src/render/xlsx.ts + src/io/zip-write.ts)
// against exceljs 4 (in-memory Workbook and streaming WorkbookWriter), on the same lead
// queue of N rows with the same sheet features (typed cells, number and date formats,
// frozen header, autofilter, widths). Run by hand, never in CI:
//
//   node bench/xlsx-write.mjs --rows 10000 --runs 5
//
// Each run is a fresh process; it reports the time to load the writer, the time to write the
// file, and the process's peak RSS. Install size: the packages in exceljs's dependency closure
// (package-lock.json) on disk, against folio's two source files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const rows = Number(args.rows ?? 10_000);
const runs = Number(args.runs ?? 5);
const out = join(here, 'data');
mkdirSync(out, { recursive: true });

const COLUMNS = [
  ['priority', 'integer'],
  ['group', 'text'],
  ['lead', 'text'],
  ['client', 'text'],
  ['amount', 'decimal'],
  ['expectedClose', 'date'],
  ['daysToClose', 'integer'],
  ['overdue', 'boolean'],
  ['manager', 'text'],
  ['reason', 'text'],
];
const GROUPS = ['fast-big', 'fast-small', 'slow-big', 'slow-small'];

function* leads(n) {
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28);
    yield {
      priority: 1 + (i % 4),
      group: GROUPS[i % 4],
      lead: `Lead ${i}`,
      client: `Client ${i % 997}`,
      amount: Math.round((i * 37.31) % 100_000) / 100 + 100,
      expectedClose: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      daysToClose: (i % 120) - 30,
      overdue: i % 120 < 30,
      manager: `Manager ${i % 23}`,
      reason: null,
    };
  }
}

/** folio's writer, bundled from the sources by esbuild once. */
async function folioWriter() {
  const bundle = join(out, 'folio-xlsx-writer.mjs');
  const entry = join(out, 'folio-xlsx-entry.ts');
  writeFileSync(
    entry,
    `export { workbookParts } from '${join(root, 'src/render/xlsx.ts')}';\nexport { zipArchive } from '${join(root, 'src/io/zip-write.ts')}';\n`,
  );
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
  });
  return bundle;
}

async function child(writer, bundle) {
  const t0 = performance.now();
  const file = join(out, `leads-${writer}-${rows}.xlsx`);
  if (writer === 'folio') {
    const { workbookParts, zipArchive } = await import(pathToFileURL(bundle).href);
    const { writeFile } = await import('node:fs/promises');
    const loaded = performance.now();
    const table = {
      section: 'leads',
      title: 'Leads',
      columns: COLUMNS.map(([key, type]) => ({ key, label: key, type })),
      rows: leads(rows),
    };
    const parts = workbookParts([table], { recordHeader: ['Figure', 'Value'], dateFormat: 'yyyy-mm-dd' });
    await writeFile(file, Buffer.concat(await zipArchive(parts)));
    return { load: loaded - t0, write: performance.now() - loaded, file };
  }
  const { default: ExcelJS } = await import('exceljs');
  const loaded = performance.now();
  const streaming = writer === 'exceljs-stream';
  const wb = streaming
    ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true })
    : new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leads', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map(([key, type]) => ({
    header: key,
    key,
    width: 14,
    style:
      type === 'decimal'
        ? { numFmt: '#,##0.00' }
        : type === 'integer'
          ? { numFmt: '#,##0' }
          : type === 'date'
            ? { numFmt: 'yyyy-mm-dd' }
            : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: 'A1', to: { row: rows + 1, column: COLUMNS.length } };
  for (const r of leads(rows)) {
    const row = ws.addRow({ ...r, expectedClose: new Date(`${r.expectedClose}T00:00:00Z`) });
    if (streaming) row.commit();
  }
  if (streaming) await wb.commit();
  else await wb.xlsx.writeFile(file);
  return { load: loaded - t0, write: performance.now() - loaded, file };
}

function installSize() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
  const seen = new Set();
  const walk = (name) => {
    const path = `node_modules/${name}`;
    if (seen.has(path) || !lock[path] || name.startsWith('@types/') || name === 'undici-types') return;
    seen.add(path);
    for (const dep of Object.keys(lock[path].dependencies ?? {})) walk(dep);
  };
  walk('exceljs');
  const du = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
      const p = join(dir, e.name);
      return sum + (e.isDirectory() ? du(p) : e.isFile() ? statSync(p).size : 0);
    }, 0);
  const bytes = [...seen].reduce((sum, p) => sum + du(join(root, p)), 0);
  const own = ['src/render/xlsx.ts', 'src/io/zip-write.ts'].reduce((s, f) => s + statSync(join(root, f)).size, 0);
  return { packages: seen.size, bytes, own };
}

if (args.child) {
  const r = await child(args.child, args.bundle);
  const size = statSync(r.file).size;
  process.stdout.write(
    JSON.stringify({ load: r.load, write: r.write, rss: process.resourceUsage().maxRSS * 1024, size }),
  );
} else {
  const bundle = await folioWriter();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const size = installSize();
  process.stdout.write(
    `exceljs's closure: ${size.packages} packages, ${(size.bytes / 2 ** 20).toFixed(1)} MiB on disk; folio's writer: 2 files, ${(size.own / 1024).toFixed(1)} KiB of source\n`,
  );
  process.stdout.write(`${rows} rows, median of ${runs} runs (each a fresh process)\n`);
  process.stdout.write('writer          load ms  write ms  peak RSS MiB  file KiB\n');
  for (const writer of ['folio', 'exceljs', 'exceljs-stream']) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', writer, '--bundle', bundle, '--rows', String(rows)],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      results.push(JSON.parse(r.stdout));
    }
    const m = (k) => median(results.map((x) => x[k]));
    process.stdout.write(
      `${writer.padEnd(14)}  ${m('load').toFixed(0).padStart(7)}  ${m('write').toFixed(0).padStart(8)}  ${(m('rss') / 2 ** 20).toFixed(0).padStart(12)}  ${(m('size') / 1024).toFixed(0).padStart(8)}\n`,
    );
  }
}
