import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateRef, Span, Timex, TimexType } from '../../model.js';
import { splitSentences } from '../sentences.js';
import { tagTemporal } from './index.js';

// All sentences are invented. Unless a case says otherwise the article is dated Tuesday 2019-03-05.
const TUESDAY = '2019-03-05';

interface Case {
  sentence: string;
  text: string;
  type: TimexType;
  value: string;
  refersTo?: DateRef;
  mod?: string;
  publishedOn?: string;
}

const day = (value: string): DateRef => ({ value, granularity: 'day' });
const month = (value: string): DateRef => ({ value, granularity: 'month' });
const year = (value: string): DateRef => ({ value, granularity: 'year' });

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// In a Tuesday article: the most recent such day on or before it, and the next one after it.
const PAST_DAYS = ['2019-03-04', '2019-03-05', '2019-02-27', '2019-02-28', '2019-03-01', '2019-03-02', '2019-03-03'];
const FUTURE_DAYS = ['2019-03-11', '2019-03-12', '2019-03-06', '2019-03-07', '2019-03-08', '2019-03-09', '2019-03-10'];

const weekdayCases: Case[] = WEEKDAYS.flatMap((name, i) => [
  {
    sentence: `Rangers said the ferry sank on ${name}.`,
    text: name,
    type: 'DATE',
    value: PAST_DAYS[i]!,
    refersTo: day(PAST_DAYS[i]!),
  },
  {
    sentence: `The harbour board will vote on ${name}.`,
    text: name,
    type: 'DATE',
    value: FUTURE_DAYS[i]!,
    refersTo: day(FUTURE_DAYS[i]!),
  },
]);

const cases: Case[] = [
  ...weekdayCases,
  // Weekdays with other cue words and modifiers
  {
    sentence: 'Divers are expected to resume the search on Thursday.',
    text: 'Thursday',
    type: 'DATE',
    value: '2019-03-07',
    refersTo: day('2019-03-07'),
  },
  {
    sentence: 'The mayor is due to visit the dock on Monday.',
    text: 'Monday',
    type: 'DATE',
    value: '2019-03-11',
    refersTo: day('2019-03-11'),
  },
  // A plan as it stood in the past points back: "were expected to", not "are expected to".
  {
    sentence: 'Officials said 200 more people were expected to leave the camp later Monday.',
    text: 'later Monday',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'On Friday, the pilots will return to work.',
    text: 'Friday',
    type: 'DATE',
    value: '2019-03-08',
    refersTo: day('2019-03-08'),
  },
  {
    sentence: 'Wednesday was the quietest day of the strike.',
    text: 'Wednesday',
    type: 'DATE',
    value: '2019-02-27',
    refersTo: day('2019-02-27'),
  },
  {
    sentence: 'The crane collapsed later Monday.',
    text: 'later Monday',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
    publishedOn: '2019-03-04',
  },
  {
    sentence: 'Fishermen blocked the quay early Tuesday.',
    text: 'early Tuesday',
    type: 'DATE',
    value: '2019-03-05',
    refersTo: day('2019-03-05'),
    mod: 'START',
  },
  {
    sentence: 'Police cleared the square on Monday night.',
    text: 'Monday night',
    type: 'TIME',
    value: '2019-03-04TNI',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'The ferry left Sunday morning.',
    text: 'Sunday morning',
    type: 'TIME',
    value: '2019-03-03TMO',
    refersTo: day('2019-03-03'),
  },
  {
    sentence: 'The ship docked at 10 a.m. Monday.',
    text: '10 a.m. Monday',
    type: 'TIME',
    value: '2019-03-04T10:00',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'The convoy left at 4 in the morning on Monday.',
    text: '4 in the morning on Monday',
    type: 'TIME',
    value: '2019-03-04T04:00',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'The judge will rule at midday Friday.',
    text: 'midday Friday',
    type: 'TIME',
    value: '2019-03-08T12:00',
    refersTo: day('2019-03-08'),
  },
  {
    sentence: 'Shelling resumed at 10 at night on Sunday.',
    text: '10 at night on Sunday',
    type: 'TIME',
    value: '2019-03-03T22:00',
    refersTo: day('2019-03-03'),
  },
  {
    sentence: 'The inquiry opened last Tuesday.',
    text: 'last Tuesday',
    type: 'DATE',
    value: '2019-02-26',
    refersTo: day('2019-02-26'),
  },
  {
    sentence: 'The inquiry opened last Monday.',
    text: 'last Monday',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'The inquiry opens next Tuesday.',
    text: 'next Tuesday',
    type: 'DATE',
    value: '2019-03-12',
    refersTo: day('2019-03-12'),
  },
  {
    sentence: 'This Friday the market will close early.',
    text: 'This Friday',
    type: 'DATE',
    value: '2019-03-08',
    refersTo: day('2019-03-08'),
  },
  // Deictic words
  {
    sentence: 'The ferries are running again today.',
    text: 'today',
    type: 'DATE',
    value: '2019-03-05',
    refersTo: day('2019-03-05'),
  },
  {
    sentence: 'The strike ended yesterday.',
    text: 'yesterday',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'Talks resume tomorrow.',
    text: 'tomorrow',
    type: 'DATE',
    value: '2019-03-06',
    refersTo: day('2019-03-06'),
  },
  {
    sentence: 'A vigil is planned for tonight.',
    text: 'tonight',
    type: 'TIME',
    value: '2019-03-05TNI',
    refersTo: day('2019-03-05'),
  },
  {
    sentence: 'Two boats capsized last night.',
    text: 'last night',
    type: 'TIME',
    value: '2019-03-04TNI',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'The minister arrived this morning.',
    text: 'this morning',
    type: 'TIME',
    value: '2019-03-05TMO',
    refersTo: day('2019-03-05'),
  },
  {
    sentence: 'The lighthouse went dark three days ago.',
    text: 'three days ago',
    type: 'DATE',
    value: '2019-03-02',
    refersTo: day('2019-03-02'),
  },
  {
    sentence: 'The pier was sold two years ago.',
    text: 'two years ago',
    type: 'DATE',
    value: '2017',
    refersTo: year('2017'),
  },
  {
    sentence: 'The pier was sold a month ago.',
    text: 'a month ago',
    type: 'DATE',
    value: '2019-02',
    refersTo: month('2019-02'),
  },
  { sentence: 'The dockers walked out last week.', text: 'last week', type: 'DATE', value: '2019-W09' },
  { sentence: 'The dockers may walk out next week.', text: 'next week', type: 'DATE', value: '2019-W11' },
  {
    sentence: 'Wages fell last month.',
    text: 'last month',
    type: 'DATE',
    value: '2019-02',
    refersTo: month('2019-02'),
  },
  {
    sentence: 'Wages will rise next month.',
    text: 'next month',
    type: 'DATE',
    value: '2019-04',
    refersTo: month('2019-04'),
  },
  { sentence: 'The port grew last year.', text: 'last year', type: 'DATE', value: '2018', refersTo: year('2018') },
  { sentence: 'The port will grow this year.', text: 'this year', type: 'DATE', value: '2019', refersTo: year('2019') },
  { sentence: 'A new quay opens next year.', text: 'next year', type: 'DATE', value: '2020', refersTo: year('2020') },
  {
    sentence: 'Traffic slumped earlier this month.',
    text: 'earlier this month',
    type: 'DATE',
    value: '2019-03',
    refersTo: month('2019-03'),
  },
  {
    sentence: 'The yard closed late last year.',
    text: 'late last year',
    type: 'DATE',
    value: '2018',
    refersTo: year('2018'),
    mod: 'END',
  },
  // Absolute dates
  {
    sentence: 'The yard closed in September last year.',
    text: 'September last year',
    type: 'DATE',
    value: '2018-09',
    refersTo: month('2018-09'),
  },
  {
    sentence: 'The dredging began in November.',
    text: 'November',
    type: 'DATE',
    value: '2018-11',
    refersTo: month('2018-11'),
  },
  {
    sentence: 'The dredging will begin in November.',
    text: 'November',
    type: 'DATE',
    value: '2019-11',
    refersTo: month('2019-11'),
  },
  {
    sentence: 'The dredging started in February.',
    text: 'February',
    type: 'DATE',
    value: '2019-02',
    refersTo: month('2019-02'),
  },
  {
    sentence: 'Rents doubled in early March.',
    text: 'early March',
    type: 'DATE',
    value: '2019-03',
    refersTo: month('2019-03'),
    mod: 'START',
  },
  {
    sentence: 'The canal was drained on March 5, 2018.',
    text: 'March 5, 2018',
    type: 'DATE',
    value: '2018-03-05',
    refersTo: day('2018-03-05'),
  },
  {
    sentence: 'The canal was drained on 12 February.',
    text: '12 February',
    type: 'DATE',
    value: '2019-02-12',
    refersTo: day('2019-02-12'),
  },
  {
    sentence: 'The canal will be drained on April 2.',
    text: 'April 2',
    type: 'DATE',
    value: '2019-04-02',
    refersTo: day('2019-04-02'),
  },
  {
    sentence: 'The filing is dated 2019-02-11.',
    text: '2019-02-11',
    type: 'DATE',
    value: '2019-02-11',
    refersTo: day('2019-02-11'),
  },
  { sentence: 'The berth was built in 2008.', text: '2008', type: 'DATE', value: '2008', refersTo: year('2008') },
  {
    sentence: 'The berth was rebuilt in mid-2018.',
    text: 'mid-2018',
    type: 'DATE',
    value: '2018',
    refersTo: year('2018'),
    mod: 'MID',
  },
  { sentence: 'Trade boomed in the 1990s.', text: 'the 1990s', type: 'DATE', value: '199' },
  { sentence: 'The tunnel opens in spring 2020.', text: 'spring 2020', type: 'DATE', value: '2020-SP' },
  // Durations: lengths of time, never dates
  { sentence: 'It was the fifth evacuation in a week.', text: 'a week', type: 'DURATION', value: 'P1W' },
  { sentence: 'The two-day stoppage cost millions.', text: 'two-day', type: 'DURATION', value: 'P2D' },
  { sentence: 'The lock stayed shut for three days.', text: 'three days', type: 'DURATION', value: 'P3D' },
  { sentence: 'Pumps ran for 24 hours.', text: '24 hours', type: 'DURATION', value: 'PT24H' },
  { sentence: 'The quay took a decade to build.', text: 'a decade', type: 'DURATION', value: 'P10Y' },
  { sentence: 'The talks dragged on for months.', text: 'months', type: 'DURATION', value: 'PXM' },
  {
    sentence: 'Cargo volumes fell over the past two years.',
    text: 'the past two years',
    type: 'DURATION',
    value: 'P2Y',
  },
  // Sets and references to no particular date
  { sentence: 'The market opens every Monday.', text: 'every Monday', type: 'SET', value: 'XXXX-WXX-1' },
  { sentence: 'Inspectors visit daily.', text: 'daily', type: 'SET', value: 'P1D' },
  { sentence: 'The board meets each week.', text: 'each week', type: 'SET', value: 'P1W' },
  { sentence: 'The fee is paid annually.', text: 'annually', type: 'SET', value: 'P1Y' },
  { sentence: 'The port is now closed.', text: 'now', type: 'DATE', value: 'PRESENT_REF' },
  { sentence: 'The harbour master recently resigned.', text: 'recently', type: 'DATE', value: 'PAST_REF' },
  { sentence: 'Dockers doubt the current plan.', text: 'current', type: 'DATE', value: 'PRESENT_REF' },
  { sentence: 'The ferry sails on Tuesday nights.', text: 'Tuesday nights', type: 'SET', value: 'XXXX-WXX-2TNI' },
  { sentence: 'In the past, the quay flooded.', text: 'the past', type: 'DATE', value: 'PAST_REF' },
  // Weeks, weekends, quarters and centuries: calendar periods without a day, month or year granularity
  { sentence: 'The regatta was held at the weekend.', text: 'the weekend', type: 'DATE', value: '2019-W09-WE' },
  { sentence: 'The regatta will be held next weekend.', text: 'next weekend', type: 'DATE', value: '2019-W11-WE' },
  { sentence: 'Profits rose in the fourth quarter.', text: 'the fourth quarter', type: 'DATE', value: '2018-Q4' },
  {
    sentence: 'Profits rose in the first quarter of 2017.',
    text: 'the first quarter of 2017',
    type: 'DATE',
    value: '2017-Q1',
  },
  { sentence: 'The quay dates from the 19th century.', text: 'the 19th century', type: 'DATE', value: '18' },
  {
    sentence: 'The cranes came on Friday, March 1.',
    text: 'Friday, March 1',
    type: 'DATE',
    value: '2019-03-01',
    refersTo: day('2019-03-01'),
  },
  {
    sentence: 'The pilots plan to strike on Sunday, March 10 at 6 p.m.',
    text: 'Sunday, March 10 at 6 p.m.',
    type: 'TIME',
    value: '2019-03-10T18:00',
    refersTo: day('2019-03-10'),
  },
  // A date without a year: the closest, unless the clause looks ahead; past cues pull back only so far
  {
    sentence: 'The ferry was sold on Dec. 20.',
    text: 'Dec. 20',
    type: 'DATE',
    value: '2018-12-20',
    refersTo: day('2018-12-20'),
    publishedOn: '2019-01-10',
  },
  {
    sentence: 'Shipments resumed by January 2.',
    text: 'January 2',
    type: 'DATE',
    value: '2019-01-02',
    refersTo: day('2019-01-02'),
    publishedOn: '2018-11-20',
  },
  {
    sentence: 'Shipments will resume in January.',
    text: 'January',
    type: 'DATE',
    value: '2020-01',
    refersTo: month('2020-01'),
  },
  // Narrative anchoring: relative to the last day mentioned
  {
    sentence: 'The crane fell on Friday. The next day, cranes were banned.',
    text: 'The next day',
    type: 'DATE',
    value: '2019-03-02',
    refersTo: day('2019-03-02'),
  },
  {
    sentence: 'Divers found the wreck on February 20. A day earlier, the storm had passed.',
    text: 'A day earlier',
    type: 'DATE',
    value: '2019-02-19',
    refersTo: day('2019-02-19'),
  },
  {
    sentence: 'The dock opened on June 3, 2015. A year later, it closed.',
    text: 'A year later',
    type: 'DATE',
    value: '2016',
    refersTo: year('2016'),
  },
  {
    sentence: 'The union met the owners. The previous day, pickets went home.',
    text: 'The previous day',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  // Reported speech: "would"/"could" + a weekday looks ahead from the publication date
  {
    sentence: 'The minister said the mediator would bring both sides together on Monday.',
    text: 'Monday',
    type: 'DATE',
    value: '2025-04-14',
    refersTo: day('2025-04-14'),
    publishedOn: '2025-04-12',
  },
  {
    sentence: 'The port chief said the quay could reopen on Friday morning.',
    text: 'Friday morning',
    type: 'TIME',
    value: '2025-04-18TMO',
    refersTo: day('2025-04-18'),
    publishedOn: '2025-04-15',
  },
  // The tense cue is looked for in the weekday's own clause first, and sentences end at doubled quotes
  {
    sentence: 'The ferry will stay docked even after a judge on Monday lifted the ban.',
    text: 'Monday',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: "``The strike will go on.'' The union on Friday: no comment.",
    text: 'Friday',
    type: 'DATE',
    value: '2019-03-01',
    refersTo: day('2019-03-01'),
  },
  {
    sentence: 'The pilots will meet Dr. Ames on Friday.',
    text: 'Friday',
    type: 'DATE',
    value: '2019-03-08',
    refersTo: day('2019-03-08'),
  },
  // "could be reached" reports the past; "as early as" looks ahead; a possessive weekday names a reported event
  {
    sentence: 'None of the crew could be reached on Monday.',
    text: 'Monday',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'Repairs finish as early as Thursday.',
    text: 'Thursday',
    type: 'DATE',
    value: '2019-03-07',
    refersTo: day('2019-03-07'),
  },
  {
    sentence: "The owners said they would appeal Wednesday's ruling.",
    text: 'Wednesday',
    type: 'DATE',
    value: '2019-02-27',
    refersTo: day('2019-02-27'),
  },
  // A dotted abbreviation ("U.S.", "U.N.") ends no sentence, so the reporting verb before it still counts
  {
    sentence: 'Lawyers said they would fight the U.S. Coast Guard order to close the pier by March 4.',
    text: 'March 4',
    type: 'DATE',
    value: '2019-03-04',
    refersTo: day('2019-03-04'),
  },
  // Deadlines ("by", "until") with no verb cue lie ahead
  {
    sentence: 'The deal phases out night shifts by the end of December.',
    text: 'the end of December',
    type: 'DATE',
    value: '2025-12',
    refersTo: month('2025-12'),
    mod: 'END',
    publishedOn: '2025-04-15',
  },
  {
    sentence: 'Liners stay in Drevik until the end of May.',
    text: 'the end of May',
    type: 'DATE',
    value: '2025-05',
    refersTo: month('2025-05'),
    mod: 'END',
    publishedOn: '2025-04-10',
  },
  // A weekday inside a named week
  {
    sentence: 'The picket, in place since Wednesday last week, was lifted.',
    text: 'Wednesday last week',
    type: 'DATE',
    value: '2025-04-02',
    refersTo: day('2025-04-02'),
    publishedOn: '2025-04-10',
  },
  // Ordinal words for the day of the month
  {
    sentence: 'The strike began on the first of April.',
    text: 'the first of April',
    type: 'DATE',
    value: '2025-04-01',
    refersTo: day('2025-04-01'),
    publishedOn: '2025-04-14',
  },
  // "N days after <date>" counts from that date; after an event it stays a length of time
  {
    sentence: 'The harbour closed two days after April 1.',
    text: 'two days',
    type: 'DATE',
    value: '2025-04-03',
    refersTo: day('2025-04-03'),
    publishedOn: '2025-04-15',
  },
  {
    sentence: 'Ferries sail again 13 days after the pier burned.',
    text: '13 days',
    type: 'DURATION',
    value: 'P13D',
    publishedOn: '2025-04-17',
  },
  // Sentences are the article's (annotate/sentences.ts): a time zone after "p.m." and a semicolon
  // before a capitalised name end none, so the clock, its day and the tense cue stay together.
  {
    sentence: 'The ferry docked at 7:30 p.m. ET Monday after the storm.',
    text: '7:30 p.m.',
    type: 'TIME',
    value: '2019-03-04T19:30',
    refersTo: day('2019-03-04'),
  },
  {
    sentence: 'The captain will leave at 4 in the morning (4 a.m. EDT Thursday), the port said.',
    text: '4 in the morning',
    type: 'TIME',
    value: '2019-03-07T04:00',
    refersTo: day('2019-03-07'),
  },
  {
    sentence: 'The minister plans to visit Velmora; Ostrava; and Brell on Monday.',
    text: 'Monday',
    type: 'DATE',
    value: '2019-03-11',
    refersTo: day('2019-03-11'),
  },
  // Bare clock times: a day in the sentence, else the last day in the paragraph (not a "since" day), else the publication day
  {
    sentence:
      'Earlier Thursday, a judge ruled that the picket, in place since April 2, was unlawful. He ordered the gates opened from 4 p.m.',
    text: '4 p.m.',
    type: 'TIME',
    value: '2025-04-10T16:00',
    refersTo: day('2025-04-10'),
    publishedOn: '2025-04-11',
  },
  {
    sentence: 'The pickets went up on Monday.\n\nThe first ferry docked at 6 a.m.',
    text: '6 a.m.',
    type: 'TIME',
    value: '2025-04-10T06:00',
    refersTo: day('2025-04-10'),
    publishedOn: '2025-04-10',
  },
  {
    sentence: 'Crews will return at midnight and start work at 6 a.m. on Friday.',
    text: 'midnight',
    type: 'TIME',
    value: '2025-04-18T00:00',
    refersTo: day('2025-04-18'),
    publishedOn: '2025-04-17',
  },
  {
    sentence: 'Talks resumed on Monday and ran through the night; the deal was signed at 4 a.m.',
    text: '4 a.m.',
    type: 'TIME',
    value: '2025-04-15T04:00',
    refersTo: day('2025-04-15'),
    publishedOn: '2025-04-15',
  },
  // Earnings reports: "the quarter" and "a year earlier" follow the quarter the text names
  {
    sentence: 'Net income rose 5% in the quarter.',
    text: 'the quarter',
    type: 'DATE',
    value: '2019-Q3',
    publishedOn: '2019-11-02',
  },
  {
    sentence: 'Sales fell in the year-ago quarter.',
    text: 'the year-ago quarter',
    type: 'DATE',
    value: '2018-Q3',
    publishedOn: '2019-11-02',
  },
  {
    sentence: 'The yard earned $3 million in the second quarter, up from $2 million a year earlier.',
    text: 'a year earlier',
    type: 'DATE',
    value: '2018-Q2',
    publishedOn: '2019-11-02',
  },
  // A sentence about the year to date compares it with the year before, not with the quarter
  {
    sentence:
      'Net rose in the third quarter. For the nine months, net rose to $9 million from $7 million a year earlier.',
    text: 'a year earlier',
    type: 'DATE',
    value: '2018',
    refersTo: year('2018'),
    publishedOn: '2019-11-02',
  },
  {
    sentence: 'Sales fell from the 1988 period.',
    text: 'the 1988 period',
    type: 'DATE',
    value: '1988',
    refersTo: year('1988'),
    publishedOn: '1989-11-02',
  },
  {
    sentence: 'Investigators have searched for the skipper since the Oct. 23 collision.',
    text: 'Oct. 23',
    type: 'DATE',
    value: '2018-10-23',
    refersTo: day('2018-10-23'),
    publishedOn: '2019-05-06',
  },
  {
    sentence: 'Sales for the year ended June 30 rose.',
    text: 'the year',
    type: 'DURATION',
    value: 'P1Y',
    publishedOn: '2019-11-02',
  },
  { sentence: 'Dockers have struck twice in recent weeks.', text: 'recent weeks', type: 'DURATION', value: 'PXW' },
  // Holidays and years spelled out in transcripts
  {
    sentence: 'The trawler was found on Thanksgiving Day.',
    text: 'Thanksgiving Day',
    type: 'DATE',
    value: '1999-11-25',
    refersTo: day('1999-11-25'),
    publishedOn: '1999-12-10',
  },
  {
    sentence: 'The quay reopened after Christmas.',
    text: 'Christmas',
    type: 'DATE',
    value: '2018-12-25',
    refersTo: day('2018-12-25'),
    publishedOn: '2019-01-10',
  },
  {
    sentence: 'In nineteen ninety-one the old dock burned.',
    text: 'nineteen ninety-one',
    type: 'DATE',
    value: '1991',
    refersTo: year('1991'),
  },
  // Halves, spelled-out compounds and "more" inside a count
  { sentence: 'The pilots were idle for 2 1/2 years.', text: '2 1/2 years', type: 'DURATION', value: 'P2Y6M' },
  {
    sentence: 'The crossing took a minute and a half.',
    text: 'a minute and a half',
    type: 'DURATION',
    value: 'PT1M30S',
  },
  { sentence: 'The quay was shut for twenty-four hours.', text: 'twenty-four hours', type: 'DURATION', value: 'PT24H' },
  { sentence: 'The ferry will stay for two more weeks.', text: 'two more weeks', type: 'DURATION', value: 'P2W' },
  // Bounds stay inside the expression and become its mod
  {
    sentence: 'Talks ran for more than four hours.',
    text: 'more than four hours',
    type: 'DURATION',
    value: 'PT4H',
    mod: 'MORE_THAN',
  },
  {
    sentence: 'The lease runs for at least 20 more years.',
    text: 'at least 20 more years',
    type: 'DURATION',
    value: 'P20Y',
    mod: 'EQUAL_OR_MORE',
  },
  {
    sentence: 'The pier was sold almost two years ago.',
    text: 'almost two years ago',
    type: 'DATE',
    value: '2017',
    refersTo: year('2017'),
    mod: 'LESS_THAN',
  },
  // A reported period's closing day has passed; "the quarter ended …" is the quarter that day closes
  {
    sentence: 'In the fiscal year ended Jan. 31, the yard earned $5 million.',
    text: 'Jan. 31',
    type: 'DATE',
    value: '2019-01-31',
    refersTo: day('2019-01-31'),
    publishedOn: '2019-10-31',
  },
  {
    sentence: 'The yard earned $3 million for the quarter ended Sept. 30.',
    text: 'the quarter',
    type: 'DATE',
    value: '2019-Q3',
    publishedOn: '2019-11-02',
  },
  {
    sentence: 'Sales rose in the fiscal first quarter. For the quarter ended Sept. 30, the yard earned $3 million.',
    text: 'the quarter',
    type: 'DATE',
    value: '2019-Q1',
    publishedOn: '2019-11-02',
  },
  // "a year earlier" after a period's closing day is that period a year before, named by its last day
  {
    sentence: 'For the six months ended Aug. 12, the yard earned $9 million, compared with $7 million a year earlier.',
    text: 'a year earlier',
    type: 'DATE',
    value: '2018-08-12',
    refersTo: day('2018-08-12'),
    publishedOn: '2019-10-26',
  },
  // A day of the month named alone: in the month the text is at when the tense agrees, else the nearest the tense allows
  {
    sentence: 'The walkout began on April 3 and lasted until the 25th.',
    text: 'the 25th',
    type: 'DATE',
    value: '2025-04-25',
    refersTo: day('2025-04-25'),
    publishedOn: '2025-04-28',
  },
  {
    sentence: 'The walkout began on April 3. The union will vote by the 2nd.',
    text: 'the 2nd',
    type: 'DATE',
    value: '2025-05-02',
    refersTo: day('2025-05-02'),
    publishedOn: '2025-04-28',
  },
  {
    sentence: 'The trawler sank on the 27th, the coast guard said.',
    text: 'the 27th',
    type: 'DATE',
    value: '2025-03-27',
    refersTo: day('2025-03-27'),
    publishedOn: '2025-04-02',
  },
  // A day something was put off until lies ahead, even in a past-tense clause
  {
    sentence: 'Officials postponed until Tuesday any vote on the pier.',
    text: 'Tuesday',
    type: 'DATE',
    value: '2019-03-12',
    refersTo: day('2019-03-12'),
    publishedOn: '2019-03-07',
  },
];

function tagged(sentence: string, publishedOn: string): Timex[] {
  return tagTemporal(sentence, publishedOn);
}

describe('tagTemporal', () => {
  // What every case of the table must show besides its value (checked case by case below): the
  // expression sits at its own words, is counted from the article's day or from a day its evidence
  // names, and its evidence quotes the words it read and gives the date or value it found.
  it('places, anchors and explains every expression of the table', () => {
    for (const c of cases) {
      const publishedOn = c.publishedOn ?? TUESDAY;
      const timex = tagged(c.sentence, publishedOn).find((t) => t.text === c.text);
      expect(timex, c.sentence).toBeDefined();
      const { span, anchor, evidence, refersTo, value } = timex!;
      expect(c.sentence.slice(span.start, span.end), c.sentence).toBe(c.text);
      if (anchor !== publishedOn) expect(evidence, c.sentence).toContain(anchor);
      const quoted = /^"([^"]+)"/.exec(evidence)?.[1];
      expect(quoted, evidence).toContain(c.text);
      expect(c.sentence, evidence).toContain(quoted);
      expect(evidence, c.sentence).toContain(refersTo?.value ?? value);
    }
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(['DATE', 'TIME', 'DURATION', 'SET']));
  });

  it.each(cases)('$sentence → "$text" = $value', (c) => {
    const timexes = tagged(c.sentence, c.publishedOn ?? TUESDAY);
    const timex = timexes.find((t) => t.text === c.text);
    expect(timex, `no "${c.text}" among ${JSON.stringify(timexes.map((t) => t.text))}`).toBeDefined();
    expect(timex!.type).toBe(c.type);
    expect(timex!.value).toBe(c.value);
    expect(timex!.refersTo).toEqual(c.refersTo);
    expect(timex!.mod).toBe(c.mod);
  });

  it('leaves the modal "may" and a protest march alone', () => {
    expect(tagged('Ministers may join the protest march through the port.', TUESDAY)).toEqual([]);
    expect(tagged('The March of the Dockers drew a crowd.', TUESDAY)).toEqual([]);
  });

  // "last" is an adjective here ("their last foothold"), no tense; as a date word ("last week")
  // it is an expression of its own. Evidence must not name it as the cue.
  it('takes no tense from the adjective "last"', () => {
    const [monday] = tagged('Fighters clung to their last foothold on Monday.', TUESDAY);
    expect(monday!.value).toBe('2019-03-04');
    expect(monday!.evidence).not.toContain('"last"');
    expect(monday!.evidence).toContain('no tense cue');
  });

  it('does not take counts or ages for years and durations', () => {
    expect(tagged('Some 2000 troops guarded the three-year-old terminal.', TUESDAY)).toEqual([]);
  });

  // A four-digit number is a year only where its context makes it one.
  it.each([
    'The 2034-page proposal was tabled.',
    'A 2000-strong crowd gathered at the quay.',
    'The union sent a 1500-word letter.',
    'Paragraph 1901 of the harbour code applies.',
    'The ferry docked at Pier 2011 overnight.',
    'Room 2012 was empty.',
    'Resolution 2254 was cited again.',
    'About 2000 people marched to the port.',
    'Nearly 1800 police were deployed.',
  ])('leaves the number in "%s" untagged', (sentence) => {
    expect(tagged(sentence, TUESDAY)).toEqual([]);
  });

  it.each([
    ['In 1999 the plant closed.', '1999'],
    ['The 1999 floods were worse.', '1999'],
    ['The law of 2010 stands.', '2010'],
    ['By 2030 the harbour will have grown.', '2030'],
    ['Prices have risen since 2015.', '2015'],
  ])('still reads the year in "%s"', (sentence, value) => {
    expect(tagged(sentence, TUESDAY).map((t) => t.value)).toEqual([value]);
  });

  it('leaves ages, rates and ordinals that are no day ("second", "the 25th anniversary") untagged', () => {
    expect(tagged('The skipper, 52 years old, retired.', TUESDAY)).toEqual([]);
    expect(tagged('The levy raises $2 million a year and adds four sailings a week.', TUESDAY)).toEqual([]);
    expect(tagged('Freight is expected to grow 8% annually.', TUESDAY)).toEqual([]);
    expect(tagged('A second crane was ordered.', TUESDAY)).toEqual([]);
    expect(tagged('Veterans of the 3rd Infantry marked the 25th anniversary of the landing.', TUESDAY)).toEqual([]);
    expect(tagged('She finished 3rd, after the 5th of the heats.', TUESDAY)).toEqual([]);
  });

  // "soon" was once tagged FUTURE_REF; TimeBank and AQUAINT annotators tag it in only 4 of its 21
  // uses, so it is no longer taken for a temporal expression.
  it('does not tag "soon"', () => {
    expect(tagged('Tolls will rise soon.', TUESDAY)).toEqual([]);
  });

  it('reads "the day before" an event as no date of its own', () => {
    const timexes = tagged(
      'The skipper was last seen Nov. 3, the day before the coast guard called off the search.',
      TUESDAY,
    );
    expect(timexes.map((t) => t.text)).toEqual(['Nov. 3']);
  });

  it('splits a range into its two ends', () => {
    const timexes = tagged('Sailings were suspended March 1-5.', TUESDAY);
    expect(timexes.map((t) => [t.text, t.value])).toEqual([
      ['March 1', '2019-03-01'],
      ['5', '2019-03-05'],
    ]);
  });

  it('tags both weekdays of "between Monday and Wednesday"', () => {
    const timexes = tagged('Ships will be held between Monday and Wednesday.', TUESDAY);
    expect(timexes.map((t) => [t.text, t.value])).toEqual([
      ['Monday', '2019-03-11'],
      ['Wednesday', '2019-03-06'],
    ]);
  });

  it('anchors a narrative chain on the last day resolved', () => {
    const text = 'The crane fell on Friday. The next day the yard closed, and two days later it reopened.';
    const [friday, nextDay, twoLater] = tagged(text, TUESDAY);
    expect(friday!.value).toBe('2019-03-01');
    expect(nextDay).toMatchObject({ value: '2019-03-02', anchor: '2019-03-01' });
    expect(twoLater).toMatchObject({ value: '2019-03-04', anchor: '2019-03-02' });
  });

  it('explains each value and names the date it was computed from', () => {
    const [monday] = tagged('The dockers said they met on Monday.', TUESDAY);
    expect(monday!.anchor).toBe(TUESDAY);
    expect(monday!.evidence).toBe('"Monday" in a Tuesday article (2019-03-05), past tense ("met") → 2019-03-04');
  });

  it('gives spans that slice back to the cited words', () => {
    const text = [
      'Tugs stood idle on Monday night as the strike entered its third week.',
      'Union leaders said on Tuesday they will meet the owners on Thursday, and talks could run for 24 hours.',
      'The harbour has flooded every winter since the 1990s; in September last year the sea wall failed.',
      'Now the council says repairs will start in May, three days after the budget vote.',
    ].join(' ');
    const timexes = tagged(text, '2019-03-06');
    expect(timexes.length).toBeGreaterThanOrEqual(8);
    for (const timex of timexes) {
      expect(text.slice(timex.span.start, timex.span.end)).toBe(timex.text);
    }
    expect(timexes.map((t) => t.text)).toEqual([
      'Monday night',
      'Tuesday',
      'Thursday',
      '24 hours',
      'every winter',
      'the 1990s',
      'September last year',
      'Now',
      'May',
      'three days',
    ]);
  });
});

describe('tagTemporal with the sentences of its article', () => {
  it('reads tense within the sentences it is given, as annotateArticle passes them', () => {
    const text = 'The board will meet and vote on Monday.';
    const monday = (sentences?: Span[]) => tagTemporal(text, TUESDAY, sentences).find((t) => t.text === 'Monday');
    expect(monday()?.value).toBe('2019-03-11');
    expect(monday(splitSentences(text))?.value).toBe('2019-03-11');
    // Split before "and vote", the cue "will" lies in another sentence and Monday reads as past.
    const split = [
      { start: 0, end: text.indexOf(' and') },
      { start: text.indexOf('and'), end: text.length },
    ];
    expect(monday(split)?.value).toBe('2019-03-04');
  });
});

describe('tagTemporal on arbitrary word sequences', () => {
  const vocabulary = [
    'the',
    'on',
    'in',
    'will',
    'said',
    'Monday',
    'night',
    'March',
    'May',
    'may',
    '5',
    '2019',
    'last',
    'next',
    'week',
    'year',
    'days',
    'ago',
    'two-day',
    'every',
    'a',
    'day',
    'later',
    'early',
    '10',
    'a.m.',
    'now',
    'three',
    'weeks',
    'September',
    'quarter',
    'third',
    'weekend',
    '-',
    ',',
    '.',
    '1990s',
    'the past',
  ];
  const sentence = fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }).map((words) => words.join(' '));

  it('returns ordered, non-overlapping spans that slice back to their words', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const timexes = tagTemporal(text, TUESDAY);
        let end = 0;
        for (const timex of timexes) {
          expect(text.slice(timex.span.start, timex.span.end)).toBe(timex.text);
          expect(timex.span.start).toBeGreaterThanOrEqual(end);
          end = timex.span.end;
        }
      }),
    );
  });
});
