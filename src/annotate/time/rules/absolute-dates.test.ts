import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { absoluteDateRules } from './absolute-dates.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['The strike began on March 5.', [{ text: 'March 5', expression: { kind: 'date', month: 3, day: 5 } }]],
  ['Payments resume Sept. 30.', [{ text: 'Sept. 30', expression: { kind: 'date', month: 9, day: 30 } }]],
  [
    'The ship sank on Monday, March 4, 2019.',
    [{ text: 'Monday, March 4, 2019', expression: { kind: 'date', month: 3, day: 4, year: 2019 } }],
  ],
  [
    'The ballot closes March 5 at 10 a.m.',
    [{ text: 'March 5 at 10 a.m.', expression: { kind: 'date', month: 3, day: 5, time: { clock: '10:00' } } }],
  ],
  ['Ferries stopped on 5 March.', [{ text: '5 March', expression: { kind: 'date', month: 3, day: 5 } }]],
  [
    'It reopened on the 5th of March 2019.',
    [{ text: 'the 5th of March 2019', expression: { kind: 'date', month: 3, day: 5, year: 2019 } }],
  ],
  [
    'The lease ends on the first of April.',
    [{ text: 'the first of April', expression: { kind: 'date', month: 4, day: 1 } }],
  ],
  [
    'The fair opens on the twenty-third of May 2019.',
    [{ text: 'the twenty-third of May 2019', expression: { kind: 'date', month: 5, day: 23, year: 2019 } }],
  ],
  ['Rent is due by the 25th.', [{ text: 'the 25th', expression: { kind: 'dayOfMonth', day: 25 } }]],
  [
    'The works run March 1-5.',
    [
      { text: 'March 1', expression: { kind: 'date', month: 3, day: 1 } },
      { text: '5', expression: { kind: 'date', month: 3, day: 5 } },
    ],
  ],
  [
    'The festival runs 1-5 March.',
    [
      { text: '1', expression: { kind: 'date', month: 3, day: 1 } },
      { text: '5 March', expression: { kind: 'date', month: 3, day: 5 } },
    ],
  ],
  [
    'The works run March 1 to 5, 2019.',
    [
      { text: 'March 1', expression: { kind: 'date', month: 3, day: 1, year: 2019 } },
      { text: '5, 2019', expression: { kind: 'date', month: 3, day: 5, year: 2019 } },
    ],
  ],
  [
    'The filing is dated 2019-03-05.',
    [{ text: '2019-03-05', expression: { kind: 'date', month: 3, day: 5, year: 2019 } }],
  ],
  ['The filing is dated 3/5/2019.', [{ text: '3/5/2019', expression: { kind: 'date', month: 3, day: 5, year: 2019 } }]],
  [
    'Net fell in the year ended Jan. 31.',
    [{ text: 'Jan. 31', expression: { kind: 'date', month: 1, day: 31, closesPeriod: true } }],
  ],
  // Watch out: what the rules leave alone or read only in part.
  ['They walked a march 5 miles long.', []],
  ['The 25th anniversary is near.', []],
  ['He served with the 3rd Infantry.', []],
  ['The form says March 32.', []],
  ['The code reads 2019-13-05.', []],
  ['The works run March 1-40.', [{ text: 'March 1', expression: { kind: 'date', month: 3, day: 1 } }]],
];

describe('absolute-date rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, absoluteDateRules).map(({ text, expression }) => ({ text, expression }))).toEqual(
      found,
    );
  });
});
