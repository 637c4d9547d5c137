import { Command, Option } from 'commander';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addDealOptions,
  addInputOptions,
  addOutputOptions,
  addRedactOption,
  addThresholdOptions,
  collect,
  dealPeriod,
  outputFormat,
  score,
  secondInput,
  severalInputs,
  shareOptions,
  stdinOnce,
  vocabularyOf,
  type RawOptions,
  type ThresholdFlags,
} from './options.js';
import { requireInput } from './stdin.js';

type MatrixFlags = RawOptions &
  ThresholdFlags & {
    wantMin?: number;
    canMin?: number;
    deals: string[];
    dealsMap: string[];
  };

export function matrixCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('matrix')
    .description("want/can matrix: each client's type and the seller's task for it")
    .argument(
      '<clients...>',
      'clients export(s) with want and can columns (CSV), read as one list; or - for standard input',
    )
    .addOption(new Option('--want-min <score>', 'a want score at or above this is yes').argParser(score('--want-min')))
    .addOption(new Option('--can-min <score>', 'a can score at or above this is yes').argParser(score('--can-min')))
    .option(
      '--deals <file>',
      "deals export: adds each client's revenue class and flags key clients at risk; repeatable: several files are one table",
      collect,
      [],
    )
    .option('--deals-map <field=header>', '--map for the deals files; repeatable', collect, []);
  addDealOptions(cmd);
  addThresholdOptions(cmd);
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio matrix clients.csv
  folio matrix clients.csv --deals deals.csv --period 2026 --format markdown
  folio matrix clients-*.csv --deals deals-h1.csv --deals deals-h2.csv --period 2026
  folio matrix scores.csv --want-min 7 --can-min 5 --json | jq '.result.counts'`,
  );
  cmd.action(async (files: string[], flags: MatrixFlags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    stdinOnce([...files, ...flags.deals]);
    const { runMatrix } = await import('../run/matrix.js');
    const output = await runMatrix({
      inputs: severalInputs(files, flags),
      wantMin: flags.wantMin ?? null,
      canMin: flags.canMin ?? null,
      deals:
        flags.deals.length === 0
          ? null
          : {
              inputs: severalInputs(flags.deals, flags, (file) => secondInput(file, flags.dealsMap, flags)),
              filter: {
                period: dealPeriod(flags),
                vocabulary: vocabularyOf(flags),
                currency: flags.currency?.toUpperCase(),
              },
              share: shareOptions(flags),
            },
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
