import type { FolioError } from '../folio-error.js';

/**
 * Why a file of a folder was not taken, as data: the present layer words it, in English for
 * JSON and the English output, or in the language asked for.
 */
export type UnusedReason =
  /** `error`: what reading its first rows raised; `line`: where, when it says. */
  | { code: 'unreadable'; error: FolioError; line: number | null }
  /** Named like these roles, without the columns any of them needs (`needs`: per role, `client + amount` per way). */
  | { code: 'named-without-columns'; roles: string[]; needs: string[][] }
  /** Columns only an activity log has (`signs`), without the fields it needs (`lacks`). */
  | { code: 'activity-log-without-columns'; signs: string[]; lacks: string[] }
  /** `header`: its first columns (at most six; `more` when it has others). */
  | { code: 'no-fitting-columns'; header: string[]; more: boolean }
  | { code: 'no-header' }
  | { code: 'too-deep' }
  | { code: 'legacy-workbook' }
  | { code: 'not-a-table' };

/** The kinds of input a command reads. */
export type Role = 'deals' | 'leads' | 'activities' | 'clients' | 'offers';

/** A file taken for a role, and how: named by a flag, or recognised by its name and columns, or by its columns. */
export interface ChosenFile {
  role: Role;
  file: string;
  how: 'named' | 'name-and-columns' | 'columns';
}

/** A file of the folder that folio saw and did not take, and why. */
export interface UnusedFile {
  file: string;
  reason: UnusedReason;
}

/** What folio looked for in a folder for one role: the words of a file's name and the columns that make it one. */
export interface LookedFor {
  role: Role;
  names: string[];
  needs: string[];
  /** Only a name tells this role (its columns alone are too common). */
  byNameOnly: boolean;
}
