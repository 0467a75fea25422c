import { describe, expect, it } from 'vitest';
import { findCandidates } from '../candidates.js';
import { absoluteDateRules } from './absolute-dates.js';
import { anchoredRules } from './anchored.js';
import { clockTimeRules } from './clock-times.js';
import { durationRules } from './durations.js';
import { namedPeriodRules, relativePeriodRules } from './periods.js';
import { referenceRules } from './references.js';
import { relativeDayRules } from './relative-days.js';
import { filled, rule, whole } from './rule.js';
import { setRules } from './sets.js';

const ALL_RULES = [
  ...relativeDayRules,
  ...anchoredRules,
  ...relativePeriodRules,
  ...absoluteDateRules,
  ...namedPeriodRules,
  ...durationRules,
  ...setRules,
  ...referenceRules,
  ...clockTimeRules,
];

/** Texts with an expression of each family that has a trigger, in several spellings. */
const TRIGGERED = [
  'Profit rose in the third quarter of 2019 and in the year-ago quarter, the same period a year earlier.',
  'They met last weekend, on Christmas Eve 2019, on New Year’s Day and at Thanksgiving.',
  'In the year nineteen ninety-six, or two thousand, in the 1990s and the 1980’s, in the 19th century.',
  'Last spring, in the summer of 2018, every Monday, each other week, weekly and twice daily.',
  'On Monday of next week, in recent weeks and the coming months, three years ago, on the 5th, and then.',
];

describe('rule triggers', () => {
  it('are found in every match of their rule, in any case', () => {
    const texts = TRIGGERED.flatMap((text) => [text, text.toUpperCase(), text.toLowerCase()]);
    const triggered = ALL_RULES.filter((r) => r.trigger !== undefined);
    expect(triggered.length).toBeGreaterThan(10);
    for (const r of triggered)
      for (const text of texts)
        for (const m of text.matchAll(r.pattern)) expect(r.trigger!.test(m[0]), `${r.trigger} in "${m[0]}"`).toBe(true);
  });

  it('change nothing found: every rule scanned gives the same candidates', () => {
    const untriggered = ALL_RULES.map(({ trigger: _, ...r }) => r);
    for (const text of TRIGGERED) expect(findCandidates(text)).toEqual(findCandidates(text, untriggered));
  });
});

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
