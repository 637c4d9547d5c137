import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/render/json.js';
import { buildEnvelope } from '../../src/schema/envelope.js';

describe('jsonChunks', () => {
  it('prints valid JSON equal to its input, one record per line in lists of records', () => {
    const result = {
      total: 1.5,
      clients: [
        { client: 'A "x"', share: 0.1 },
        { client: 'Б', share: 0.9, manager: undefined },
      ],
      counts: { a: 1 },
      tags: ['x', 'y'],
      empty: [],
    };
    const text = [...jsonChunks(buildEnvelope('share', null, [], result, []))].join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(buildEnvelope('share', null, [], result, []))));
    expect(text).toContain('\n      {"client":"A \\"x\\"","share":0.1},\n');
    expect(text.startsWith('{\n  "schemaVersion": 2,\n')).toBe(true);
  });
});
