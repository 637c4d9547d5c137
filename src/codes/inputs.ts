import type { ErrorSays } from './error-fields.js';

/**
 * Why a file of a folder was not taken, as data: the command layer words it in the language
 * asked for, while `UnusedFile.why` keeps the English that JSON and English output print.
 */
export type UnusedReason =
  /** `error`: what reading its first rows raised (null: a problem of a cell, said in English); `line`: where, when it says. */
  | { code: 'unreadable'; error: ErrorSays | null; line: number | null }
  /** Named like these roles, without the columns any of them needs (`needs`: `client + amount` per way). */
  | { code: 'named-without-columns'; roles: string[]; needs: string[] }
  /** Columns only an activity log has (`signs`), without the fields it needs (`lacks`). */
  | { code: 'activity-log-without-columns'; signs: string[]; lacks: string[] }
  /** `header`: its first columns (at most six; `more` when it has others). */
  | { code: 'no-fitting-columns'; header: string[]; more: boolean }
  | { code: 'no-header' }
  | { code: 'too-deep' }
  | { code: 'legacy-workbook' }
  | { code: 'not-a-table' };

/** A file of the folder that folio saw and did not take, and why. */
export interface UnusedFile {
  file: string;
  /** In English, as JSON and the English output say it. */
  why: string;
  reason: UnusedReason;
}

/** What folio looked for in a folder for one role: the words of a file's name and the columns that make it one. */
export interface LookedFor {
  role: string;
  names: string[];
  needs: string[];
  /** Only a name tells this role (its columns alone are too common). */
  byNameOnly: boolean;
}
