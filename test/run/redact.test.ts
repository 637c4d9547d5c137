import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/run/redact.js';

const hash = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

describe('Redactor', () => {
  const r = new Redactor();
  r.learn('Acme', 'client');
  r.learn('  Acme   Corp ', 'client');
  r.learn('Ivan', 'person');
  r.learn('1458', 'client');

  it('gives a stable hash of the name as folio compares names (trimmed, spaces collapsed, lower case)', () => {
    expect(r.text('Acme Corp')).toBe(`client-${hash('acme corp')}`);
    expect(r.text('Ivan')).toBe(`person-${hash('ivan')}`);
  });

  it('replaces names inside texts, the longest first, as whole words only', () => {
    expect(r.text('Acme Corp and Acme, managed by Ivan')).toBe(
      `client-${hash('acme corp')} and client-${hash('acme')}, managed by person-${hash('ivan')}`,
    );
    expect(r.text('Ivanov of Acmeware')).toBe('Ivanov of Acmeware');
    // The raw spelling, spaces and all, is replaced too.
    expect(r.text('"  Acme   Corp "')).toBe(`"  client-${hash('acme corp')} "`);
  });

  it('replaces a name without letters (an account ID) only where it is the whole value', () => {
    expect(r.text('1458')).toBe(`client-${hash('1458')}`);
    expect(r.text('skipped 1458 rows on 2026-10-01')).toBe('skipped 1458 rows on 2026-10-01');
  });

  it('redacts every string of a structure, keys and numbers left alone', () => {
    expect(r.deep({ client: 'Acme', revenue: 1458, rows: [{ manager: 'Ivan' }] })).toEqual({
      client: `client-${hash('acme')}`,
      revenue: 1458,
      rows: [{ manager: `person-${hash('ivan')}` }],
    });
  });
});
