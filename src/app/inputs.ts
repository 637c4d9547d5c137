import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Role } from '../config/settings.js';
import { FolioError } from '../errors.js';
import { peekRows } from '../io/read-table.js';
import { ACTIVITY_NEEDS } from '../normalize/activities.js';
import { CLIENT_FIELDS } from '../normalize/clients.js';
import { fitColumns, type FieldNeeds } from '../normalize/columns.js';
import { DEAL_NEEDS } from '../normalize/deals.js';
import { LEAD_NEEDS } from '../normalize/leads.js';

export const ROLES: Role[] = ['deals', 'activities', 'leads', 'clients'];

/** Words in a file name that say what it holds (English and Russian CRM export names). */
const NAME_WORDS: Record<Role, string[]> = {
  deals: ['deals', 'deal', 'sales', 'orders', 'opportunities', 'сделки', 'продажи', 'заказы'],
  activities: ['activities', 'activity', 'contacts', 'calls', 'events', 'активности', 'контакты', 'звонки', 'дела'],
  leads: ['leads', 'requests', 'pipeline', 'лиды', 'заявки'],
  clients: ['clients', 'companies', 'accounts', 'customers', 'клиенты', 'компании', 'контрагенты'],
};

/**
 * Fields that must map for a file to be taken for a role by its header: what the role's
 * reader needs; a clients file also needs one column beyond the client name.
 */
const HEADER_TEST: Record<Role, FieldNeeds> = {
  deals: DEAL_NEEDS,
  activities: ACTIVITY_NEEDS,
  leads: LEAD_NEEDS,
  clients: { specs: CLIENT_FIELDS, oneOf: [['want', 'can'], ['key'], ['dossier']] },
};

/** The one role a header fits best (a leads or activity export also looks like deals), or null. */
export function guessRole(file: string, header: string[]): Role | null {
  const fits = roleByHeader(file, header);
  const roles = fits.length > 1 ? fits.filter((r) => r !== 'deals') : fits;
  return roles.length === 1 ? (roles[0] as Role) : null;
}

/**
 * The header among a file's first rows, found as when the file is read: the first row that
 * fits some role (a report's title lines above it are passed over); null when none does.
 */
function headerOf(file: string, rows: string[][] | null): string[] | null {
  return rows?.find((row) => roleByHeader(file, row).length > 0) ?? null;
}

export interface FoundInputs {
  files: Partial<Record<Role, string>>;
  /** How each file was recognised, for the user. */
  notes: string[];
}

function roleByName(file: string): Role[] {
  const name = basename(file, extname(file)).toLowerCase();
  const words = name.split(/[^\p{L}\p{N}]+/u);
  return ROLES.filter((role) => NAME_WORDS[role].some((w) => words.includes(w)));
}

/** Roles a header has the columns for. */
export function roleByHeader(file: string, header: string[]): Role[] {
  return ROLES.filter((role) => {
    try {
      return fitColumns(file, header, HEADER_TEST[role], {}, 1).missing.length === 0;
    } catch {
      return false;
    }
  });
}

/**
 * The inputs of a multi-file command: files named by flags, and the files of a folder
 * recognised by their names or, failing that, by their headers. Two candidates for one
 * role is an error that names both.
 */
export async function findInputs(folder: string | undefined, named: Partial<Record<Role, string>>): Promise<FoundInputs> {
  const files: Partial<Record<Role, string>> = { ...named };
  const notes: string[] = [];
  for (const role of ROLES) if (named[role]) notes.push(`${role}: ${named[role]} (named)`);
  if (folder === undefined) return { files, notes };

  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw new FolioError({ code: 'CANNOT_OPEN', file: folder, message: 'is not a folder', hint: 'give a folder of CSV exports, or name the files with --deals, --activities, --leads, --clients' });
  }
  const entries = (await readdir(folder)).filter((f) => /\.(csv|tsv|txt)$/i.test(f)).sort();
  const candidates = new Map<Role, { file: string; how: string }[]>();
  for (const entry of entries) {
    const file = join(folder, entry);
    const header = headerOf(file, await peekRows(file));
    const fits = header ? roleByHeader(file, header) : [];
    const byName = roleByName(entry);
    let roles: Role[];
    let how: string;
    if (byName.length > 0) {
      // The name proposes, the columns confirm: "sales_teams.csv" is not a deals export.
      // A pipeline export named for deals and leads serves both.
      roles = byName.filter((r) => fits.includes(r));
      how = 'by its name and columns';
    } else {
      const role = header ? guessRole(file, header) : null;
      roles = role ? [role] : [];
      how = 'by its columns';
    }
    for (const role of roles) {
      if (named[role]) continue;
      candidates.set(role, [...(candidates.get(role) ?? []), { file, how }]);
    }
  }
  for (const [role, list] of candidates) {
    if (list.length > 1) {
      throw new FolioError({
        code: 'AMBIGUOUS_INPUT',
        file: folder,
        message: `two files could be the ${role}: ${list.map((c) => c.file).join(' and ')}`,
        hint: `name the one to use with --${role} FILE`,
      });
    }
    const only = list[0] as { file: string; how: string };
    files[role] = only.file;
    notes.push(`${role}: ${only.file} (recognised ${only.how})`);
  }
  return { files, notes };
}
