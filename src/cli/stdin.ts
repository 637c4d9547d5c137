import { says } from '../codes/error-fields.js';
import type { Command } from 'commander';
import { FolioError } from '../folio-error.js';
import type { CliContext } from './context.js';

/** `-` with nothing piped in would wait forever on the keyboard: show help instead. */
export function requireInput(ctx: CliContext, file: string, cmd: Command): void {
  if (file === '-' && ctx.stdinIsTTY) {
    ctx.stderr.write(cmd.helpInformation());
    throw new FolioError({
      code: 'USAGE',
      says: says('NOTHING_PIPED', { command: cmd.name() }),
    });
  }
}
