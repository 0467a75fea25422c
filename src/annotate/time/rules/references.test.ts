import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { referenceRules } from './references.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['Ferries are now running.', [{ text: 'now', expression: { kind: 'reference', value: 'PRESENT_REF' } }]],
  ['The port is currently closed.', [{ text: 'currently', expression: { kind: 'reference', value: 'PRESENT_REF' } }]],
  [
    'Current market conditions are poor.',
    [{ text: 'Current', expression: { kind: 'reference', value: 'PRESENT_REF' } }],
  ],
  ['Fares rose recently.', [{ text: 'recently', expression: { kind: 'reference', value: 'PAST_REF' } }]],
  ['The dock was busier in the past.', [{ text: 'the past', expression: { kind: 'reference', value: 'PAST_REF' } }]],
  [
    'Talks may resume in the near future.',
    [{ text: 'the near future', expression: { kind: 'reference', value: 'FUTURE_REF' } }],
  ],
  [
    'At the moment, no ships move.',
    [{ text: 'At the moment', expression: { kind: 'reference', value: 'PRESENT_REF' } }],
  ],
  // Watch out: what the rules leave alone or read only in part.
  ['Storms hit the past three summers.', []],
  ['Swimmers fought a strong current.', []],
  ['Talks will end soon.', []],
];

describe('reference rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, referenceRules).map(({ text, expression }) => ({ text, expression }))).toEqual(
      found,
    );
  });
});
