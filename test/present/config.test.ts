import { describe, expect, it } from 'vitest';
import { wrapList } from '../../src/present/config.js';

describe('wrapList', () => {
  it('cuts a list at its commas into lines of at most the width, every item kept in order', () => {
    // By hand: "aa, bbb," is 8 characters; adding " cc," would make 12 > 10.
    expect(wrapList(['aa', 'bbb', 'cc', 'd'], 10)).toEqual(['aa, bbb,', 'cc, d']);
    expect(wrapList(['aa', 'bbb', 'cc', 'd'], 100)).toEqual(['aa, bbb, cc, d']);
  });

  it('puts an item longer than the width on a line of its own rather than cutting it', () => {
    expect(wrapList(['a', 'a very long status phrase', 'b'], 8)).toEqual(['a,', 'a very long status phrase,', 'b']);
    expect(wrapList([], 8)).toEqual([]);
  });
});
