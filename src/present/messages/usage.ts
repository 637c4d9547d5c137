import type { Lang } from '../i18n.js';

/** What a usage error is made of, read from the parser's own message. */
export interface UsageFields {
  /** The option, command or argument named (the first quoted token). */
  name: string;
  /** The second quoted token: the value given to an option. */
  value: string;
  /** `Did you mean …?` */
  suggestion: string | null;
  /** `Allowed choices are …` */
  choices: string | null;
}

/** Russian for the parser's usage errors, by its error code; others keep the parser's English. */
const RU: Record<string, (f: UsageFields) => string> = {
  'commander.unknownOption': (f) => `неизвестный флаг '${f.name}'`,
  'commander.unknownCommand': (f) => `неизвестная команда '${f.name}'`,
  'commander.missingArgument': (f) => `не указан обязательный аргумент '${f.name}'`,
  'commander.optionMissingArgument': (f) => `флагу '${f.name}' нужно значение`,
  'commander.missingMandatoryOptionValue': (f) => `не указан обязательный флаг '${f.name}'`,
  'commander.invalidArgument': (f) =>
    `у флага '${f.name}' недопустимое значение '${f.value}'${f.choices ? `; допустимо: ${f.choices}` : ''}`,
  'commander.excessArguments': (f) => `слишком много аргументов для '${f.name}'`,
  'commander.conflictingOption': (f) => `флаг '${f.name}' нельзя сочетать с '${f.value}'`,
};

const HINT = {
  en: (command?: string) =>
    command === undefined
      ? '  hint: `folio --help` lists the commands\n'
      : `  hint: \`folio ${command} --help\` lists every option and argument\n`,
  ru: (command?: string) =>
    command === undefined
      ? '  подсказка: все команды — `folio --help`\n'
      : `  подсказка: все флаги и аргументы — \`folio ${command} --help\`\n`,
};

/**
 * A usage error as said in `lang`, in folio's own shape (`folio: …` and a hint that names the
 * help screen of `command`, or of folio): the parser's English message, or the catalog's
 * Russian (with the parser's suggestion).
 */
export function usageText(code: string, message: string, lang: Lang, command?: string): string {
  const ru = RU[code];
  if (lang === 'en' || ru === undefined) {
    const [first = '', ...rest] = message.trimEnd().split('\n');
    const lines = [`folio: ${first.replace(/^error: /, '')}`, ...rest];
    return `${lines.join('\n')}\n${HINT.en(command)}`;
  }
  const quoted = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
  const fields: UsageFields = {
    name: quoted[0] ?? '',
    value: quoted[1] ?? '',
    suggestion: /Did you mean (.+?)\?/.exec(message)?.[1] ?? null,
    choices: /Allowed choices are (.+?)\.?$/m.exec(message)?.[1] ?? null,
  };
  return `folio: ${ru(fields)}${fields.suggestion ? `\n(может быть, ${fields.suggestion}?)` : ''}\n${HINT.ru(command)}`;
}
