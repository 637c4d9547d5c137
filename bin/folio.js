#!/usr/bin/env node
// `folio --version` alone is answered here, before the CLI and its dependencies load
// (measured: about 30 ms less than going through commander; README, Benchmark).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.name === 'folio-sales' ? pkg.version : 'unknown'}\n`);
} else {
  const { main } = await import('../dist/main.js');
  process.exitCode = await main(process.argv);
}
