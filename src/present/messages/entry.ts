import type { Lang } from '../i18n.js';

/** What a message says in one language: its text, and for an error the hint that fixes it. */
export interface Says<F> {
  text: (fields: F) => string;
  hint?: (fields: F) => string;
}

/** One message in every language folio speaks, side by side, so none can be left out. */
export type Entry<F> = Record<Lang, Says<F>>;

/** A catalog: for each code of `Fields`, its entry, typed by that code's fields. */
export type Catalog<Fields> = { [C in keyof Fields]: Entry<Fields[C]> };

/** The text (and hint) of one code in one language. */
export function say<Fields, C extends keyof Fields>(
  catalog: Catalog<Fields>,
  code: C,
  fields: Fields[C],
  lang: Lang,
): { text: string; hint: string | undefined } {
  const says = catalog[code][lang];
  return { text: says.text(fields), hint: says.hint?.(fields) };
}
