// The static checks of `npm test`: types (tsc), format (Prettier) and lint (ESLint), run side
// by side. Each is one busy thread for most of its run, so on the 2-core CI machine running
// them together takes about as long as the slowest alone instead of their sum. Each one's
// output is printed whole when it ends, so lines of different tools never interleave.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const CHECKS = [
  ['types', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['format', bin('prettier'), ['--check', '.']],
  ['lint', bin('eslint'), ['.']],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (b) => output.push(b));
    child.stderr.on('data', (b) => output.push(b));
    child.on('error', (error) => resolve({ name, code: 1, text: `${error.message}\n`, ms: 0 }));
    child.on('close', (code) =>
      resolve({ name, code: code ?? 1, text: Buffer.concat(output).toString('utf8'), ms: Date.now() - started }),
    );
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const r of results) {
  const verdict = r.code === 0 ? 'ok' : `failed (exit ${r.code})`;
  process.stdout.write(`> ${r.name}: ${verdict} in ${(r.ms / 1000).toFixed(1)} s\n`);
  if (r.code !== 0) process.stdout.write(r.text);
}
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
