// The date-wise method (after Martschat & Markert 2018, Gholipour Ghalandari & Ifrim 2020): first
// decide which dates matter, then summarise each date from the sentences that talk about it.
//
// A date matters when many independent sentences refer to it and many articles are published on
// it. References are the stronger signal: an event is still written about days after it happened,
// whereas a publication date also collects follow-ups and background.
import type { DateRef, Timeline, TimelineEntry, TimelineOptions } from '../model.js';
import { parseQuery } from '../query.js';
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
  LEAD_SENTENCES,
  PLANNED_WEIGHT,
  PUBLICATION_WEIGHT,
  datesReferredBy,
  focusAt,
  inRange,
  precisionRank,
  reportsByDay,
  typicalityOf,
} from './evidence.js';
import type { TimelineMethod } from './method.js';
import { selectSentences } from './summarize.js';

interface DateCandidate {
  date: DateRef;
  score: number;
  /** Sentences that refer to the date. */
  referring: SentenceRef[];
  /** Opening sentences of articles published on the date (used when nothing refers to it). */
  published: SentenceRef[];
  /** Independent articles published on it or referring to it. */
  supporters: number;
}

export function collectCandidates(index: IndexedCorpus, options: TimelineOptions): DateCandidate[] {
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
      if (sentence.index < LEAD_SENTENCES && referred.length === 0) day.published.push({ article, sentence });
    }
    for (const [c, vote] of votes) c.score += vote;
    for (const c of supported) c.supporters++;
  }
  return [...candidates.values()].filter((c) => inRange(c.date, options) && mayShow(index, c.date));
}

export const datewise: TimelineMethod = {
  name: 'datewise',
  build(corpus: TimelineCorpus, options: TimelineOptions): Timeline {
    const index = indexCorpus(corpus);
    const query = parseQuery(options.query);
    // A day only one article supports comes after the days several do: one long, repetitive
    // article must not fill the timeline with the days only it mentions.
    const singleSource = (c: DateCandidate) => (c.supporters > 1 ? 0 : 1);
    const ranked = collectCandidates(index, options).sort(
      (a, b) =>
        precisionRank(a.date) - precisionRank(b.date) ||
        singleSource(a) - singleSource(b) ||
        b.score - a.score ||
        a.date.value.localeCompare(b.date.value),
    );
    const reports = reportsByDay(index);
    const entries: TimelineEntry[] = [];
    for (const candidate of ranked) {
      if (entries.length >= options.dates) break;
      const pool = candidate.referring.length > 0 ? candidate.referring : candidate.published;
      const reportsOfTheDay = candidate.date.granularity === 'day' ? (reports.get(candidate.date.value) ?? []) : [];
      const chosen = selectSentences(pool, { count: options.sentencesPerDate, query, reportsOfTheDay });
      if (chosen.length === 0) continue;
      entries.push(buildEntry(candidate.date, candidate.score, chosen, pool, index));
    }
    entries.sort(
      (a, b) => a.date.value.localeCompare(b.date.value) || a.date.granularity.localeCompare(b.date.granularity),
    );
    return {
      method: 'datewise',
      options,
      stats: corpusStats(index),
      entries,
    };
  },
};
