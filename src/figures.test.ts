// The figure model on invented reports: each case is what outlets wrote about one entry's day, read
// by the real quantity finder, and what a reader should be told of it.
import { describe, expect, it } from 'vitest';
import { findQuantities } from './annotate/quantities.js';
import { figureGroups } from './figures.js';
import type { AnnotatedArticle, IsoDay } from './model.js';
import { quantitiesOf } from './timeline/entry.js';
import type { SentenceRef } from './timeline/corpus.js';

/** One outlet's article: its sentences, published on `day` (the first day of the story unless given). */
interface Report {
  outlet: string;
  text: string;
  day?: IsoDay;
}

interface Case {
  name: string;
  reports: Report[];
  /** Each conflict as "outlet: figure" lines (in any order); none when the outlets agree. */
  conflicts?: string[][];
  /** Each update as "outlet: earlier → later". */
  updates?: string[];
  /** The figures kept for the entry, when the case is about which are. */
  kept?: string[];
}

function pool(reports: readonly Report[]): SentenceRef[] {
  return reports.flatMap(({ outlet, text, day = '2025-04-01' }, a) => {
    const article: AnnotatedArticle = {
      article: { id: `${outlet}-${a}`, source: outlet, publishedOn: day, text, origin: { file: `${outlet}-${a}.txt` } },
      contentHash: `${outlet}-${a}`,
      sentences: [],
    };
    // One sentence per line of text, spans into the article text.
    let start = 0;
    for (const [index, line] of text.split('\n').entries()) {
      const span = { start, end: start + line.length };
      const quantities = findQuantities(line).map((q) => ({
        ...q,
        span: { start: q.span.start + start, end: q.span.end + start },
      }));
      article.sentences.push({ index, text: line, span, tokens: [], timexes: [], mentions: [], quantities });
      start = span.end + 1;
    }
    return article.sentences.map((sentence) => ({ article, sentence }));
  });
}

const CASES: Case[] = [
  // Real conflicts: one measured thing, values that cannot both be true.
  {
    name: 'an exact count outside the other outlet\u2019s estimate',
    reports: [
      { outlet: 'Coast Wire', text: 'Rescuers pulled 312 passengers from the ferry.' },
      { outlet: 'Harbour Post', text: 'Rescuers pulled about 340 passengers from the ferry.' },
    ],
    conflicts: [['Coast Wire: 312 passengers', 'Harbour Post: about 340 passengers']],
  },
  {
    name: 'two estimates of different numbers',
    reports: [
      { outlet: 'Harbour Post', text: 'Some 2,800 nurses walked out on Monday.' },
      { outlet: 'Coast Wire', text: 'About 3,000 nurses walked out on Monday.' },
    ],
    conflicts: [['Harbour Post: Some 2,800 nurses', 'Coast Wire: About 3,000 nurses']],
  },
  {
    name: 'the voters of one ballot, counted under two names',
    reports: [
      { outlet: 'Coast Wire', text: 'Of the 2,610 members who voted, most backed the deal.' },
      { outlet: 'Harbour Post', text: 'Of the 2,640 dockworkers who voted, most backed the deal.' },
    ],
    conflicts: [['Coast Wire: 2,610 members', 'Harbour Post: 2,640 dockworkers']],
  },
  {
    name: 'the share in favour in one ballot',
    reports: [
      { outlet: 'Coast Wire', text: 'In the ballot, 78 percent backed the deal.' },
      { outlet: 'Harbour Post', text: 'In the ballot, 81 percent backed the deal.' },
    ],
    conflicts: [['Coast Wire: 78 percent', 'Harbour Post: 81 percent']],
  },
  {
    name: 'two exact counts of one thing',
    reports: [
      { outlet: 'Valley Times', text: 'The storm destroyed 40 homes in the valley.' },
      { outlet: 'Coast Wire', text: 'The storm destroyed 55 homes in the valley.' },
    ],
    conflicts: [['Valley Times: 40 homes', 'Coast Wire: 55 homes']],
  },
  {
    name: 'a two-word unit',
    reports: [
      { outlet: 'Coast Wire', text: 'Police said 15 tanker trucks left the depot.' },
      { outlet: 'Valley Times', text: 'Police said 18 tanker trucks left the depot.' },
    ],
    conflicts: [['Coast Wire: 15 tanker trucks', 'Valley Times: 18 tanker trucks']],
  },
  {
    name: 'a lower bound the exact count does not pass',
    reports: [
      { outlet: 'Harbour Post', text: 'More than a dozen ships waited offshore.' },
      { outlet: 'Coast Wire', text: '12 ships waited offshore.' },
    ],
    conflicts: [['Harbour Post: More than a dozen ships', 'Coast Wire: 12 ships']],
  },
  {
    name: 'an area, where the clause says what is measured',
    reports: [
      { outlet: 'Valley Times', text: 'The blaze burned 1,200 hectares of forest.' },
      { outlet: 'Coast Wire', text: 'The blaze burned 900 hectares of forest.' },
    ],
    conflicts: [['Valley Times: 1,200 hectares', 'Coast Wire: 900 hectares']],
  },
  {
    name: 'bounds that exclude each other',
    reports: [
      { outlet: 'Coast Wire', text: 'More than 20 cars came out of the village.' },
      { outlet: 'Valley Times', text: 'Fewer than 10 cars came out of the village.' },
    ],
    conflicts: [['Coast Wire: More than 20 cars', 'Valley Times: Fewer than 10 cars']],
  },
  {
    name: 'a vague amount far from the exact count',
    reports: [
      { outlet: 'Harbour Post', text: 'Dozens of cars were damaged.' },
      { outlet: 'Coast Wire', text: 'Police said 2,000 cars were damaged.' },
    ],
    conflicts: [['Harbour Post: Dozens of cars', 'Coast Wire: 2,000 cars']],
  },

  // Agreeing outlets.
  {
    name: 'the same count in other words',
    reports: [
      { outlet: 'Coast Wire', text: 'Rescuers pulled 312 passengers from the ferry.' },
      { outlet: 'Harbour Post', text: 'Coast guard crews rescued 312 passengers.' },
    ],
  },
  {
    name: 'two figures both outlets give (6 percent this year, 3 percent next)',
    reports: [
      { outlet: 'Coast Wire', text: 'The deal gives a pay rise of 6 percent this year and 3 percent in 2026.' },
      { outlet: 'Valley Times', text: 'The deal gives a pay rise of 6 percent this year and 3 percent next year.' },
    ],
  },
  {
    name: 'a number in words and in digits',
    reports: [
      { outlet: 'Coast Wire', text: '12 ships remain at anchor.' },
      { outlet: 'Harbour Post', text: 'There are twelve ships at anchor.' },
    ],
  },
  {
    name: 'two estimates of one number, the unit spelt two ways',
    reports: [
      { outlet: 'Coast Wire', text: 'About 3,000 dock workers walked out.' },
      { outlet: 'Harbour Post', text: 'Around 3,000 dockworkers walked out.' },
    ],
  },
  {
    name: 'a sum of money in one clause',
    reports: [
      { outlet: 'Valley Times', text: 'The firm lost 2 million dollars.' },
      { outlet: 'Coast Wire', text: 'The firm lost 2 million dollars in the quarter.' },
    ],
  },

  // Different things measured in one unit.
  {
    name: 'a demand and an offer',
    reports: [
      { outlet: 'Harbour Post', text: 'The union wants a 9 percent rise.' },
      { outlet: 'Coast Wire', text: 'The port authority has offered 4 percent.' },
    ],
  },
  {
    name: 'a lowered demand against a raised offer the other outlet also gives',
    reports: [
      {
        outlet: 'Valley Times',
        text: 'The union lowered its demand to 8 percent, and the employers raised their offer to 5 percent.',
      },
      { outlet: 'Coast Wire', text: 'The employers raised their offer to 5 percent.' },
    ],
  },
  {
    name: 'two unrelated percentages',
    reports: [
      { outlet: 'Coast Wire', text: 'Turnout was 64 percent.' },
      { outlet: 'Valley Times', text: 'Inflation rose to 3 percent.' },
    ],
  },
  {
    name: 'a daily cost and a repair bill in one currency',
    reports: [
      { outlet: 'Valley Times', text: 'The strike cost the port 120 million crowns a day.' },
      { outlet: 'Coast Wire', text: 'The city spent 15 million crowns on repairs.' },
    ],
  },
  {
    name: 'passengers and crew members',
    reports: [
      { outlet: 'Coast Wire', text: 'Crews evacuated 312 passengers.' },
      { outlet: 'Harbour Post', text: 'Crews evacuated 20 crew members.' },
    ],
  },
  {
    name: 'everyone on strike and those who voted',
    reports: [
      { outlet: 'Coast Wire', text: 'About 3,000 dock workers walked out.' },
      { outlet: 'Harbour Post', text: 'Most of the 2,640 dockworkers who voted backed the deal.' },
    ],
  },

  // Approximate against exact: no contradiction when the exact value is in range.
  {
    name: '"hundreds" and 500',
    reports: [
      { outlet: 'Harbour Post', text: 'Hundreds of people fled the village.' },
      { outlet: 'Coast Wire', text: 'Officials said 500 people fled the village.' },
    ],
  },
  {
    name: '"some 500" and 512',
    reports: [
      { outlet: 'Harbour Post', text: 'Some 500 people fled the village.' },
      { outlet: 'Coast Wire', text: 'Officials counted 512 people in the camp.' },
    ],
  },
  {
    name: '"at least 20" and 35',
    reports: [
      { outlet: 'Valley Times', text: 'At least 20 people were injured.' },
      { outlet: 'Coast Wire', text: 'Hospitals treated 35 people.' },
    ],
  },
  {
    name: '"nearly 100" and 98',
    reports: [
      { outlet: 'Harbour Post', text: 'Nearly 100 boats joined the protest.' },
      { outlet: 'Coast Wire', text: 'A total of 98 boats joined the protest.' },
    ],
  },
  {
    name: 'one article\u2019s "hundreds" and its "some 500" are one figure',
    reports: [
      {
        outlet: 'Coast Wire',
        text: 'Hundreds of people fled on Monday.\nLater, some 500 people, including fighters, had left.',
      },
    ],
    kept: ['Coast Wire: some 500 people'],
  },

  // One outlet updating its own figure.
  {
    name: 'a count raised the next day',
    reports: [
      { outlet: 'Coast Wire', text: 'Rescuers have found 12 survivors.', day: '2025-04-01' },
      { outlet: 'Coast Wire', text: 'Rescuers have found 15 survivors.', day: '2025-04-02' },
    ],
    updates: ['Coast Wire: 12 survivors → 15 survivors'],
  },
  {
    name: 'a vague amount made exact',
    reports: [
      { outlet: 'Coast Wire', text: 'Hundreds of people were evacuated.', day: '2025-04-01' },
      { outlet: 'Coast Wire', text: 'Officials said 512 people were evacuated.', day: '2025-04-03' },
    ],
    updates: ['Coast Wire: Hundreds of people → 512 people'],
  },
  {
    name: 'an update that brings an outlet in line with another',
    reports: [
      { outlet: 'Coast Wire', text: '12 ships wait offshore.', day: '2025-04-01' },
      { outlet: 'Coast Wire', text: '15 ships wait offshore.', day: '2025-04-02' },
      { outlet: 'Harbour Post', text: '15 ships wait offshore.', day: '2025-04-02' },
    ],
    updates: ['Coast Wire: 12 ships → 15 ships'],
  },
  {
    name: 'an update, and the latest figure still disputed',
    reports: [
      { outlet: 'Coast Wire', text: 'Rescuers pulled 300 passengers from the ferry.', day: '2025-04-01' },
      { outlet: 'Coast Wire', text: 'Rescuers pulled 312 passengers from the ferry.', day: '2025-04-02' },
      { outlet: 'Harbour Post', text: 'Rescuers pulled about 340 passengers from the ferry.', day: '2025-04-02' },
    ],
    conflicts: [['Coast Wire: 312 passengers', 'Harbour Post: about 340 passengers']],
    updates: ['Coast Wire: 300 passengers → 312 passengers'],
  },
  {
    name: 'a figure repeated on a later day is no update',
    reports: [
      { outlet: 'Coast Wire', text: '12 ships wait offshore.', day: '2025-04-01' },
      { outlet: 'Coast Wire', text: 'Still 12 ships wait offshore.', day: '2025-04-03' },
    ],
  },
];

describe('figure conflicts and updates', () => {
  it('has a case for each kind of figure a reader may be shown', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('$name', ({ reports, conflicts = [], updates = [], kept }) => {
    const quantities = quantitiesOf(pool(reports));
    const groups = figureGroups(quantities);
    const line = (q: { source: string; text: string }) => `${q.source}: ${q.text}`;
    expect(groups.filter((g) => g.conflict.length > 0).map((g) => g.conflict.map(line).sort())).toEqual(
      conflicts.map((c) => [...c].sort()),
    );
    expect(groups.flatMap((g) => g.updates.map((u) => `${u[0]!.source}: ${u.map((q) => q.text).join(' → ')}`))).toEqual(
      updates,
    );
    if (kept) expect(quantities.map(line)).toEqual(kept);
  });
});
