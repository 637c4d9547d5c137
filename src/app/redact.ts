import { createHash } from 'node:crypto';
import { nameKey } from '../normalize/text.js';
import type { ReportResult } from './report.js';

/**
 * Stable short names for clients and people: the same name gives the same hash on every
 * run and machine, so CI logs can be compared without showing who the clients are.
 */
export class Redactor {
  private readonly names = new Map<string, string>();

  add(name: string | null | undefined, kind: 'client' | 'person'): void {
    if (!name || name.trim() === '') return;
    const key = nameKey(name);
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
    this.names.set(name, `${kind}-${hash}`);
  }

  name(name: string): string {
    return this.names.get(name) ?? name;
  }

  /** Replace every known name inside a text, longest first so that "Acme Corp" wins over "Acme". */
  text(text: string): string {
    let out = text;
    for (const name of [...this.names.keys()].sort((a, b) => b.length - a.length)) out = out.split(name).join(this.names.get(name) as string);
    return out;
  }

  /** A copy of a result with every name in every string replaced. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.deep(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T;
    }
    return value;
  }
}

export function redactorFor(report: ReportResult): Redactor {
  const r = new Redactor();
  for (const c of report.share?.clients ?? []) {
    r.add(c.client, 'client');
    r.add(c.manager, 'person');
  }
  for (const m of report.share?.managers ?? []) r.add(m.manager, 'person');
  for (const c of report.matrix?.clients ?? []) {
    r.add(c.client, 'client');
    r.add(c.manager, 'person');
  }
  for (const l of report.leads?.leads ?? []) {
    r.add(l.lead, 'client');
    r.add(l.client, 'client');
    r.add(l.manager, 'person');
  }
  for (const a of report.cadence?.agenda ?? []) {
    r.add(a.client, 'client');
    r.add(a.manager, 'person');
    r.add(a.cooloffManager, 'person');
  }
  for (const v of report.cadence?.violations ?? []) if (v.rule === 'cooloff') r.add(v.manager, 'person');
  return r;
}

