// Clock times on their own: a time on the day the story is at (index.ts finds that day).
//
// Examples:
//   "10 a.m.", "4:30 pm", "9 p.m. EST", "noon", "midday", "midnight"
//   "4 in the morning", "10 at night"
//
// Watch out:
//   "13 p.m.", "0 a.m.": hours outside 1-12 are no reading.
//   "the 10 o'clock news", "at 10": without "a.m."/"p.m." or "in the morning" a number is no time.
//   A clock time next to a day ("10 a.m. Monday", "March 5 at 10 a.m.") is read with that day by
//   the relative-day and absolute-date rules, which take the longer match.
import { CLOCK_STARTS, clockPattern } from './patterns.js';
import { filled, rule, whole, type Rule } from './rule.js';
import { clockOf } from './words.js';

const clock = rule(
  ['clock'],
  clockPattern('clock'),
  (m) => {
    const time = clockOf(filled(m, 'clock'));
    return time ? whole(m, { kind: 'clock', time }) : [];
  },
  { starts: CLOCK_STARTS },
);

export const clockTimeRules: Rule[] = [clock];
