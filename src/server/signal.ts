// The evidence a date-wise timeline weighs, per day: how many independent articles were published
// that day and how many temporal expressions point at it. The page plots both.
import type { IsoDay } from '../model.js';
import { independentArticles, indexCorpus, type TimelineCorpus } from '../timeline/index.js';

export interface DaySignal {
  day: IsoDay;
  articles: number;
  references: number;
}

/** One row per day that has any evidence, in date order. Month and year references are left out: they have no day. */
export function dailySignal(corpus: TimelineCorpus): DaySignal[] {
  const byDay = new Map<IsoDay, DaySignal>();
  const row = (day: IsoDay): DaySignal => {
    let found = byDay.get(day);
    if (!found) {
      found = { day, articles: 0, references: 0 };
      byDay.set(day, found);
    }
    return found;
  };
  for (const { article, sentences } of independentArticles(indexCorpus(corpus))) {
    row(article.publishedOn).articles += 1;
    for (const sentence of sentences) {
      for (const timex of sentence.timexes) {
        if (timex.refersTo?.granularity === 'day') row(timex.refersTo.value).references += 1;
      }
    }
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
