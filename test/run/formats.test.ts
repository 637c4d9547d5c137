import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/folio-error.js';
import { chooseFormat, formatOfFile } from '../../src/run/formats.js';
import { english } from '../helpers/said.js';

describe('chooseFormat', () => {
  it("takes the format from the output file's extension when none is asked for", () => {
    expect(chooseFormat(undefined, false, 'out/report.HTML')).toBe('html');
    expect(chooseFormat(undefined, false, 'r.md')).toBe('markdown');
    expect(chooseFormat(undefined, false, 'r.jsonl')).toBe('ndjson');
    expect(chooseFormat(undefined, false, 'r.txt')).toBe('table');
    expect(chooseFormat(undefined, false, undefined)).toBe('table');
    expect(formatOfFile('report')).toBeNull();
  });

  it('takes --format or --json when the extension agrees or says nothing', () => {
    expect(chooseFormat('md', false, 'r.markdown')).toBe('markdown');
    expect(chooseFormat(undefined, true, 'r.json')).toBe('json');
    expect(chooseFormat('csv', false, 'r.txt')).toBe('csv');
    expect(chooseFormat('github', false, undefined)).toBe('github');
  });

  it('refuses a format that contradicts the extension, with exit 2 and a hint', () => {
    const refused = (f: () => unknown): FolioError => {
      try {
        f();
      } catch (e) {
        if (e instanceof FolioError) return e;
      }
      throw new Error('not refused');
    };
    const e = refused(() => chooseFormat('json', false, 'report.html'));
    expect([e.code, e.exitCode]).toEqual(['FORMAT_CONFLICT', 2]);
    expect(english(e).hint).toBe('drop --format to write html, or name the file for json (e.g. report.json)');
    expect(english(refused(() => chooseFormat(undefined, true, 'r.csv'))).message).toBe(
      '--json contradicts the output file r.csv, whose name says csv',
    );
    expect(english(refused(() => chooseFormat('table', false, 'r.html'))).hint).toBe(
      'drop --format to write html, or name the file for table (an extension such as .txt)',
    );
  });
});
