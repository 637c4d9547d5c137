import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color.js';

describe('colorEnabled', () => {
  it('follows flags first, then NO_COLOR, FORCE_COLOR, TERM=dumb and the TTY', () => {
    expect(colorEnabled(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(colorEnabled(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorEnabled(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(colorEnabled(undefined, {}, true)).toBe(true);
    expect(colorEnabled(undefined, {}, false)).toBe(false);
  });
});
