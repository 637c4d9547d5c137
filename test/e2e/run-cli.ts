import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { InputReport } from '../../src/schema/envelope.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, with a clean colour environment unless `env` says otherwise. */
export function folio(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LANG: 'C', TZ: 'Europe/Moscow' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.LC_ALL;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
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
