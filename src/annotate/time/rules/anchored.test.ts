import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { anchoredRules } from './anchored.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['The pier reopened a day later.', [{ text: 'a day later', expression: { kind: 'narrative', offsetDays: 1 } }]],
  [
    'Two days earlier, the union had voted.',
    [{ text: 'Two days earlier', expression: { kind: 'narrative', offsetDays: -2 } }],
  ],
  [
    'The ban had been lifted three weeks before.',
    [{ text: 'three weeks before', expression: { kind: 'shift', count: -3, unit: 'week' } }],
  ],
  [
    'Prices were higher a year after.',
    [{ text: 'a year after', expression: { kind: 'shift', count: 1, unit: 'year' } }],
  ],
  [
    'The plant closed three days ago.',
    [{ text: 'three days ago', expression: { kind: 'ago', count: 3, unit: 'day' } }],
  ],
  ['The bridge opened a year ago.', [{ text: 'a year ago', expression: { kind: 'ago', count: 1, unit: 'year' } }]],
  ['The town flooded years ago.', [{ text: 'years ago', expression: { kind: 'ago', count: null, unit: 'year' } }]],
  [
    'The fund was set up almost two years ago.',
    [{ text: 'almost two years ago', expression: { kind: 'ago', count: 2, unit: 'year', mod: 'LESS_THAN' } }],
  ],
  [
    'The mine shut several months ago.',
    [{ text: 'several months ago', expression: { kind: 'ago', count: null, unit: 'month' } }],
  ],
  // Watch out: what the rules leave alone or read only in part.
  ['The ferry sailed three days after the storm.', []],
  ['The tunnel opened 2 1/2 years later.', []],
];

describe('anchored rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, anchoredRules).map(({ text, expression }) => ({ text, expression }))).toEqual(
      found,
    );
  });
});
