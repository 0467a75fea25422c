import { describe, expect, it } from 'vitest';
import { chronological, dateParts, firstDayOf, formatDate } from './dates.js';

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
});
