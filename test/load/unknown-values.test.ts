import { describe, expect, it } from 'vitest';
import { unknownValuesWarning } from '../../src/load/unknown-values.js';
import { warningJson } from '../../src/present/messages/warnings.js';
import { NO_USER_VOCABULARY, statusClassifier } from '../../src/normalize/vocabulary.js';

describe('unknownValuesWarning', () => {
  it('is null when every value was known', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    c.classify('Won');
    c.classify('Negotiation');
    expect(unknownValuesWarning('d.csv', 'status', c)).toBeNull();
  });

  it('lists the first six values by rows, then how many more, with ties and empties named', () => {
    const c = statusClassifier(NO_USER_VOCABULARY);
    // 8 unknown spellings: v1 on 8 rows ... v8 on 1 row (36 rows), a tie on 1 row and 2 empty cells.
    for (let i = 1; i <= 8; i++) for (let n = 0; n < 9 - i; n++) c.classify(`v${i}`);
    c.classify('Won/Lost');
    c.classify('');
    c.classify(' ');
    expect(warningJson(unknownValuesWarning('d.csv', 'status', c)!)).toMatchObject({
      code: 'UNKNOWN_STATUS',
      message:
        'd.csv: 39 row(s) whose status no list knows, read as open (not revenue): "v1" (8), "v2" (7), "v3" (6), "v4" (5), "v5" (4), "v6" (3), and 5 more; classify one with --won, --lost, --open or --refund "VALUE"',
    });
    const small = statusClassifier(NO_USER_VOCABULARY);
    small.classify('Won/Lost');
    small.classify('');
    expect(warningJson(unknownValuesWarning('d.csv', 'status', small)!).message).toBe(
      'd.csv: 2 row(s) whose status no list knows, read as open (not revenue): empty (1), "Won/Lost" (1, matches won and lost equally); classify one with --won, --lost, --open or --refund "VALUE"',
    );
  });
});
