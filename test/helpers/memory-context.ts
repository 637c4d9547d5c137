import { PassThrough } from 'node:stream';
import type { CliContext } from '../../src/cli/context.js';

/**
 * A CliContext over streams that keep what is written (no terminal unless `stdoutIsTTY`),
 * English, no colour: for tests that call `main` or its parts directly.
 */
export function memoryContext(
  env: NodeJS.ProcessEnv = {},
  stdoutIsTTY = false,
): CliContext & { out: () => string; err: () => string } {
  const stdout = Object.assign(new PassThrough(), { isTTY: stdoutIsTTY });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    stdout,
    stderr,
    stdinIsTTY: false,
    env,
    color: false,
    debug: false,
    config: { config: {}, file: null },
    verbose: false,
    lang: 'en',
    started: 0,
    out: () => out,
    err: () => err,
  };
}
