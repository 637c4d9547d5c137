import { says } from '../codes/error-fields.js';
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addDealOptions,
  addDynamicsRuleOptions,
  addInputOptions,
  addOutputOptions,
  addRedactOption,
  addThresholdOptions,
  asOfDay,
  dynamicsOptions,
  outputFormat,
  severalInputs,
  usage,
  vocabularyOf,
  type DynamicsFlags,
  type RawOptions,
  type ThresholdFlags,
} from './options.js';
import { requireInput } from './stdin.js';

type Flags = RawOptions & ThresholdFlags & DynamicsFlags;

export function dynamicsCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('dynamics')
    .description(
      'client-base dynamics over the last 12 full months: ABC/XYZ, rhythm and dormant clients, stage, revenue per manager',
    )
    .argument(
      '<deals...>',
      'deals or sales export(s), read as one table, with as much history as you have; or - for standard input',
    );
  addDealOptions(cmd);
  addDynamicsRuleOptions(cmd);
  addThresholdOptions(cmd);
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio dynamics deals.csv                          the 12 full months before today
  folio dynamics deals-2025.csv deals-2026.csv --as-of 2026-12-01
  folio dynamics deals.csv --abc 70,90 --xyz 15,30 --dormant-days 45
  folio dynamics deals.csv --json | jq '.result.clients[] | select(.dormant)'`,
  );
  cmd.action(async (files: string[], flags: Flags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    // The window is set by --as-of and --months; a period flag would silently mean something else.
    if (flags.period !== undefined || flags.from !== undefined || flags.to !== undefined || flags.last !== undefined) {
      throw usage(says('DYNAMICS_PERIOD', {}));
    }
    const { runDynamics } = await import('../run/dynamics.js');
    const output = await runDynamics({
      inputs: severalInputs(files, flags),
      vocabulary: vocabularyOf(flags),
      currency: flags.currency?.toUpperCase(),
      asOf: asOfDay(flags.asOf),
      dynamics: dynamicsOptions(flags),
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
