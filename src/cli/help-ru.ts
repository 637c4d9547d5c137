import type { EventEmitter } from 'node:events';
import type { Argument, Command, Option } from 'commander';
import { HELP_AFTER_RU, HELP_EXTRAS_RU, HELP_RU, HELP_TITLES_RU } from '../present/messages/help.js';
import { manualPage } from './options.js';

/**
 * The help screens in Russian: the parser's headings and the words it adds, every
 * description (from the catalog, by its English text; one missing there stays English, and
 * test/present/help.test.ts fails on it), and each command's examples.
 */
export function speakRussian(program: Command): void {
  const ru = (text: string): string => HELP_RU[text] ?? text;
  const help = {
    styleTitle: (title: string): string => HELP_TITLES_RU[title] ?? title,
    commandDescription: (cmd: Command): string => ru(cmd.description()),
    subcommandDescription: (cmd: Command): string => ru(cmd.summary() || cmd.description()),
    argumentDescription: (argument: Argument): string => {
      const shown =
        argument.defaultValueDescription ??
        (argument.defaultValue === undefined ? undefined : JSON.stringify(argument.defaultValue));
      const extra = [
        argument.argChoices ? `${HELP_EXTRAS_RU.choices}: ${argument.argChoices.join(', ')}` : null,
        shown === undefined ? null : `${HELP_EXTRAS_RU.default}: ${shown}`,
      ].filter((x): x is string => x !== null);
      return [ru(argument.description), extra.length > 0 ? `(${extra.join(', ')})` : ''].filter(Boolean).join(' ');
    },
    optionDescription: (option: Option): string => {
      // The parser's own rule: a default is shown for options that take a value.
      const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
      const extra = [
        option.argChoices ? `${HELP_EXTRAS_RU.choices}: ${option.argChoices.join(', ')}` : null,
        showDefault
          ? `${HELP_EXTRAS_RU.default}: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`
          : null,
      ].filter((x): x is string => x !== null);
      return [ru(option.description), extra.length > 0 ? `(${extra.join(', ')})` : ''].filter(Boolean).join(' ');
    },
  };
  // The footer that names each command's manual page (see buildProgram), in Russian.
  (program as unknown as EventEmitter).removeAllListeners('afterAllHelp');
  program.addHelpText('afterAll', ({ command }) =>
    command === program ? '' : `\n${HELP_EXTRAS_RU.manual}: ${manualPage(command.name())}`,
  );
  for (const cmd of [program, ...program.commands]) {
    cmd.configureHelp(help);
    const after = HELP_AFTER_RU[cmd === program ? 'folio' : cmd.name()];
    if (after !== undefined) {
      // The English examples are the `afterHelp` listeners addHelpText added (a documented event).
      (cmd as unknown as EventEmitter).removeAllListeners('afterHelp');
      cmd.addHelpText('after', after);
    }
  }
}
