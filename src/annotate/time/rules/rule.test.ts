import { describe, expect, it } from 'vitest';
import { findCandidates, RULES as ALL_RULES } from '../candidates.js';
import { filled, rule, whole } from './rule.js';

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

/** Texts with expressions of every family, in several spellings, for the first words of their matches. */
const STARTED = [
  ...TRIGGERED,
  'Earlier Wednesday, later Monday, early Tuesday, last Friday night, this coming Sunday, Mondays and Tuesday mornings.',
  'At 10 a.m. Monday, 4 in the morning on Friday, Monday at 10 a.m., noon today, 9 p.m. EST yesterday, midnight tomorrow.',
  'Earlier today, later tonight, last night, this morning, the next day, the following morning, the day before.',
  'Two days later, a week earlier, twenty-four hours ago, about a year ago, several months ago, decades ago, centuries ago.',
  'The past week, the last three years, the next two months, more than four hours, at least 30 days, a 10-year plan.',
  'Ten-day talks, 2 1/2 years, a minute and a half, some years, a couple of weeks, two more weeks, hours, days, recent years.',
  'March 5, Sept. 30, Monday, March 4, 2019, 5 March, the 5th of March 2019, the first of April, by the 25th.',
  'March 1-5, 1-5 March, March 1 to 5, 2019, 2019-03-05, 3/5/2019, the year ended Jan. 31, in the fiscal year.',
  'Last week, this year, earlier this month, late last year, the end of this week, the beginning of next month, mid-2018.',
  'The third quarter, fourth-quarter, the year-earlier third quarter, last year’s second quarter, the 1988 period, year-ago profit.',
  'In March, early March, last September, September last year, May 2019, the end of March, between March and May.',
  'Nineteen ninety-six, the year two thousand, in 2018, the 1990s, the early 2000s, the 19th century, mid-1990s.',
  'Now, currently, nowadays, at the moment, at present, these days, recently, lately, the past, the near future.',
  'Every Monday, each week, every other day, daily, weekly, annually, fortnightly, each morning, every summer.',
  'ſeveral ſeconds, ſome daYs, the ſpring, the ſame day, a wee\u212A, ſix days, ſept. 5, \u{1D400} days, 𝐀 Monday.',
];

describe('rule first words', () => {
  it('begin every match of their rule, in any case', () => {
    const texts = STARTED.flatMap((text) => [text, text.toUpperCase(), text.toLowerCase()]);
    const started = ALL_RULES.filter((r) => r.starts !== undefined);
    expect(started.length).toBe(ALL_RULES.length);
    for (const r of started)
      for (const text of texts)
        for (const m of text.matchAll(r.pattern)) {
          const first = /^[\p{L}\p{N}]*/u.exec(m[0])![0].toLowerCase().replaceAll('ſ', 's');
          expect(
            r.starts!.some((start) => first.startsWith(start)),
            `"${m[0]}" begins with none of ${r.starts!.join(', ')}`,
          ).toBe(true);
        }
  });

  it('change nothing found: every rule scanned at every position gives the same candidates', () => {
    const scanned = ALL_RULES.map(({ starts: _, stickyPattern: __, ...r }) => r);
    for (const text of STARTED.flatMap((t) => [t, t.toUpperCase()]))
      expect(findCandidates(text)).toEqual(findCandidates(text, scanned));
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
