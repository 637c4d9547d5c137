import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../helpers/memory-context.js';
import { main } from '../../src/cli/main.js';

/** The CLI in this process, its stdout a terminal or not (a child process's never is). */
const ctx = (tty: boolean): ReturnType<typeof memoryContext> => memoryContext({ LANG: 'C' }, tty);

// fixtures/past-month's report raises three warnings: Ann's 70% of the window (MANAGER_SHARE),
// no discount column, and three unclassified leads.
const REPORT = ['node', 'folio', 'report', 'fixtures/past-month', '--period', '2026-10', '--big', '1000', '--no-color'];
const SHARE_WARNING = "Ann carries 70.0% of the window's revenue (2 client(s)), more than 40%";
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('a warning is printed once', () => {
  it('in the report, when the report is read on a terminal: not again on stderr', async () => {
    const c = ctx(true);
    expect(await main(REPORT, c)).toBe(0);
    expect(count(c.out(), SHARE_WARNING)).toBe(1);
    expect(c.out()).toContain('== Warnings ==');
    expect(c.err()).not.toContain('warning:');
  });

  it('on stderr when the report goes to a pipe or a file (and still in the report itself)', async () => {
    const piped = ctx(false);
    expect(await main(REPORT, piped)).toBe(0);
    expect(count(piped.out(), SHARE_WARNING)).toBe(1);
    expect(count(piped.err(), SHARE_WARNING)).toBe(1);
    expect(count(piped.err(), 'warning: ')).toBe(3);
    const file = join(mkdtempSync(join(tmpdir(), 'folio-once-')), 'report.md');
    const toFile = ctx(true);
    expect(await main([...REPORT, '-o', file], toFile)).toBe(0);
    expect(count(readFileSync(file, 'utf8'), SHARE_WARNING)).toBe(1);
    expect(count(toFile.err(), SHARE_WARNING)).toBe(1);
  });

  it('on stderr for a command whose output does not list them, on a terminal too', async () => {
    const c = ctx(true);
    expect(await main(['node', 'folio', 'leads', 'fixtures/past-month/leads.csv', '--as-of', '2026-11-01'], c)).toBe(0);
    expect(count(c.err(), 'lead(s) have no amount or no expected close date')).toBe(1);
  });
});

describe('a workbook to a terminal', () => {
  it('is refused with exit 2 before anything is read', async () => {
    const c = ctx(true);
    expect(await main([...REPORT, '--format', 'xlsx'], c)).toBe(2);
    expect(c.out()).toBe('');
    expect(c.err()).toContain('folio: an Excel workbook is not for a terminal');
    expect(c.err()).toContain('-o report.xlsx');
  });
});
