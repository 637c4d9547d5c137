import { Command, Option } from 'commander';
import type { Role } from '../config/settings.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import { addInputOptions, addOutputOptions, addRedactOption, inputOptions, list, outputFormat, outputLang, type RawOptions } from './options.js';
import { requireInput } from './stdin.js';

export function inspectCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('inspect')
    .description('show how folio reads a file: encoding, delimiter, columns, number and date formats, first rows, problems')
    .argument('<file>', 'a CSV export, or - for standard input')
    .option('--won <values>', 'more statuses that count as won (comma-separated)', list, [])
    .option('--lost <values>', 'more statuses that count as lost (comma-separated)', list, [])
    .addOption(new Option('--as <kind>', 'read the file as this kind of export (default: told by its columns)').choices(['deals', 'leads', 'activities', 'clients']));
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio inspect export.csv
  folio inspect export.csv --encoding windows-1251 --delimiter ';'
  folio inspect calls.csv --as activities
  folio inspect export.csv --json | jq '.result.columns'`,
  );
  cmd.action(async (file: string, flags: RawOptions & { as?: Role }) => {
    requireInput(ctx, file, cmd);
    const { runInspect } = await import('../app/inspect.js');
    const output = await runInspect(inputOptions(file, flags), outputLang(flags), flags.won, flags.lost, flags.as);
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
