import { says } from '../codes/error-fields.js';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { FolioError } from '../folio-error.js';
import { peekRows } from '../io/read-table.js';
import { ACTIVITY_NEEDS } from '../normalize/activities.js';
import { CLIENT_FIELDS } from '../normalize/clients.js';
import { ACTIVITY_SIGN_ALIASES } from '../normalize/aliases.js';
import { fitColumns, type FieldNeeds } from '../normalize/columns.js';
import { headerKey } from '../normalize/text.js';
import { DEAL_NEEDS } from '../normalize/deals.js';
import { firstRowIsData } from '../normalize/headerless.js';
import { LEAD_NEEDS } from '../normalize/leads.js';
import { OFFER_NEEDS } from '../normalize/offers.js';
import type { ChosenFile, Role, UnusedFile } from '../codes/inputs.js';

/** The kinds of input folio reads. */

export const ROLES: Role[] = ['deals', 'activities', 'leads', 'clients', 'offers'];

/**
 * Roles found in a folder by their file name only: an offers export has a client and a date,
 * as a deals export does, so its columns alone cannot tell it.
 */
const BY_NAME_ONLY: ReadonlySet<Role> = new Set(['offers']);

/** Words in a file name that say what it holds (English and Russian CRM export names). */
const NAME_WORDS: Record<Role, string[]> = {
  deals: ['deals', 'deal', 'sales', 'orders', 'opportunities', 'сделки', 'продажи', 'заказы'],
  activities: ['activities', 'activity', 'contacts', 'calls', 'events', 'активности', 'контакты', 'звонки', 'дела'],
  leads: ['leads', 'requests', 'pipeline', 'лиды', 'заявки'],
  clients: ['clients', 'companies', 'accounts', 'customers', 'клиенты', 'компании', 'контрагенты'],
  offers: ['offers', 'quotes', 'proposals', 'кп', 'коммерческие предложения', 'предложения'],
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
  offers: OFFER_NEEDS,
};

const ACTIVITY_SIGN_KEYS = new Set(ACTIVITY_SIGN_ALIASES.map(headerKey));

/**
 * The headers that only an activity log has: an outcome, or the kind of contact (`Call Type`,
 * `Activity Type`). A file with one and no amount is an activity log, even one that lacks
 * what the cadence needs; a vague `Type` is no sign (deals have one too).
 */
export function activitySigns(header: readonly string[]): string[] {
  return header.filter((h) => ACTIVITY_SIGN_KEYS.has(headerKey(h)));
}

/** The one role a header fits best (a leads or activity export also looks like deals), or null. */
export function guessRole(file: string, header: string[]): Role | null {
  const fits = roleByHeader(file, header).filter((r) => !BY_NAME_ONLY.has(r));
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

export type { ChosenFile, Role, UnusedFile };

export interface FoundInputs {
  /** The files of each role, in the order they are read: one table per role. */
  files: Partial<Record<Role, string[]>>;
  /** How each file was taken, for the user. */
  chosen: ChosenFile[];
  unused: UnusedFile[];
}

/** Files read as tables; what each one is, is told by its bytes when it is read. */
const TABLE_FILE = /\.(csv|tsv|txt|xlsx|xlsm|xls|parquet)$/i;
/** Spreadsheets that folio cannot read: the user has to save them as .xlsx or CSV. */
const WORKBOOK_FILE = /\.(xlsb|ods|numbers)$/i;

/** The ways of columns that make a file an input of this role: `client + amount`, one per way. */
function columnWays(role: Role): string[] {
  const needs = HEADER_TEST[role];
  const required = needs.specs.filter((s) => s.required).map((s) => s.field);
  return (needs.oneOf ?? [[]]).map((set) => [...required, ...set].join(' + '));
}

export function roleByName(file: string): Role[] {
  const name = basename(file, extname(file)).toLowerCase();
  const words = ` ${name.split(/[^\p{L}\p{N}]+/u).join(' ')} `;
  // Whole words, or a run of them («коммерческие предложения»).
  return ROLES.filter((role) => NAME_WORDS[role].some((w) => words.includes(` ${w} `)));
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
 * The inputs of a multi-file command: files named by flags, and the files of a folder and
 * of its subfolders (one level deep) recognised by their names or, failing that, by their
 * headers. Several files of one role (`deals-2026-09.csv`, `deals-2026-10.csv`) are all
 * taken, in name order, and read as one table; a role named by a flag takes no file of the
 * folder. A folder where nothing is recognised is an error that says what was looked for
 * and what was seen.
 */
export async function findInputs(
  folder: string | undefined,
  named: Partial<Record<Role, string[]>>,
): Promise<FoundInputs> {
  const files: Partial<Record<Role, string[]>> = {};
  const chosen: ChosenFile[] = [];
  const unused: UnusedFile[] = [];
  for (const role of ROLES) {
    const list = named[role];
    if (list === undefined || list.length === 0) continue;
    files[role] = [...list];
    for (const file of list) chosen.push({ role, file, how: 'named' });
  }
  if (folder === undefined) return { files, chosen, unused };

  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw new FolioError({
      code: 'CANNOT_OPEN',
      file: folder,
      says: says('NOT_A_FOLDER', {}),
    });
  }
  const candidates = new Map<Role, { file: string; how: ChosenFile['how'] }[]>();
  for (const file of await listFiles(folder, unused)) {
    const { roles, how } = await recognise(file, unused);
    for (const role of roles) {
      if (files[role]) continue;
      candidates.set(role, [...(candidates.get(role) ?? []), { file, how }]);
    }
  }
  for (const [role, list] of candidates) {
    files[role] = list.map((c) => c.file);
    for (const c of list) chosen.push({ role, file: c.file, how: c.how });
  }
  if (Object.keys(files).length === 0) throw nothingFound(folder, unused);
  return { files, chosen, unused };
}

/**
 * The roles a folder's file serves, told by its name and its first rows; a file that serves
 * none goes to `unused` with the reason.
 */
async function recognise(file: string, unused: UnusedFile[]): Promise<{ roles: Role[]; how: ChosenFile['how'] }> {
  const peeked = await peekRows(file);
  if (peeked.problem !== undefined) {
    // The file's own error, located (an unclosed quote, bytes not in its encoding), whatever its name says it is.
    const p = peeked.problem;
    unused.push({ file, reason: { code: 'unreadable', error: p, line: p.line ?? null } });
    return { roles: [], how: 'columns' };
  }
  const header = headerOf(file, peeked.rows);
  const byName = roleByName(basename(file));
  // Named for deals, with data on its first row and no header above it (a 1C feed, a dump):
  // its columns are told by their content when it is read, or it stops saying which to map.
  const headerless = header === null && byName.includes('deals') && firstRowIsData(peeked.rows ?? []);
  const fits = header ? roleByHeader(file, header) : headerless ? ['deals' as Role] : [];
  if (byName.length > 0) {
    // The name proposes, the columns confirm: "sales_teams.csv" is not a deals export.
    // A pipeline export named for deals and leads serves both.
    const roles = byName.filter((r) => fits.includes(r));
    if (roles.length === 0)
      unused.push({ file, reason: { code: 'named-without-columns', roles: byName, needs: byName.map(columnWays) } });
    return { roles, how: 'name-and-columns' };
  }
  const role = header ? guessRole(file, header) : null;
  if (role) return { roles: [role], how: 'columns' };
  // No row fits a role: the first row read is what its header would be.
  const first = header ?? peeked.rows?.[0] ?? null;
  const signs = activitySigns(first ?? []);
  if (first && signs.length > 0 && !fits.includes('deals')) {
    const lacks = fitColumns(file, first, ACTIVITY_NEEDS, {}, 1).missing.map((s) => s.field);
    unused.push({ file, reason: { code: 'activity-log-without-columns', signs, lacks } });
  } else if (first) {
    unused.push({ file, reason: { code: 'no-fitting-columns', header: first.slice(0, 6), more: first.length > 6 } });
  } else unused.push({ file, reason: { code: 'no-header' } });
  return { roles: [], how: 'columns' };
}

/**
 * The table files of a folder and of its subfolders, sorted, the folder's own first. What is
 * not a table file, and anything deeper, goes to `unused` with the reason; hidden files
 * (.DS_Store, ~$lock files of Excel) are not exports and are passed over.
 */
async function listFiles(folder: string, unused: UnusedFile[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).filter(
      (e) => !e.name.startsWith('.') && !e.name.startsWith('~$'),
    );
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth === 0) subfolders.push(path);
        else
          unused.push({
            file: path,
            reason: { code: 'too-deep' },
          });
      } else if (TABLE_FILE.test(e.name)) out.push(path);
      else if (WORKBOOK_FILE.test(e.name))
        unused.push({
          file: path,
          reason: { code: 'legacy-workbook' },
        });
      else unused.push({ file: path, reason: { code: 'not-a-table' } });
    }
    for (const sub of subfolders) await visit(sub, depth + 1);
  };
  await visit(folder, 0);
  return out;
}

function nothingFound(folder: string, unused: UnusedFile[]): FolioError {
  return new FolioError({
    code: 'NO_INPUT',
    file: folder,
    moreCount: Math.max(0, unused.length - 10),
    says: says('NO_INPUT', {
      roles: [...ROLES],
      looked: ROLES.map((role) => ({
        role,
        names: [...NAME_WORDS[role]],
        needs: columnWays(role),
        byNameOnly: BY_NAME_ONLY.has(role),
      })),
      unused: unused.slice(0, 10),
    }),
  });
}
