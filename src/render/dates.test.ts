import { describe, expect, it } from 'vitest';
import { chronological, dateParts, evidenceInWords, firstDayOf, formatDate, formatDay, timexInWords } from './dates.js';

describe('dates', () => {
  it('formats by granularity', () => {
    expect(formatDate({ value: '2019-03-04', granularity: 'day' })).toBe('Monday 4 March 2019');
    expect(formatDate({ value: '2024-02-29', granularity: 'day' })).toBe('Thursday 29 February 2024');
    expect(formatDate({ value: '2018-09', granularity: 'month' })).toBe('September 2018');
    expect(formatDate({ value: '2018', granularity: 'year' })).toBe('2018');
  });

  it('splits into the parts the granularity knows', () => {
    expect(dateParts({ value: '2019-03-04', granularity: 'day' })).toEqual({ year: 2019, month: 3, day: 4 });
    expect(dateParts({ value: '2019-03', granularity: 'month' })).toEqual({ year: 2019, month: 3 });
    expect(dateParts({ value: '2019', granularity: 'year' })).toEqual({ year: 2019 });
    expect(() => dateParts({ value: 'soon', granularity: 'year' })).toThrow(/not a date/);
  });

  it('gives the first day of a period', () => {
    expect(firstDayOf({ value: '2019-03', granularity: 'month' })).toBe('2019-03-01');
    expect(firstDayOf({ value: '2018', granularity: 'year' })).toBe('2018-01-01');
    expect(firstDayOf({ value: '2019-03-04', granularity: 'day' })).toBe('2019-03-04');
  });

  it('orders a month before the days in it', () => {
    const order = chronological([
      { date: { value: '2019-03-02', granularity: 'day' as const } },
      { date: { value: '2019', granularity: 'year' as const } },
      { date: { value: '2019-03', granularity: 'month' as const } },
    ]);
    expect(order.map((e) => e.date.value)).toEqual(['2019', '2019-03', '2019-03-02']);
  });

  it('says a publication day the way people write it', () => {
    expect(formatDay('2025-04-08')).toBe('8 April 2025');
  });
});

describe('TIMEX3 values in words', () => {
  it.each([
    ['2025-04-08', '8 April 2025'],
    ['2025-04-08TMO', 'the morning of 8 April 2025'],
    ['2025-04-08TAF', 'the afternoon of 8 April 2025'],
    ['2025-04-08TEV', 'the evening of 8 April 2025'],
    ['2025-04-08TNI', 'the night of 8 April 2025'],
    ['2025-04-08T09:00', '9:00 on 8 April 2025'],
    ['2025-04-08T18:30:00', '18:30 on 8 April 2025'],
    ['2025-04', 'April 2025'],
    ['2025', '2025'],
    ['2025-W15', 'the week of 7 April 2025'],
    // ISO week 1 of 2026 starts in the year before.
    ['2026-W01', 'the week of 29 December 2025'],
    ['2025-W15-WE', 'the weekend of 12 April 2025'],
    ['2025-SP', 'spring 2025'],
    ['2024-WI', 'winter 2024'],
    ['2025-Q2', 'the second quarter of 2025'],
    ['2025-H1', 'the first half of 2025'],
    ['201', 'the 2010s'],
    ['19', 'the 1900s'],
    ['PRESENT_REF', 'now'],
    ['PAST_REF', 'the past'],
    ['P3D', '3 days'],
    ['P1W', '1 week'],
    ['PT5H', '5 hours'],
    ['PT30M', '30 minutes'],
    ['PXY', 'several years'],
    ['XXXX-WXX-1', 'XXXX-WXX-1'],
  ])('%s is "%s"', (value, words) => {
    expect(timexInWords(value)).toBe(words);
  });

  it('names the weekday of a day when asked', () => {
    expect(timexInWords('2025-04-08', { weekday: true })).toBe('Tuesday 8 April 2025');
    expect(timexInWords('2025-04-08TMO', { weekday: true })).toBe('the morning of Tuesday 8 April 2025');
  });

  it('makes evidence readable: the value after the arrow and the days it names, not the quoted words', () => {
    expect(evidenceInWords('"this morning" in an article of 2025-04-08 → 2025-04-08TMO')).toBe(
      '"this morning" in an article of 8 April 2025 → the morning of 8 April 2025',
    );
    expect(evidenceInWords('no date in the sentence; article published 2025-04-18')).toBe(
      'no date in the sentence; article published 18 April 2025',
    );
    expect(evidenceInWords('"Monday" in a Tuesday article → the day before')).toBe(
      '"Monday" in a Tuesday article → the day before',
    );
    expect(evidenceInWords('"the week of 2025-04-07" counted from 2025-04-01 → 2025-W15')).toBe(
      '"the week of 2025-04-07" counted from 1 April 2025 → the week of 7 April 2025',
    );
  });
});
