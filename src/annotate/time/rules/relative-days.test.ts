import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { relativeDayRules } from './relative-days.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['The ferry sank on Monday.', [{ text: 'Monday', expression: { kind: 'weekday', weekday: 1 } }]],
  [
    'Talks resume next Tuesday.',
    [{ text: 'next Tuesday', expression: { kind: 'weekday', weekday: 2, relation: 'next' } }],
  ],
  [
    'The vote is this coming Friday.',
    [{ text: 'this coming Friday', expression: { kind: 'weekday', weekday: 5, relation: 'next' } }],
  ],
  [
    'Pickets gathered early Tuesday.',
    [{ text: 'early Tuesday', expression: { kind: 'weekday', weekday: 2, mod: 'START' } }],
  ],
  ['The crane fell later Monday.', [{ text: 'later Monday', expression: { kind: 'weekday', weekday: 1 } }]],
  [
    'Police cleared the square on Monday night.',
    [{ text: 'Monday night', expression: { kind: 'weekday', weekday: 1, time: { part: 'NI' } } }],
  ],
  [
    'The ship docked at 10 a.m. Monday.',
    [{ text: '10 a.m. Monday', expression: { kind: 'weekday', weekday: 1, time: { clock: '10:00' } } }],
  ],
  [
    'The convoy left at 4 in the morning on Monday.',
    [{ text: '4 in the morning on Monday', expression: { kind: 'weekday', weekday: 1, time: { clock: '04:00' } } }],
  ],
  [
    'The court sits Monday at 2 p.m. to hear the case.',
    [{ text: 'Monday at 2 p.m.', expression: { kind: 'weekday', weekday: 1, time: { clock: '14:00' } } }],
  ],
  [
    'The board met Wednesday last week.',
    [{ text: 'Wednesday last week', expression: { kind: 'weekday', weekday: 3, week: 'last' } }],
  ],
  [
    'Crews return Friday of next week.',
    [{ text: 'Friday of next week', expression: { kind: 'weekday', weekday: 5, week: 'next' } }],
  ],
  [
    "The union will appeal Monday's ruling.",
    [{ text: 'Monday', expression: { kind: 'weekday', weekday: 1, possessive: true } }],
  ],
  ['The ferries run again today.', [{ text: 'today', expression: { kind: 'deictic', offsetDays: 0, word: 'today' } }]],
  [
    'A vigil is planned for tonight.',
    [{ text: 'tonight', expression: { kind: 'deictic', offsetDays: 0, word: 'tonight', time: { part: 'NI' } } }],
  ],
  [
    'The strike ended yesterday morning.',
    [
      {
        text: 'yesterday morning',
        expression: { kind: 'deictic', offsetDays: -1, word: 'yesterday', time: { part: 'MO' } },
      },
    ],
  ],
  [
    'Two boats capsized last night.',
    [{ text: 'last night', expression: { kind: 'deictic', offsetDays: -1, word: 'last night', time: { part: 'NI' } } }],
  ],
  [
    'The minister arrived this morning.',
    [
      {
        text: 'this morning',
        expression: { kind: 'deictic', offsetDays: 0, word: 'this morning', time: { part: 'MO' } },
      },
    ],
  ],
  [
    'The union will reply at 10 a.m. tomorrow.',
    [
      {
        text: '10 a.m. tomorrow',
        expression: { kind: 'deictic', offsetDays: 1, word: 'tomorrow', time: { clock: '10:00' } },
      },
    ],
  ],
  [
    'Late yesterday the talks collapsed.',
    [{ text: 'Late yesterday', expression: { kind: 'deictic', offsetDays: -1, word: 'yesterday', mod: 'END' } }],
  ],
  [
    'The mayor visited on Monday. The next day she left.',
    [
      { text: 'Monday', expression: { kind: 'weekday', weekday: 1 } },
      { text: 'The next day', expression: { kind: 'narrative', offsetDays: 1 } },
    ],
  ],
  [
    'The following morning, the cranes were still.',
    [{ text: 'The following morning', expression: { kind: 'narrative', offsetDays: 1, time: { part: 'MO' } } }],
  ],
  [
    'He had called the previous day.',
    [{ text: 'the previous day', expression: { kind: 'narrative', offsetDays: -1 } }],
  ],
  [
    'They struck a deal the day before.',
    [{ text: 'the day before', expression: { kind: 'narrative', offsetDays: -1 } }],
  ],
  ['Divers found the wreck that day.', [{ text: 'that day', expression: { kind: 'narrative', offsetDays: 0 } }]],
  // Watch out: what the rules leave alone or read only in part.
  ['The day before the vote, crowds gathered.', []],
  ['The day after the strike began, prices rose.', []],
];

describe('relative-day rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, relativeDayRules).map(({ text, expression }) => ({ text, expression }))).toEqual(
      found,
    );
  });
});
