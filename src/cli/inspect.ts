import { Command, Option } from 'commander';
import type { Role } from '../load/inputs.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addCadenceVocabularyOptions,
  addInputOptions,
  addOutputOptions,
  addRedactOption,
  addStatusOptions,
  inputOptions,
  outputFormat,
  vocabularyOf,
  type RawOptions,
} from './options.js';
import { requireInput } from './stdin.js';

export function inspectCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('inspect')
    .description(
      'show how folio reads a file: encoding, delimiter, columns, number and date formats, first rows, problems',
    )
    .argument('<file>', 'an export (CSV, .xlsx/.xlsm, HTML .xls, Parquet), or - for standard input')
    .addOption(
      new Option('--as <kind>', 'read the file as this kind of export (default: told by its columns)').choices([
        'deals',
        'leads',
        'activities',
        'clients',
        'offers',
      ]),
    );
  addStatusOptions(cmd);
  addCadenceVocabularyOptions(cmd);
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio inspect export.csv
  folio inspect export.csv --encoding windows-1251 --delimiter ';'
  folio inspect report.csv --header-row 4        the header is on line 4, under a title
  folio inspect calls.csv --as activities
  folio inspect deals.xlsx --sheet 2             the second worksheet; the sheets are listed
  folio inspect export.csv --json | jq '.result.columns'`,
  );
  cmd.action(async (file: string, flags: RawOptions & { as?: Role }) => {
    requireInput(ctx, file, cmd);
    const { runInspect } = await import('../run/inspect.js');
    const output = await runInspect(inputOptions(file, flags), ctx.lang, vocabularyOf(flags), flags.as);
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
