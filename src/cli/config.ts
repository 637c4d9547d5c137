import { Command } from 'commander';
import { resolveSettings } from '../config/settings.js';
import { buildEnvelope } from '../schema/build.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import { addOutputOptions, outputFormat, type RawOptions } from './options.js';
import { configDoc, configTables } from '../present/config.js';

export function configCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('config').description(
    'print the effective settings and where each came from (default, config, env, flag)',
  );
  addOutputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Precedence: defaults < folio.config.json (or --config FILE) < FOLIO_* environment variables < flags.
The status, outcome and channel lists add up: the built-in entries, then each layer's.

Examples:
  folio config
  FOLIO_MAX_GAP=7 folio config --json | jq '.result.settings'`,
  );
  cmd.action(async (flags: RawOptions) => {
    const settings = resolveSettings(ctx.config, ctx.env).map((r) => ({ ...r, value: r.value ?? null }));
    const result = { file: ctx.config.file, settings, columns: ctx.config.config.columns ?? {} };
    done(
      await emit(
        ctx,
        {
          envelope: buildEnvelope('config', null, [], result, []),
          doc: () => configDoc(result.file, settings, result.columns, ctx.lang),
          tables: (lang) => configTables(settings, lang),
          sectioned: false,
          exitCode: 0,
        },
        outputFormat(flags),
        flags.output,
      ),
    );
  });
  return cmd;
}
