import { describe, expect, it } from 'vitest';
import { findQuantities } from './quantities.js';

type Row = [text: string, expected: [words: string, value: number, approximate: boolean, unit: string][]];

const TABLE: Row[] = [
  ['Police said 500 people were evacuated.', [['500 people', 500, false, 'people']]],
  ['The convoy of 15 trucks arrived.', [['15 trucks', 15, false, 'trucks']]],
  ['Some 2,000 residents fled the town.', [['Some 2,000 residents', 2000, true, 'residents']]],
  ['hundreds of people marched', [['hundreds of people', 100, true, 'people']]],
  ['dozens of protesters were held', [['dozens of protesters', 12, true, 'protesters']]],
  ['tens of thousands of refugees crossed', [['tens of thousands of refugees', 10000, true, 'refugees']]],
  ['about 3,000 homes lost power', [['about 3,000 homes', 3000, true, 'homes']]],
  ['more than 20 were killed', [['more than 20', 20, true, '']]],
  ['at least 7 soldiers died', [['at least 7 soldiers', 7, true, 'soldiers']]],
  ['three children were rescued', [['three children', 3, false, 'children']]],
  ['twenty-five aid trucks waited', [['twenty-five aid trucks', 25, false, 'aid trucks']]],
  ['a dozen police officers stood by', [['a dozen police officers', 12, true, 'police officers']]],
  ['1.5 million tonnes of grain', [['1.5 million tonnes', 1500000, false, 'tonnes']]],
  ['unemployment rose 9 percent', [['9 percent', 9, false, 'percent']]],
  ['prices rose 3.5% in May', [['3.5%', 3.5, false, 'percent']]],
  ['turnout was 61 per cent', [['61 per cent', 61, false, 'percent']]],
  ['hundreds of thousands marched', [['hundreds of thousands', 100000, true, '']]],
  ['three former ministers resigned', [['three former ministers', 3, false, 'former ministers']]],
  ['more than 300,000 last year', [['more than 300,000', 300000, true, '']]],
  [
    'nearly 40 people and 12 ambulances',
    [
      ['nearly 40 people', 40, true, 'people'],
      ['12 ambulances', 12, false, 'ambulances'],
    ],
  ],
  // Numbers that are not counts.
  ['in 2019 the vote was held', []],
  ['talks resume on March 5 in Velmora', []],
  ['the strike began 5 March', []],
  ['the meeting starts at 10 a.m. Monday', []],
  ['on the 5th day of the strike', []],
  ['traffic on U.S. 1 was halted', []],
  ['Route 9 was closed', []],
  ['one of the victims was named', []],
  ['a 19-year-old man was arrested', []],
  ['the talks lasted three years', []],
  ['two very old men', []],
];

describe('findQuantities', () => {
  it.each(TABLE)('%s', (text, expected) => {
    const found = findQuantities(text);
    expect(found.map((q) => [q.text, q.value, q.approximate, q.unit])).toEqual(expected);
    for (const q of found) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
  });
});
