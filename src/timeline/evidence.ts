// What every timeline method reads off the annotations: which dates a sentence refers to, and how
// much a sentence or an article counts as evidence for a date.
import type { DateRef, IsoDay, Sentence } from '../model.js';

/** Weight of one article published on a day, relative to one reference to the day. */
export const PUBLICATION_WEIGHT = 0.5;

/** Focus of a sentence on a date it names after another one: a mention in passing. */
export const PASSING_FOCUS = 0.5;

export function dateKey(date: DateRef): string {
  return `${date.granularity}:${date.value}`;
}

/** The distinct dates a sentence refers to, in the order it names them. */
export function datesReferredBy(sentence: Sentence): DateRef[] {
  const dates = new Map<string, DateRef>();
  for (const timex of sentence.timexes) if (timex.refersTo) dates.set(dateKey(timex.refersTo), timex.refersTo);
  return [...dates.values()];
}

/** The distinct days (not months or years) a sentence refers to, in order. */
export function daysReferredBy(sentence: Sentence): IsoDay[] {
  return datesReferredBy(sentence).flatMap((date) => (date.granularity === 'day' ? [date.value] : []));
}

/** How much a sentence is about the date at `position` among the dates it names: the first is its subject. */
export function focusAt(position: number): number {
  return position === 0 ? 1 : PASSING_FOCUS;
}
