import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { requireInput } from '../../src/cli/stdin.js';

const ctx = (stdinIsTTY: boolean): CliContext => ({ stdout: process.stdout, stderr: process.stderr, stdinIsTTY, env: {}, color: undefined, debug: false, config: { config: {}, file: null }, verbose: false, started: 0 });

describe('requireInput', () => {
  it('refuses - on a terminal with a hint instead of waiting for typing', () => {
    expect(() => requireInput(ctx(true), '-', new Command('share'))).toThrow(expect.objectContaining({ code: 'USAGE', hint: expect.stringMatching(/folio share --help/) }));
  });
  it('accepts - when something is piped, and any file name', () => {
    expect(() => requireInput(ctx(false), '-', new Command('share'))).not.toThrow();
    expect(() => requireInput(ctx(true), 'deals.csv', new Command('share'))).not.toThrow();
  });
});
