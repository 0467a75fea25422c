import { describe, expect, it } from 'vitest';
import { filled, rule, whole } from './rule.js';

describe('rule', () => {
  it('refuses a group list that does not name the groups of its pattern', () => {
    expect(() => rule(['month'], '(?<month>march)\\s+(?<day>\\d+)', () => [])).toThrow(/do not match/);
    expect(() => rule(['month', 'day'], '(?<month>march)', () => [])).toThrow(/do not match/);
  });

  it('matches whole words only, in any case', () => {
    const march = rule(['month'], '(?<month>march)', (m) => whole(m, { kind: 'month', month: 3 }));
    expect([...'MARCH marching March.'.matchAll(march.pattern)].map((m) => m.index)).toEqual([0, 15]);
  });

  it('records group spans only where asked', () => {
    expect(rule([], 'a', () => []).pattern.hasIndices).toBe(false);
    expect(rule([], 'a', () => [], { spans: true }).pattern.hasIndices).toBe(true);
  });

  it('reads a group every match fills, and fails loudly on one that is empty', () => {
    const read = rule(['day', 'year'], '(?<day>\\d+)(?:\\s+(?<year>\\d{4}))?', (m) => {
      expect(filled(m, 'day')).toBe('5');
      expect(() => filled(m, 'year')).toThrow(/group "year" is empty/);
      return [];
    });
    const match = read.pattern.exec('5');
    expect(match).not.toBeNull();
    if (match) read.read(match, '5');
  });
});
