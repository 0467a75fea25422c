import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { durationRules } from './durations.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['The talks lasted three days.', [{ text: 'three days', expression: { kind: 'duration', count: 3, unit: 'day' } }]],
  ['The outage lasted 24 hours.', [{ text: '24 hours', expression: { kind: 'duration', count: 24, unit: 'hour' } }]],
  [
    'The port was shut for a decade.',
    [{ text: 'a decade', expression: { kind: 'duration', count: 1, unit: 'decade' } }],
  ],
  ['It took several weeks.', [{ text: 'several weeks', expression: { kind: 'duration', count: null, unit: 'week' } }]],
  ['It will take 2 1/2 years.', [{ text: '2 1/2 years', expression: { kind: 'duration', count: 2.5, unit: 'year' } }]],
  [
    'The hearing lasted a minute and a half.',
    [{ text: 'a minute and a half', expression: { kind: 'duration', count: 1.5, unit: 'minute' } }],
  ],
  [
    'Queues lasted more than four hours.',
    [{ text: 'more than four hours', expression: { kind: 'duration', count: 4, unit: 'hour', mod: 'MORE_THAN' } }],
  ],
  [
    'Loans run at least 30 days.',
    [{ text: 'at least 30 days', expression: { kind: 'duration', count: 30, unit: 'day', mod: 'EQUAL_OR_MORE' } }],
  ],
  [
    'Repairs need two more weeks.',
    [{ text: 'two more weeks', expression: { kind: 'duration', count: 2, unit: 'week' } }],
  ],
  [
    'Profit rose in the first six months.',
    [{ text: 'the first six months', expression: { kind: 'duration', count: 6, unit: 'month' } }],
  ],
  ['They held a two-day strike.', [{ text: 'two-day', expression: { kind: 'duration', count: 2, unit: 'day' } }]],
  ['It is a 10-year plan.', [{ text: '10-year', expression: { kind: 'duration', count: 10, unit: 'year' } }]],
  [
    'Traffic fell in the past week.',
    [{ text: 'the past week', expression: { kind: 'duration', count: 1, unit: 'week' } }],
  ],
  [
    'Prices rose over the last three years.',
    [{ text: 'the last three years', expression: { kind: 'duration', count: 3, unit: 'year' } }],
  ],
  [
    'Talks go on for the next two months.',
    [{ text: 'the next two months', expression: { kind: 'duration', count: 2, unit: 'month' } }],
  ],
  [
    'Crews worked the past few days.',
    [{ text: 'the past few days', expression: { kind: 'duration', count: null, unit: 'day' } }],
  ],
  [
    'Strikes spread in recent weeks.',
    [{ text: 'recent weeks', expression: { kind: 'duration', count: null, unit: 'week' } }],
  ],
  [
    'Prices may rise in the coming months.',
    [{ text: 'the coming months', expression: { kind: 'duration', count: null, unit: 'month' } }],
  ],
  ['Crews waited for days.', [{ text: 'days', expression: { kind: 'duration', count: null, unit: 'day' } }]],
  // Watch out: what the rules leave alone or read only in part.
  ['The captain is 52 years old.', []],
  ['A three-year-old boy was rescued.', []],
  ['Crews earn $2 million a year.', []],
  ['Trucks make four trips a week.', []],
  ['A second group arrived.', []],
  ['Sales fell in the 1988 second quarter.', []],
  ['The trip took 1.5 days.', [{ text: 'days', expression: { kind: 'duration', count: null, unit: 'day' } }]],
];

describe('duration rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, durationRules).map(({ text, expression }) => ({ text, expression }))).toEqual(
      found,
    );
  });
});
