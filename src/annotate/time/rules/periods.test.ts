import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { namedPeriodRules, relativePeriodRules } from './periods.js';

type Found = Pick<Candidate, 'text' | 'expression'>;

// Sentence → what these rules alone find in it. All sentences are invented.
const relativeCases: [sentence: string, found: Found[]][] = [
  ['Rents rose last week.', [{ text: 'last week', expression: { kind: 'period', unit: 'week', relation: 'last' } }]],
  [
    'The port will reopen next month.',
    [{ text: 'next month', expression: { kind: 'period', unit: 'month', relation: 'next' } }],
  ],
  [
    'Exports fell earlier this month.',
    [{ text: 'earlier this month', expression: { kind: 'period', unit: 'month', relation: 'this' } }],
  ],
  [
    'The plant closes late next year.',
    [{ text: 'late next year', expression: { kind: 'period', unit: 'year', relation: 'next', mod: 'END' } }],
  ],
  [
    'Repairs finish by the end of this week.',
    [{ text: 'the end of this week', expression: { kind: 'period', unit: 'week', relation: 'this', mod: 'END' } }],
  ],
  ['The strike may spread over the weekend.', [{ text: 'the weekend', expression: { kind: 'weekend' } }]],
  ['Crowds returned last weekend.', [{ text: 'last weekend', expression: { kind: 'weekend', relation: 'last' } }]],
  ['Profit rose in the third quarter.', [{ text: 'the third quarter', expression: { kind: 'quarter', quarter: 3 } }]],
  ['Fourth-quarter sales slipped.', [{ text: 'Fourth-quarter', expression: { kind: 'quarter', quarter: 4 } }]],
  [
    'Output doubled in the first quarter of 2019.',
    [{ text: 'the first quarter of 2019', expression: { kind: 'quarter', quarter: 1, year: 2019 } }],
  ],
  [
    'Sales beat the year-earlier third quarter.',
    [{ text: 'the year-earlier third quarter', expression: { kind: 'quarter', quarter: 3, yearOffset: -1 } }],
  ],
  [
    'Net income fell in the quarter.',
    [
      {
        text: 'the quarter',
        expression: { kind: 'reportedQuarter', which: 'reported', latest: false, withoutQuarters: 'lastEnded' },
      },
    ],
  ],
  [
    'Revenue jumped in the latest period.',
    [
      {
        text: 'the latest period',
        expression: { kind: 'reportedQuarter', which: 'reported', latest: true, withoutQuarters: 'skip' },
      },
    ],
  ],
  [
    'Profit fell from the year-ago quarter.',
    [
      {
        text: 'the year-ago quarter',
        expression: { kind: 'reportedQuarter', which: 'yearBefore', latest: false, withoutQuarters: 'lastEnded' },
      },
    ],
  ],
  [
    'Sales rose in the 1988 period.',
    [
      {
        text: 'the 1988 period',
        expression: { kind: 'reportedQuarter', which: 'reported', year: 1988, latest: false, withoutQuarters: 'skip' },
      },
    ],
  ],
  [
    'Costs were flat from the same period last year.',
    [
      {
        text: 'the same period last year',
        expression: { kind: 'reportedQuarter', which: 'yearBefore', latest: false, withoutQuarters: 'skip' },
      },
    ],
  ],
  [
    'Year-earlier profit was lower.',
    [{ text: 'Year-earlier', expression: { kind: 'reportedQuarter', which: 'yearBefore', withoutQuarters: 'year' } }],
  ],
  [
    'Profit doubled for the year.',
    [{ text: 'the year', expression: { kind: 'period', unit: 'year', relation: 'this' } }],
  ],
  [
    'Earnings rose for the year ended June 30.',
    [{ text: 'the year', expression: { kind: 'duration', count: 1, unit: 'year' } }],
  ],
  // Watch out: what the rules leave alone or read only in part.
  ['Sales were flat in the same period.', []],
  ['A quarter of the staff left.', []],
  ['The period of mourning ended.', []],
  ['He led the campaign for the year-long strike.', []],
];

const namedCases: [sentence: string, found: Found[]][] = [
  ['The port closed in March.', [{ text: 'March', expression: { kind: 'month', month: 3 } }]],
  ['Talks stalled in early March.', [{ text: 'early March', expression: { kind: 'month', month: 3, mod: 'START' } }]],
  [
    'Fares rose last September.',
    [{ text: 'last September', expression: { kind: 'month', month: 9, relation: 'last' } }],
  ],
  [
    'The pact was signed in September last year.',
    [{ text: 'September last year', expression: { kind: 'month', month: 9, yearOffset: -1 } }],
  ],
  ['The union formed in May 2019.', [{ text: 'May 2019', expression: { kind: 'month', month: 5, year: 2019 } }]],
  [
    'Work ends at the end of March.',
    [{ text: 'the end of March', expression: { kind: 'month', month: 3, mod: 'END' } }],
  ],
  [
    'Between March and May, cargo fell.',
    [
      { text: 'March', expression: { kind: 'month', month: 3 } },
      { text: 'May', expression: { kind: 'month', month: 5 } },
    ],
  ],
  [
    'The fleet sails on Christmas Eve 1998.',
    [{ text: 'Christmas Eve 1998', expression: { kind: 'holiday', name: 'christmas eve', year: 1998 } }],
  ],
  [
    'Crowds came last Thanksgiving.',
    [{ text: 'last Thanksgiving', expression: { kind: 'holiday', name: 'thanksgiving', relation: 'last' } }],
  ],
  [
    'The harbour was rebuilt in nineteen ninety-six.',
    [{ text: 'nineteen ninety-six', expression: { kind: 'year', year: 1996 } }],
  ],
  [
    'Plans for the year two thousand were drawn up.',
    [{ text: 'the year two thousand', expression: { kind: 'year', year: 2000 } }],
  ],
  ['The dock opened in 2018.', [{ text: '2018', expression: { kind: 'year', year: 2018 } }]],
  ['Traffic peaked in mid-2018.', [{ text: 'mid-2018', expression: { kind: 'year', year: 2018, mod: 'MID' } }]],
  ['Turnout fell in the 2018 election.', [{ text: '2018', expression: { kind: 'year', year: 2018 } }]],
  ['The port boomed in the 1990s.', [{ text: 'the 1990s', expression: { kind: 'era', value: '199', span: 'decade' } }]],
  [
    'Trade grew in the early 2000s.',
    [{ text: 'the early 2000s', expression: { kind: 'era', value: '200', span: 'decade', mod: 'START' } }],
  ],
  [
    'The quay dates from the 19th century.',
    [{ text: 'the 19th century', expression: { kind: 'era', value: '18', span: 'century' } }],
  ],
  [
    'The ferry resumes in spring 2019.',
    [{ text: 'spring 2019', expression: { kind: 'season', season: 'SP', year: 2019 } }],
  ],
  [
    'Crews worked through last summer.',
    [{ text: 'last summer', expression: { kind: 'season', season: 'SU', relation: 'last' } }],
  ],
  [
    'The winter of 2018 was harsh.',
    [{ text: 'The winter of 2018', expression: { kind: 'season', season: 'WI', year: 2018 } }],
  ],
  ['Repairs stop during the summer.', [{ text: 'the summer', expression: { kind: 'season', season: 'SU' } }]],
  // Watch out: what the rules leave alone or read only in part.
  [
    'He left on the fourth of July.',
    [{ text: 'the fourth of July', expression: { kind: 'holiday', name: 'the fourth of july' } }],
  ],
  ['Officials may decide in a week.', []],
  ['Thousands joined a protest march.', []],
  ['Jonas and May left together.', []],
  ['About 2000 troops were sent.', []],
  ['Rescuers counted 2000 people.', []],
  ['Guests waited in Room 2012.', []],
  ['The council passed Resolution 2254.', []],
  ['Two thousand dockers marched.', []],
  ['A 2000-strong crowd gathered.', []],
  ['The permit cost $2019 in fees.', []],
  ['Prices fall sharply in a storm.', []],
  ['The summer camp opened.', []],
];

const found = (sentence: string, rules: Parameters<typeof findCandidates>[1]): Found[] =>
  findCandidates(sentence, rules).map(({ text, expression }) => ({ text, expression }));

describe('relative-period rules', () => {
  it.each(relativeCases)('%s', (sentence, expected) => {
    expect(found(sentence, relativePeriodRules)).toEqual(expected);
  });
});

describe('named-period rules', () => {
  it.each(namedCases)('%s', (sentence, expected) => {
    expect(found(sentence, namedPeriodRules)).toEqual(expected);
  });

  it('lose "the fourth of July" to the absolute dates, which come first among equal matches', () => {
    expect(found('He left on the fourth of July.', undefined)).toEqual([
      { text: 'the fourth of July', expression: { kind: 'date', month: 7, day: 4 } },
    ]);
  });
});
