import { says } from '../codes/error-fields.js';
import { Command } from 'commander';
import { CHECK_RULES, type CheckRule } from '../analyses/check.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import { outputFormat, usage } from './options.js';
import { addReportOptions, reportOptions, type ReportFlags } from './report.js';

type CheckFlags = ReportFlags & { failOn?: string[]; allowMissing?: boolean };

function rules(value: string, previous: string[] = []): string[] {
  const list = value
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r !== '');
  const bad = list.find((r) => r !== 'none' && !(CHECK_RULES as readonly string[]).includes(r));
  if (bad) throw usage(says('FLAG_UNKNOWN_RULE', { rule: bad, rules: [...CHECK_RULES] }));
  return [...previous, ...list];
}

export function checkCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('check').description(
    'for CI: validate every input and fail (exit 1) when the data breaks a rule of the policy',
  );
  addReportOptions(cmd);
  cmd
    .option(
      '--fail-on <rules>',
      `rules that fail the check: ${CHECK_RULES.join(', ')}; or none (default: invalid,cadence,cooloff)`,
      rules,
    )
    .option(
      '--allow-missing',
      'a rule of the policy whose input is absent is reported as skipped instead of stopping with exit 2',
    );
  cmd.addHelpText(
    'after',
    `
Exit codes: 0 nothing in the policy was hit, 1 something was (see the summary), 2 the inputs cannot be
read, none was recognised, or a rule of the policy has no input (unless --allow-missing).

Examples:
  folio check ./export
  folio check ./export --fail-on invalid,golden,mono --format github
  folio check --deals deals.csv --activities calls.csv --fail-on none --json --redact`,
  );
  cmd.action(async (folder: string | undefined, flags: CheckFlags) => {
    const { runCheck } = await import('../run/check.js');
    const policy = (flags.failOn ?? []).filter((r): r is CheckRule => r !== 'none');
    const output = await runCheck({
      ...(await reportOptions(folder, flags, ctx.lang)),
      failOn: policy,
      allowMissing: flags.allowMissing === true,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
