import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import type { InputReport } from '../../src/schema/envelope.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Piped to standard input: the run is then a real process, as a pipe is one. */
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Run a real process even without input (signals, worker start-up, what the launcher itself does). */
  process?: boolean;
}

/** The environment a user's shell would give: no colour settings, a plain locale, the test's zone. */
function cleanEnv(extra: Record<string, string> | undefined): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LANG: 'C', TZ: 'Europe/Moscow' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.LC_ALL;
  return { ...env, ...extra };
}

type Main = (argv: string[], ctx: CliContext) => Promise<number>;
let loaded: Promise<Main> | undefined;

/** The built CLI (dist/, as bin/folio.js runs it), loaded once per test file. */
function builtMain(): Promise<Main> {
  loaded ??= import(pathToFileURL(`${ROOT}dist/main.js`).href).then((m: { main: Main }) => m.main);
  return loaded;
}

/** A stream that keeps what is written to it, as a non-terminal stdout or stderr would. */
function collector(): { stream: Writable; text: () => string } {
  const parts: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

/**
 * Run the built CLI as a user would: in this process through the same `main` the launcher
 * calls (a child process per run cost ~0.5 s on the 2-core CI machine and added nothing the
 * launcher tests don't cover), or as a real process when something is piped in or asked for.
 */
export async function folio(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const env = cleanEnv(options.env);
  if (options.input !== undefined || options.process === true) return spawned(args, env, options.input ?? '');
  const main = await builtMain();
  const out = collector();
  const err = collector();
  const code = await main(['node', BIN, ...args], {
    stdout: out.stream,
    stderr: err.stream,
    stdinIsTTY: false,
    env,
    color: undefined,
    debug: false,
    config: { config: {}, file: null },
    verbose: false,
    lang: 'en',
    started: Date.now(),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

function spawned(args: string[], env: Record<string, string>, input: string | Buffer): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    // A CLI that stops reading early (an error on the first line) closes its stdin: not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

export function json<T = Record<string, unknown>>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}

/** Every row of an input is used, excluded, folded, a totals row or skipped: rows add up. */
export function expectAccounted(
  input: Pick<InputReport, 'file' | 'rows' | 'used' | 'excluded' | 'folded' | 'totals' | 'skipped'>,
): void {
  const excluded = Object.values(input.excluded).reduce((a, b) => a + b, 0);
  expect(input.used + excluded + input.folded + input.totals + input.skipped, input.file).toBe(input.rows);
}
