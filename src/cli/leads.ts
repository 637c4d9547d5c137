import type { Amount } from '../normalize/money.js';
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addInputOptions,
  addLeadRuleOptions,
  addOutputOptions,
  addStatusOptions,
  addRedactOption,
  asOfDay,
  outputFormat,
  severalInputs,
  vocabularyOf,
  type RawOptions,
} from './options.js';
import { requireInput } from './stdin.js';

type LeadsFlags = RawOptions & {
  asOf?: string;
  currency?: string;
  fastDays: number;
  big?: Amount;
  maxLeads?: number;
};

export function leadsCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('leads')
    .description('lead queue: fast/slow × big/small, in the order a manager works them')
    .argument('<leads...>', 'leads or open deals export(s) (CSV), read as one table; or - for standard input')
    .option('--as-of <date>', 'the day to count from (default: today)')
    .option('--currency <code>', 'rank only leads in this currency (needed when the leads mix currencies)');
  addStatusOptions(cmd);
  addLeadRuleOptions(cmd);
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio leads leads.csv
  folio leads pipeline.csv --as-of 2026-11-01 --fast-days 14 --big 500000
  folio leads leads.csv --max-leads 5 --format csv > queue.csv
  folio leads leads-north.csv leads-south.csv   several exports as one queue`,
  );
  cmd.action(async (files: string[], flags: LeadsFlags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    const { runLeads } = await import('../run/leads.js');
    const output = await runLeads({
      inputs: severalInputs(files, flags),
      vocabulary: vocabularyOf(flags),
      leads: {
        asOf: asOfDay(flags.asOf),
        fastDays: flags.fastDays,
        big: flags.big ?? null,
        maxLeads: flags.maxLeads ?? null,
      },
      currency: flags.currency?.toUpperCase(),
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
