// Days named relative to the publication date or to the story: weekdays, "today", "the next day".
//
// Examples:
//   "Monday", "last Monday", "this coming Friday", "early Tuesday", "later Monday"
//   "Monday night", "10 a.m. Monday", "4 in the morning on Monday", "Monday at 10 a.m."
//   "Wednesday last week", "Friday of next week"
//   "today", "tonight", "yesterday morning", "last night", "this morning", "10 a.m. tomorrow"
//   "the next day", "the following morning", "the previous day", "the day before", "that day"
//
// Watch out:
//   "the day before the vote", "the day after the strike": the day hangs on an event, not on the
//   last day mentioned, so "the day before/after" is only read where nothing follows in the clause.
//   "Monday's meeting" is kept, but marked possessive: it names a reported event, which has happened.
import { PARTS_OF_DAY, WEEKDAYS } from '../lexicon.js';
import { textAfter } from './context.js';
import { CLOCK_STARTS, clockPattern, oneOf, partOfDayPattern, WEEKDAY_STARTS, weekdayPattern } from './patterns.js';
import { filled, rule, whole, type Rule } from './rule.js';
import { positionMod, relationOf, timeOf } from './words.js';

const weekday = rule(
  ['modifier', 'clockBefore', 'weekday', 'part', 'clockAfter'],
  [
    `(?:(?<modifier>last|next|this\\s+coming|this|coming|early|late|later|earlier)\\s+)?`,
    `(?:${clockPattern('clockBefore')}\\s+(?:on\\s+)?)?`,
    weekdayPattern('weekday'),
    `(?:\\s+${partOfDayPattern('part')})?`,
    `(?:,?\\s+at\\s+${clockPattern('clockAfter')})?`,
  ].join(''),
  (m, text) => {
    const weekday = WEEKDAYS[filled(m, 'weekday').toLowerCase()];
    if (weekday === undefined) return [];
    const modifier = m.groups.modifier?.toLowerCase();
    const possessive = /^['’]s\b/.test(textAfter(m, text));
    const time = timeOf(m.groups.clockBefore ?? m.groups.clockAfter, m.groups.part);
    const relation = relationOf(modifier);
    return whole(m, {
      kind: 'weekday',
      weekday,
      relation,
      mod: positionMod(modifier),
      time,
      ...(possessive && { possessive }),
    });
  },
  { starts: ['last', 'next', 'this', 'coming', 'early', 'earlier', 'late', ...CLOCK_STARTS, ...WEEKDAY_STARTS] },
);

const weekdayOfNamedWeek = rule(
  ['weekday', 'week'],
  `${weekdayPattern('weekday')}\\s+(?:of\\s+)?(?<week>last|this|next)\\s+week`,
  (m) => {
    const weekday = WEEKDAYS[filled(m, 'weekday').toLowerCase()];
    return weekday === undefined ? [] : whole(m, { kind: 'weekday', weekday, week: relationOf(m.groups.week) });
  },
  { trigger: 'week', starts: WEEKDAY_STARTS },
);

const deictic = rule(
  ['position', 'clockBefore', 'word', 'part', 'clockAfter'],
  [
    `(?:(?<position>early|late|later|earlier)\\s+)?`,
    `(?:${clockPattern('clockBefore')}\\s+)?`,
    `(?<word>today|tonight|yesterday|tomorrow|last\\s+night|this\\s+(?:morning|afternoon|evening))`,
    `(?:\\s+${partOfDayPattern('part')})?`,
    `(?:,?\\s+at\\s+${clockPattern('clockAfter')})?`,
  ].join(''),
  (m) => {
    const word = filled(m, 'word').toLowerCase().replace(/\s+/g, ' ');
    const offsetDays = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
    const impliedPart =
      word === 'tonight' || word === 'last night' ? 'night' : word.startsWith('this ') ? word.slice(5) : undefined;
    const time = timeOf(m.groups.clockBefore ?? m.groups.clockAfter, m.groups.part ?? impliedPart);
    return whole(m, { kind: 'deictic', offsetDays, word, mod: positionMod(m.groups.position), time });
  },
  {
    starts: ['early', 'earlier', 'late', ...CLOCK_STARTS, 'today', 'tonight', 'yesterday', 'tomorrow', 'last', 'this'],
  },
);

const FORWARD = ['next', 'following', 'after'];

const narrative = rule(
  ['adjacent', 'dayOrPart', 'beforeOrAfter'],
  [
    `(?:the\\s+)?(?<adjacent>next|following|previous|preceding)\\s+(?<dayOrPart>day|${oneOf(Object.keys(PARTS_OF_DAY))})`,
    `|the\\s+day\\s+(?<beforeOrAfter>before|after)(?=\\s*(?:[,.;:]|$))`,
    `|(?:that|the\\s+same)\\s+day`,
  ].join(''),
  (m) => {
    const direction = (m.groups.adjacent ?? m.groups.beforeOrAfter)?.toLowerCase();
    const offsetDays = direction === undefined ? 0 : FORWARD.includes(direction) ? 1 : -1;
    const dayOrPart = m.groups.dayOrPart;
    const part = dayOrPart !== undefined && dayOrPart.toLowerCase() !== 'day' ? dayOrPart : undefined;
    return whole(m, { kind: 'narrative', offsetDays, time: timeOf(undefined, part) });
  },
  { starts: ['the', 'next', 'following', 'previous', 'preceding', 'that'] },
);

export const relativeDayRules: Rule[] = [weekday, weekdayOfNamedWeek, deictic, narrative];
