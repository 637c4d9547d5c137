import type { Envelope } from '../schema/envelope.js';
import { batched, type Chunks } from './chunks.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Indented JSON, except that a list of records prints one record per line: readable for a
 * person, `grep`-able, and several times faster than indenting a million leads field by field.
 * Written as pieces in document order, so the text can leave while it is being made.
 */
function* pretty(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    const records = value.every(isRecord);
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (records) yield `${i === 0 ? '' : ',\n'}${inner}${JSON.stringify(v)}`;
      else {
        yield `${i === 0 ? '' : ',\n'}${inner}`;
        yield* pretty(v, inner);
      }
    }
    yield `\n${indent}]`;
    return;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i] as [string, unknown];
      yield `${i === 0 ? '' : ',\n'}${inner}${JSON.stringify(k)}: `;
      yield* pretty(v, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

export function jsonChunks(envelope: Envelope<unknown>): Chunks {
  return batched(
    (function* () {
      yield* pretty(envelope, '');
      yield '\n';
    })(),
  );
}
