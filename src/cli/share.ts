import { Command } from 'commander';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addDealOptions,
  addInputOptions,
  addOutputOptions,
  addBandOption,
  addRedactOption,
  addThresholdOptions,
  dealPeriod,
  outputFormat,
  severalInputs,
  shareOptions,
  vocabularyOf,
  type RawOptions,
  type ThresholdFlags,
} from './options.js';
import { requireInput } from './stdin.js';

type ShareFlags = RawOptions & ThresholdFlags;

export function shareCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('share')
    .description('revenue share per client: golden / critical / key classes and portfolio concentration')
    .argument('<deals...>', 'deals or sales export(s) (CSV), read as one table; or - for standard input');
  addDealOptions(cmd);
  addThresholdOptions(cmd);
  addBandOption(cmd);
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio share deals.csv                       all won deals in the file
  folio share deals.csv --period 2026-Q3      one quarter
  folio share export.csv --map amount=Бюджет --json | jq '.result.portfolio'
  folio share deals-2026-*.csv                several exports as one (lines repeated across them count once)
  folio share deals.csv -o share.xlsx         an Excel workbook
  cat deals.csv | folio share - --format csv > share.csv`,
  );
  cmd.action(async (files: string[], flags: ShareFlags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    const { runShare } = await import('../run/share.js');
    const output = await runShare({
      inputs: severalInputs(files, flags),
      filter: { period: dealPeriod(flags), vocabulary: vocabularyOf(flags), currency: flags.currency?.toUpperCase() },
      share: shareOptions(flags),
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
