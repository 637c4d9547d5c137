import { FolioError } from '../../src/folio-error.js';
import { errorInLang } from '../../src/present/messages/error-words.js';

/** What a FolioError says in English, as the command layer prints it: the catalog's words. */
export function english(error: unknown): { message: string; hint: string | undefined; more: string[] } {
  if (!(error instanceof FolioError)) throw new Error(`not a FolioError: ${String(error)}`);
  return errorInLang(error, 'en');
}

/** What `run` throws; fails when it throws nothing. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

/** The English message of the FolioError `run` throws. */
export function thrownMessage(run: () => unknown): string {
  return english(thrown(run)).message;
}

/** The English message of the FolioError `promise` rejects with; fails when it resolves. */
export async function rejectedMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return english(error).message;
  }
  throw new Error('not rejected');
}
