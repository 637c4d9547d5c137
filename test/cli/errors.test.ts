import { describe, expect, it } from 'vitest';
import { memoryContext } from '../helpers/memory-context.js';
import { reportError } from '../../src/cli/main.js';
import { cell } from '../../src/codes/error-fields.js';
import { FolioError } from '../../src/folio-error.js';

const ctx = (): ReturnType<typeof memoryContext> => memoryContext();

describe('reportError', () => {
  it('prints an unexpected error in one line asking for a report, exit 70, the trace only with --debug', async () => {
    const quiet = ctx();
    expect(await reportError(new TypeError('boom'), quiet, ['node', 'folio', 'share', 'x.csv'])).toBe(70);
    expect(quiet.err()).toMatch(/^folio: internal error: boom\. This is a bug in folio; please report it/);
    expect(quiet.err()).not.toMatch(/\n\s+at /);
    const loud = ctx();
    await reportError(new TypeError('boom'), loud, ['node', 'folio', 'share', 'x.csv', '--debug']);
    expect(loud.err()).toMatch(/\n\s+at /);
  });

  it('prints a FolioError as file:line:column, header, value, hint; exit 2', async () => {
    const c = ctx();
    const at = { file: 'd.csv', line: 3, column: 2, header: 'Amount', value: '12x' };
    const error = new FolioError({
      code: 'BAD_NUMBER',
      ...at,
      cells: [{ ...at, says: { text: cell('NOT_A_NUMBER', {}), hint: 'fix-amount' } }],
    });
    expect(await reportError(error, c, [])).toBe(2);
    // The words are the catalog's (src/present/messages/error-words.ts).
    expect(c.err()).toBe(
      'folio: d.csv:3:2: Amount "12x": not a number\n  hint: fix the amount; or pass --skip-invalid to skip such rows and count them\n',
    );
  });

  it('leaves the value out under --redact: a value may be a client name', async () => {
    const c = ctx();
    const at = { file: 'd.csv', line: 3, column: 1, header: 'Client', value: 'ООО Ромашка' };
    const error = new FolioError({
      code: 'BAD_VALUE',
      ...at,
      cells: [{ ...at, says: { text: cell('NO_VALUE', { field: 'amount' }), hint: 'fix-amount' } }],
    });
    await reportError(error, c, ['node', 'folio', 'check', '--redact']);
    expect(c.err()).not.toContain('Ромашка');
    expect(c.err()).toMatch(/d\.csv:3:1: Client: no amount/);
  });
});
