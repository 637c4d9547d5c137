import { Command, Option } from 'commander';
import { DEFAULT_SHARE_OPTIONS } from '../analyses/share.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addDealOptions,
  addInputOptions,
  addOutputOptions,
  dealPeriod,
  inputOptions,
  outputFormat,
  outputLang,
  percentValue,
  positiveInt,
  type RawOptions,
} from './options.js';
import { requireInput } from './stdin.js';

interface ShareFlags extends RawOptions {
  golden: number;
  critical: number;
  key: number;
  maxKeyClients: number;
}

export function shareCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('share')
    .description('revenue share per client: golden / critical / key classes and portfolio concentration')
    .argument('<deals>', 'deals or sales export (CSV), or - for standard input');
  addDealOptions(cmd);
  cmd
    .addOption(new Option('--key <percent>', 'a client above this share is key').default(DEFAULT_SHARE_OPTIONS.key).argParser(percentValue('--key')))
    .addOption(new Option('--critical <percent>', 'above this share: critical').default(DEFAULT_SHARE_OPTIONS.critical).argParser(percentValue('--critical')))
    .addOption(new Option('--golden <percent>', 'above this share: golden').default(DEFAULT_SHARE_OPTIONS.golden).argParser(percentValue('--golden')))
    .addOption(
      new Option('--max-key-clients <n>', 'warn when a manager carries more key clients')
        .default(DEFAULT_SHARE_OPTIONS.maxKeyPerManager)
        .argParser(positiveInt('--max-key-clients')),
    );
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio share deals.csv                       all won deals in the file
  folio share deals.csv --period 2026-Q3      one quarter
  folio share export.csv --map amount=Бюджет --json | jq '.result.portfolio'
  cat deals.csv | folio share - --format csv > share.csv`,
  );
  cmd.action(async (file: string, flags: ShareFlags) => {
    requireInput(ctx, file, cmd);
    const { runShare } = await import('../app/share.js');
    const output = await runShare({
      input: inputOptions(file, flags),
      filter: { period: dealPeriod(flags), won: flags.won, lost: flags.lost, currency: flags.currency?.toUpperCase() },
      share: {
        ...DEFAULT_SHARE_OPTIONS,
        golden: flags.golden,
        critical: flags.critical,
        key: flags.key,
        maxKeyPerManager: flags.maxKeyClients,
      },
      lang: outputLang(flags),
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
