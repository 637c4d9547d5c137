import { Command } from 'commander';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { requireInput } from '../../src/cli/stdin.js';
import { english, thrown } from '../helpers/said.js';

const ctx = (stdinIsTTY: boolean): CliContext => ({
  stdout: new PassThrough(),
  stderr: new PassThrough(),
  stdinIsTTY,
  env: {},
  color: undefined,
  debug: false,
  config: { config: {}, file: null },
  verbose: false,
  lang: 'en',
  started: 0,
});

describe('requireInput', () => {
  it('prints the help and refuses - on a terminal instead of waiting for typing', () => {
    const c = ctx(true);
    let help = '';
    c.stderr.on('data', (chunk: Buffer) => (help += chunk.toString()));
    const error = thrown(() => requireInput(c, '-', new Command('share').argument('<deals>')));
    expect(error).toMatchObject({ code: 'USAGE' });
    expect(english(error).hint).toMatch(/folio share --help/);
    expect(help).toMatch(/^Usage: share \[options\] <deals>/);
  });
  it('accepts - when something is piped, and any file name', () => {
    expect(() => requireInput(ctx(false), '-', new Command('share'))).not.toThrow();
    expect(() => requireInput(ctx(true), 'deals.csv', new Command('share'))).not.toThrow();
  });
});
