import type { ChosenFile, UnusedFile } from '../../codes/inputs.js';
import type { Lang } from '../i18n.js';
import { unusedWhy } from './error-words.js';

const HOW: Record<Lang, Record<ChosenFile['how'], string>> = {
  en: {
    named: 'named',
    'name-and-columns': 'recognised by its name and columns',
    columns: 'recognised by its columns',
  },
  ru: { named: 'указан флагом', 'name-and-columns': 'узнан по имени и колонкам', columns: 'узнан по колонкам' },
};

/** The kinds of input, as a person names them. */
export const ROLE_NAMES: Record<Lang, Record<ChosenFile['role'], string>> = {
  en: { deals: 'deals', activities: 'activities', leads: 'leads', clients: 'clients', offers: 'offers' },
  ru: { deals: 'сделки', activities: 'активности', leads: 'заявки', clients: 'клиенты', offers: 'КП' },
};

/** How each input was taken, then the files not used, one line each (`result.files` in English). */
export function inputNotes(chosen: readonly ChosenFile[], unused: readonly UnusedFile[], lang: Lang): string[] {
  return [
    ...chosen.map((c) => `${ROLE_NAMES[lang][c.role]}: ${c.file} (${HOW[lang][c.how]})`),
    ...unused.map((u) => `${lang === 'ru' ? 'не использован' : 'not used'}: ${u.file} (${unusedWhy(u, lang)})`),
  ];
}
