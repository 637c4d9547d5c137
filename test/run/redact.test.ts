import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/folio-error.js';
import type { CommandOutput } from '../../src/run/output.js';
import { Redactor, redactKey } from '../../src/run/redact.js';
import { buildEnvelope } from '../../src/schema/build.js';
import { english } from '../helpers/said.js';

// The pseudonyms are worked out here apart from folio: SHA-256 or HMAC-SHA-256 of the key a
// name has (a client's: its words and legal form, `acme|corp`; a person's: lower case), hex.
const hash = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 8);
const hmac = (key: string, text: string): string => createHmac('sha256', key).update(text).digest('hex').slice(0, 8);

describe('Redactor without a key', () => {
  const r = new Redactor();
  r.learn('Acme', 'client');
  r.learn('  Acme   Corp ', 'client');
  r.learn('ACME, Corp.', 'client');
  r.learn('Ivan', 'person');
  r.learn('1458', 'client');

  it('gives a stable hash of the client’s key, so that every spelling of one client has one pseudonym', () => {
    expect(r.text('Acme Corp')).toBe(`client-${hash('acme|corp')}`);
    expect(r.text('ACME, Corp.')).toBe(`client-${hash('acme|corp')}`);
    expect(r.text('Ivan')).toBe(`person-${hash('ivan')}`);
  });

  it('replaces names inside texts, the longest first, as whole words only', () => {
    expect(r.text('Acme Corp and Acme, managed by Ivan')).toBe(
      `client-${hash('acme|corp')} and client-${hash('acme')}, managed by person-${hash('ivan')}`,
    );
    expect(r.text('Ivanov of Acmeware')).toBe('Ivanov of Acmeware');
    // The raw spelling, spaces and all, is replaced too.
    expect(r.text('"  Acme   Corp "')).toBe(`"  client-${hash('acme|corp')} "`);
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

describe('Redactor with a key', () => {
  const keyed = (key: string): Redactor => {
    const r = new Redactor({ bytes: Buffer.from(key) });
    r.learn('Acme Corp', 'client');
    r.learn('Ivan', 'person');
    return r;
  };

  it('gives an HMAC of the kind and key of the name: the same name and key, the same pseudonym in every run', () => {
    expect(keyed('s3cret').text('Acme Corp')).toBe(`client-${hmac('s3cret', 'client\nacme|corp')}`);
    expect(keyed('s3cret').text('Ivan')).toBe(`person-${hmac('s3cret', 'person\nivan')}`);
    expect(keyed('s3cret').text('Acme Corp')).toBe(keyed('s3cret').text('Acme Corp'));
  });

  it('gives other pseudonyms under another key, and none that the plain hash of a guessed name confirms', () => {
    const a = keyed('s3cret').text('Acme Corp');
    const b = keyed('other').text('Acme Corp');
    expect(a).not.toBe(b);
    expect(a).not.toBe(`client-${hash('acme|corp')}`);
    expect(b).not.toBe(`client-${hash('acme|corp')}`);
  });
});

describe('Redactor.output', () => {
  const output = (): CommandOutput => ({
    envelope: buildEnvelope('share', null, [], { client: 'Acme Corp' }, []),
    doc: () => ({ title: 'Acme Corp', sections: [] }),
    tables: () => [],
    sectioned: false,
    exitCode: 0,
  });

  it('warns without a key that the pseudonyms can be confirmed by guessing, and says how to set one', () => {
    const r = new Redactor();
    r.learn('Acme Corp', 'client');
    const out = r.output(output());
    expect(out.envelope.result).toEqual({ client: `client-${hash('acme|corp')}` });
    expect(out.envelope.warnings.map((w) => w.code)).toEqual(['REDACT_UNKEYED']);
    expect(out.envelope.warnings[0]?.message).toContain(
      'set FOLIO_REDACT_KEY to a secret (or pass --redact-key-file FILE)',
    );
    const empty = new Redactor({ bytes: null, emptyKey: true }).output(output());
    expect(empty.envelope.warnings[0]?.message).toMatch(/^FOLIO_REDACT_KEY is empty/);
  });

  it('says nothing of the kind with a key, and never shows the key', () => {
    const r = new Redactor({ bytes: Buffer.from('s3cret') });
    r.learn('Acme Corp', 'client');
    const out = r.output(output());
    expect(out.envelope.warnings).toEqual([]);
    expect(JSON.stringify(out.envelope) + JSON.stringify(out.doc())).not.toContain('s3cret');
  });
});

describe('redactKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-key-'));

  it('reads the key file less its final line break, the same key as FOLIO_REDACT_KEY', async () => {
    const file = join(dir, 'key');
    writeFileSync(file, 's3cret\r\n');
    expect(await redactKey(file, {})).toEqual({ bytes: Buffer.from('s3cret') });
    expect(await redactKey(undefined, { FOLIO_REDACT_KEY: 's3cret' })).toEqual({ bytes: Buffer.from('s3cret') });
    // The file wins over the environment, as a flag does.
    expect(await redactKey(file, { FOLIO_REDACT_KEY: 'other' })).toEqual({ bytes: Buffer.from('s3cret') });
  });

  it('has no key without either, and tells an empty FOLIO_REDACT_KEY apart', async () => {
    expect(await redactKey(undefined, {})).toEqual({ bytes: null, emptyKey: false });
    expect(await redactKey(undefined, { FOLIO_REDACT_KEY: '' })).toEqual({ bytes: null, emptyKey: true });
  });

  it('stops with exit 2, located at the file, when the file is missing or empty', async () => {
    const missing = join(dir, 'nope');
    const error = await redactKey(missing, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect(error).toMatchObject({ exitCode: 2, file: missing });
    expect(english(error).message).toBe('no such redaction key file');
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    const emptied = await redactKey(empty, { FOLIO_REDACT_KEY: 's3cret' }).catch((e: unknown) => e);
    expect(emptied).toMatchObject({ exitCode: 2, file: empty });
    expect(english(emptied).message).toBe('the redaction key file is empty');
  });
});
