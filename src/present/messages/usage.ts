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
  'commander.unknownOption': (f) => `ошибка: неизвестный флаг '${f.name}'`,
  'commander.unknownCommand': (f) => `ошибка: неизвестная команда '${f.name}'`,
  'commander.missingArgument': (f) => `ошибка: не указан обязательный аргумент '${f.name}'`,
  'commander.optionMissingArgument': (f) => `ошибка: флагу '${f.name}' нужно значение`,
  'commander.missingMandatoryOptionValue': (f) => `ошибка: не указан обязательный флаг '${f.name}'`,
  'commander.invalidArgument': (f) =>
    `ошибка: у флага '${f.name}' недопустимое значение '${f.value}'${f.choices ? `; допустимо: ${f.choices}` : ''}`,
  'commander.excessArguments': (f) => `ошибка: слишком много аргументов для '${f.name}'`,
  'commander.conflictingOption': (f) => `ошибка: флаг '${f.name}' нельзя сочетать с '${f.value}'`,
};

/** A usage error as said in `lang`: the parser's message in English, the catalog's in Russian (with the suggestion). */
export function usageText(code: string, message: string, lang: Lang): string {
  const ru = RU[code];
  if (lang === 'en' || ru === undefined) return message;
  const quoted = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
  const fields: UsageFields = {
    name: quoted[0] ?? '',
    value: quoted[1] ?? '',
    suggestion: /Did you mean (.+?)\?/.exec(message)?.[1] ?? null,
    choices: /Allowed choices are (.+?)\.?$/m.exec(message)?.[1] ?? null,
  };
  return `${ru(fields)}${fields.suggestion ? `\n(может быть, ${fields.suggestion}?)` : ''}\n`;
}
