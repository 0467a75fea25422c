import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysBetween,
  formatDay,
  isoWeek,
  isoWeekday,
  isValidDay,
  MONTH_NAMES,
  WEEKDAY_NAMES,
} from './calendar.js';

describe('the calendar', () => {
  it('names weekdays in ISO order and months from January', () => {
    // 2025-04-07 is a Monday, 2025-04-13 a Sunday.
    expect(WEEKDAY_NAMES[isoWeekday('2025-04-07') - 1]).toBe('Monday');
    expect(WEEKDAY_NAMES[isoWeekday('2025-04-13') - 1]).toBe('Sunday');
    expect([MONTH_NAMES[0], MONTH_NAMES[4], MONTH_NAMES[11]]).toEqual(['January', 'May', 'December']);
    expect(Object.isFrozen(MONTH_NAMES) && Object.isFrozen(WEEKDAY_NAMES)).toBe(true);
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2025-04-08') - dayNumber('2025-04-01')).toBe(daysBetween('2025-04-01', '2025-04-08'));
  });

  it('knows which days exist', () => {
    expect(isValidDay(2024, 2, 29)).toBe(true);
    expect(isValidDay(2025, 2, 29)).toBe(false);
    expect(isValidDay(2025, 4, 31)).toBe(false);
    expect(isValidDay(2025, 13, 1)).toBe(false);
    expect(isValidDay(2025, 1, 0)).toBe(false);
    expect(formatDay(987, 3, 5)).toBe('0987-03-05');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });
});
