// The steps the timeline methods are composed of, all over the one corpus type (IndexedCorpus). A
// method differs only in how it chooses and ranks the dates:
//   1. dateCandidates: every date the collection refers to or publishes on, with its evidence;
//   2. the method's own ranking (date-wise: by that evidence; clusters: by event);
//   3. takeEntries with summariseDate: the best dates that have sentences to show, as entries;
//   4. timelineOf: the entries in calendar order, with the corpus figures.
import type { DateRef, IsoDay, Timeline, TimelineEntry, TimelineOptions } from '../model.js';
import { parseQuery, type TopicQuery } from '../query.js';
import {
  corpusStats,
  dateKey,
  independentArticles,
  indexCorpus,
  mayShow,
  type IndexedCorpus,
  type SentenceRef,
  type TimelineCorpus,
} from './corpus.js';
import { buildEntry } from './entry.js';
import {
  COARSE_WEIGHT,
  DAY_LEAD_SENTENCES,
  PLANNED_WEIGHT,
  PUBLICATION_WEIGHT,
  datesReferredBy,
  focusAt,
  inRange,
  reportsByDay,
  typicalityOf,
} from './evidence.js';
import { selectSentences } from './summarize.js';

export interface DateCandidate {
  date: DateRef;
  score: number;
  /** Sentences that refer to the date. */
  referring: SentenceRef[];
  /** Opening sentences of articles published on the date (used when nothing refers to it). */
  published: SentenceRef[];
  /** Independent articles published on it or referring to it. */
  supporters: number;
}

/** Every date of the selection's window that the collection refers to or publishes on, with the evidence for it. */
export function dateCandidates(index: IndexedCorpus, options: TimelineOptions): DateCandidate[] {
  const candidates = new Map<string, DateCandidate>();
  const candidate = (date: DateRef): DateCandidate => {
    const key = dateKey(date);
    let found = candidates.get(key);
    if (!found) {
      found = { date, score: 0, referring: [], published: [], supporters: 0 };
      candidates.set(key, found);
    }
    return found;
  };

  const typicality = typicalityOf(index);
  for (const article of independentArticles(index)) {
    const publishedOn: DateRef = { value: article.article.publishedOn, granularity: 'day' };
    const day = candidate(publishedOn);
    day.score += PUBLICATION_WEIGHT;
    const supported = new Set<DateCandidate>([day]);
    // An article votes once for each date it refers to, however often it repeats it: an event
    // matters when many independent reports mention it, not when one report dwells on it. The
    // vote is that of its most typical sentence naming the date.
    const votes = new Map<DateCandidate, number>();
    for (const sentence of article.sentences) {
      const referred = datesReferredBy(sentence);
      referred.forEach((date, position) => {
        const c = candidate(date);
        const vote =
          (date.granularity === 'day' ? 1 : COARSE_WEIGHT) *
          (date.value > article.article.publishedOn ? PLANNED_WEIGHT : 1) *
          typicality.get(sentence)!;
        votes.set(c, Math.max(votes.get(c) ?? 0, vote));
        supported.add(c);
        c.referring.push({ article, sentence, focus: focusAt(position) });
      });
      if (sentence.index < DAY_LEAD_SENTENCES && referred.length === 0) day.published.push({ article, sentence });
    }
    for (const [c, vote] of votes) c.score += vote;
    for (const c of supported) c.supporters++;
  }
  return [...candidates.values()].filter((c) => inRange(c.date, options) && mayShow(index, c.date));
}

/** What summarising a date needs besides its sentences: the corpus, the options and what follows from them. */
export interface SummaryContext {
  index: IndexedCorpus;
  options: TimelineOptions;
  query: TopicQuery;
  /** Day → the openings of the articles that report it (evidence.ts, reportsByDay). */
  reports: Map<IsoDay, SentenceRef[]>;
}

/** The corpus indexed for the methods, with what every summary of it needs. */
export function summaryContext(corpus: TimelineCorpus, options: TimelineOptions): SummaryContext {
  const index = indexCorpus(corpus);
  return { index, options, query: parseQuery(options.query), reports: reportsByDay(index) };
}

/** A date's entry: the sentences chosen from `pool` (with a day's reports), or undefined when none can be shown. */
export function summariseDate(
  date: DateRef,
  score: number,
  pool: SentenceRef[],
  context: SummaryContext,
): TimelineEntry | undefined {
  const { index, options, query, reports } = context;
  const reportsOfTheDay = date.granularity === 'day' ? (reports.get(date.value) ?? []) : [];
  const chosen = selectSentences(pool, { count: options.sentencesPerDate, query, reportsOfTheDay });
  return chosen.length === 0 ? undefined : buildEntry(date, score, chosen, pool, index);
}

/** The entries of the ranked items, best first, until `count` of them have an entry. */
export function takeEntries<T>(
  ranked: Iterable<T>,
  count: number,
  entryOf: (item: T) => TimelineEntry | undefined,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const item of ranked) {
    if (entries.length >= count) break;
    const entry = entryOf(item);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}

/** The timeline of a method's entries, in calendar order. */
export function timelineOf(method: string, entries: TimelineEntry[], context: SummaryContext): Timeline {
  const ordered = [...entries].sort(
    (a, b) => a.date.value.localeCompare(b.date.value) || a.date.granularity.localeCompare(b.date.granularity),
  );
  return { method, options: context.options, stats: corpusStats(context.index), entries: ordered };
}
