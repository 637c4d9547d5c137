import { Command } from 'commander';
import { resolveSettings } from '../config/settings.js';
import { buildEnvelope } from '../schema/build.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import { addOutputOptions, outputFormat, type RawOptions } from './options.js';

export function configCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('config').description('print the effective settings and where each came from (default, config, env, flag)');
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
    const show = (v: unknown): string => (v === null || (Array.isArray(v) && v.length === 0) ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
    done(
      await emit(
        ctx,
        {
          envelope: buildEnvelope('config', null, [], result, []),
          doc: () => ({
            title: `folio settings${ctx.config.file ? ` · ${ctx.config.file}` : ' · no config file'}`,
            sections: [
              {
                kind: 'table',
                columns: [{ label: 'setting' }, { label: 'value' }, { label: 'from' }],
                // A list shows one row per layer that gave to it, built-in entries first.
                rows: settings.flatMap((s) =>
                  (s.layers ?? [{ source: s.source, value: s.value }]).map((l, i) => [
                    i === 0 ? s.path : '',
                    show(l.value),
                    l.source === 'default' ? { text: s.layers ? 'built-in' : l.source, tone: 'muted' as const } : { text: l.source, tone: 'key' as const },
                  ]),
                ),
              },
              ...Object.entries(result.columns).map(([role, map]) => ({
                kind: 'facts' as const,
                title: `columns.${role}`,
                facts: Object.entries(map ?? {}).map(([field, header]): [string, string] => [field, String(header)]),
              })),
            ],
          }),
          rows: () => settings.map((s) => ({ setting: s.path, value: show(s.value), source: s.source })),
          columns: ['setting', 'value', 'source'],
          exitCode: 0,
        },
        outputFormat(flags),
        flags.output,
      ),
    );
  });
  return cmd;
}
