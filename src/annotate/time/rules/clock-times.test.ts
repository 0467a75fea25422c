import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { clockTimeRules } from './clock-times.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['The vote closes at 10 a.m.', [{ text: '10 a.m.', expression: { kind: 'clock', time: { clock: '10:00' } } }]],
  ['Shops shut at 4:30 pm sharp.', [{ text: '4:30 pm', expression: { kind: 'clock', time: { clock: '16:30' } } }]],
  [
    'The flight lands at 9 p.m. EST, officials said.',
    [{ text: '9 p.m. EST', expression: { kind: 'clock', time: { clock: '21:00' } } }],
  ],
  ['Sirens sounded at noon.', [{ text: 'noon', expression: { kind: 'clock', time: { clock: '12:00' } } }]],
  ['The gates lock at midnight.', [{ text: 'midnight', expression: { kind: 'clock', time: { clock: '00:00' } } }]],
  [
    'The convoy left at 4 in the morning.',
    [{ text: '4 in the morning', expression: { kind: 'clock', time: { clock: '04:00' } } }],
  ],
  [
    'Shelling resumed at 10 at night.',
    [{ text: '10 at night', expression: { kind: 'clock', time: { clock: '22:00' } } }],
  ],
  [
    'The ferry leaves at 12 at night.',
    [{ text: '12 at night', expression: { kind: 'clock', time: { clock: '00:00' } } }],
  ],
  ['The bell rang at 12 p.m.', [{ text: '12 p.m.', expression: { kind: 'clock', time: { clock: '12:00' } } }]],
  // Watch out: what the rules leave alone or read only in part.
  ['The count reached 13 p.m. on the dial.', []],
  ["He watched the 10 o'clock news.", []],
  ['We meet at 10.', []],
];

describe('clock-time rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, clockTimeRules).map(({ text, expression }) => ({ text, expression }))).toEqual(
      found,
    );
  });
});
