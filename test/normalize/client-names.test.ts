import { describe, expect, it } from 'vitest';
import { ClientNames } from '../../src/normalize/client-names.js';

describe('ClientNames: the name a client is shown by', () => {
  it('is the most frequent spelling, a tie going to the one met first', () => {
    const names = new ClientNames();
    // Counted by hand: «ООО «Ромашка»» 2 rows, «Ромашка ООО» 3, «ромашка  ооо» 1.
    const rows = ['ООО «Ромашка»', 'Ромашка ООО', 'ромашка  ооо', 'Ромашка ООО', 'ООО «Ромашка»', 'Ромашка ООО'];
    const keys = new Set(rows.map((r) => names.seen(r, 'deals')));
    expect(keys.size).toBe(1);
    const key = [...keys][0] as string;
    expect(names.name(key)).toBe('Ромашка ООО');
    // One more «ООО «Ромашка»»: 3 against 3, and it was met first.
    names.seen('ООО «Ромашка»', 'deals');
    expect(names.name(key)).toBe('ООО «Ромашка»');
  });

  it('counts spellings that differ in outer spaces and runs of spaces as one spelling, shown trimmed', () => {
    const names = new ClientNames();
    const key = names.seen('  Acme   Inc ', 'deals');
    names.seen('Acme Inc', 'deals');
    names.seen('ACME, Inc.', 'deals');
    expect(names.name(key)).toBe('Acme Inc');
  });

  it('is chosen among the rows of the first input that names the client, whatever the later ones say', () => {
    const names = new ClientNames();
    const key = names.seen('Acme Inc', 'deals');
    for (let i = 0; i < 5; i++) names.seen('ACME INC.', 'activities');
    expect(names.name(key)).toBe('Acme Inc');
    // A client the log alone names is shown as the log spells it most often.
    const beta = names.seen('beta llc', 'activities');
    names.seen('Beta LLC', 'activities');
    names.seen('Beta LLC', 'activities');
    expect(names.name(beta)).toBe('Beta LLC');
  });

  it('gives the fallback for a key that no row named (a name typed on the command line)', () => {
    const names = new ClientNames();
    const key = names.key('Gamma Corp');
    expect(names.name(key, 'Gamma Corp')).toBe('Gamma Corp');
    expect(names.warnings()).toEqual([]);
  });

  it('counts the byte reader’s numbered spellings as their text, and another numbering’s by their text', () => {
    const byText = new ClientNames();
    const byNumber = new ClientNames();
    const mine = {};
    const other = {};
    const rows: [string, number][] = [
      ['Acme Inc', 0],
      ['ACME, Inc.', 1],
      ['ACME, Inc.', 1],
      ['Beta', 2],
    ];
    for (const [spelling] of rows) byText.seen(spelling, 'deals');
    for (const [spelling, n] of rows) byNumber.seenDeal(spelling, n, mine);
    // The other numbering's 0 is Beta: were it taken as this one's, the row would go to Acme Inc.
    byNumber.seenDeal('Beta', 0, other);
    byText.seen('Beta', 'deals');
    expect(byNumber.toData()).toEqual(byText.toData());
    expect(byNumber.toData()).toEqual([
      ['Acme Inc', 1, 'acme|inc', 'acme'],
      ['ACME, Inc.', 2, 'acme|inc', 'acme'],
      ['Beta', 2, 'beta', 'beta'],
    ]);
  });

  it('adds a later part’s rows as one pass would: the same counts, and ties broken in the order met', () => {
    const rows = ['ACME Inc', 'Beta', 'Acme, Inc.', 'ACME Inc', 'Acme, Inc.', 'Gamma'];
    const once = new ClientNames();
    for (const r of rows) once.seen(r, 'deals');
    const first = new ClientNames();
    const later = new ClientNames();
    rows.forEach((r, i) => (i < 3 ? first : later).seen(r, 'deals'));
    first.absorb(later.toData());
    expect(first.toData()).toEqual(once.toData());
    const key = once.key('Acme Inc');
    // 2 rows each: «ACME Inc» was met first in both.
    expect(first.name(key)).toBe('ACME Inc');
    expect(first.warnings()).toEqual(once.warnings());
  });
});

describe('ClientNames.warnings', () => {
  it('lists each merged client with its spellings and rows, and names one form apart as maybe one company', () => {
    const names = new ClientNames();
    const rows = [
      'ООО «Ромашка»',
      'Ромашка ООО',
      'ООО «Ромашка»',
      'АО Ромашка',
      'Ромашка',
      'Acme, Inc.',
      'ACME Inc',
      'Acme Industries',
    ];
    for (const r of rows) names.seen(r, 'deals');
    names.seen('acme inc', 'activities');
    expect(names.warnings()).toEqual([
      {
        code: 'CLIENT_SPELLINGS_MERGED',
        fields: {
          count: 2,
          clients: [
            // 3 rows each (Acme's over the deals and the log): the names' order, A before О, breaks the tie.
            {
              client: 'Acme, Inc.',
              spellings: [
                { spelling: 'Acme, Inc.', rows: 1 },
                { spelling: 'ACME Inc', rows: 1 },
                { spelling: 'acme inc', rows: 1 },
              ],
            },
            {
              client: 'ООО «Ромашка»',
              spellings: [
                { spelling: 'ООО «Ромашка»', rows: 2 },
                { spelling: 'Ромашка ООО', rows: 1 },
              ],
            },
          ],
        },
      },
      {
        code: 'CLIENT_FORMS_DIFFER',
        fields: {
          count: 1,
          groups: [
            [
              { client: 'ООО «Ромашка»', rows: 3 },
              { client: 'АО Ромашка', rows: 1 },
              { client: 'Ромашка', rows: 1 },
            ],
          ],
        },
      },
    ]);
  });

  it('names the first ten clients of most rows and counts the rest', () => {
    const names = new ClientNames();
    for (let i = 1; i <= 12; i++) {
      for (let r = 0; r < i; r++) names.seen(`Client ${i} Ltd`, 'deals');
      names.seen(`CLIENT ${i}, LTD.`, 'deals');
    }
    const [merged] = names.warnings();
    expect(merged?.code).toBe('CLIENT_SPELLINGS_MERGED');
    const fields = merged?.fields as { count: number; clients: { client: string }[] };
    expect(fields.count).toBe(12);
    expect(fields.clients.map((c) => c.client)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `Client ${i} Ltd`),
    );
  });

  it('says nothing under --exact-names, where every spelling is its own client', () => {
    const names = new ClientNames('exact');
    const a = names.seen('ООО «Ромашка»', 'deals');
    const b = names.seen('Ромашка ООО', 'deals');
    const c = names.seen('АО Ромашка', 'deals');
    expect(new Set([a, b, c]).size).toBe(3);
    expect(names.seen('  ООО  «Ромашка» ', 'deals')).toBe(a);
    expect(names.warnings()).toEqual([]);
  });
});
