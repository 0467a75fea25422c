import { describe, expect, it } from 'vitest';
import { tokenMatches } from './access.js';

describe('tokenMatches', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches('open sesame', 'open sesame')).toBe(true);
    expect(tokenMatches('open sesam', 'open sesame')).toBe(false);
    expect(tokenMatches('open sesame!', 'open sesame')).toBe(false);
    expect(tokenMatches('', 'open sesame')).toBe(false);
    expect(tokenMatches(undefined, 'open sesame')).toBe(false);
  });
});
