// What every timeline method reads off the annotations: which dates a sentence refers to, and how
// much a sentence or an article counts as evidence for a date.
import { addDays } from '../calendar.js';
import type { DateRef, IsoDay, Sentence, TimelineOptions } from '../model.js';
import { dateKey, independentArticles, type IndexedCorpus, type SentenceRef } from './corpus.js';
import { contentTerms } from '../annotate/terms.js';
import { centroidSimilarities } from './vectors.js';

/** Weight of one article published on a day, relative to one reference to the day. */
export const PUBLICATION_WEIGHT = 0.5;

/** Months and years are vaguer than days: their references count for less. */
export const COARSE_WEIGHT = 0.5;
/**
 * A reference to a day after publication is a plan or a forecast ("will vote on Friday"), which
 * may not happen; a reference after the fact reports something that did. Plans count half.
 */
export const PLANNED_WEIGHT = 0.5;

/** Whether a date overlaps the timeline's window: a month or year by its first and last possible day. */
export function inRange(date: DateRef, options: TimelineOptions): boolean {
  const first = date.value.padEnd(10, date.granularity === 'year' ? '-01-01' : '-01');
  const last =
    date.granularity === 'day' ? date.value : `${date.value}${date.granularity === 'year' ? '-12-31' : '-31'}`;
  return (!options.from || last >= options.from) && (!options.to || first <= options.to);
}

/**
 * Days come before months and years: a month entry says less than a day entry, and its score adds
 * up references spread over thirty days, so it would outrank the days it contains. Coarse dates
 * fill the timeline only when too few days are known.
 */
export function precisionRank(date: DateRef): number {
  return date.granularity === 'day' ? 0 : 1;
}

/** Focus of a sentence on a date it names after another one: a mention in passing. */
export const PASSING_FOCUS = 0.5;

/** The distinct dates a sentence refers to, in the order it names them. */
export function datesReferredBy(sentence: Sentence): DateRef[] {
  const dates = new Map<string, DateRef>();
  for (const timex of sentence.timexes) if (timex.refersTo) dates.set(dateKey(timex.refersTo), timex.refersTo);
  return [...dates.values()];
}

/** Whether the sentence refers to any date: `datesReferredBy(sentence).length > 0`, without building the list. */
function namesADate(sentence: Sentence): boolean {
  return sentence.timexes.some((timex) => timex.refersTo !== undefined);
}

/** The distinct days (not months or years) a sentence refers to, in order. */
export function daysReferredBy(sentence: Sentence): IsoDay[] {
  return datesReferredBy(sentence).flatMap((date) => (date.granularity === 'day' ? [date.value] : []));
}

/** How much a sentence is about the date at `position` among the dates it names: the first is its subject. */
export function focusAt(position: number): number {
  return position === 0 ? 1 : PASSING_FOCUS;
}

/**
 * Day → every sentence of the independent articles that refers to the day, with its focus on it:
 * all the corpus says about the day, whichever story or article it appears in.
 */
export function referencesByDay(index: IndexedCorpus): Map<IsoDay, SentenceRef[]> {
  const references = new Map<IsoDay, SentenceRef[]>();
  for (const article of independentArticles(index)) {
    for (const sentence of article.sentences) {
      daysReferredBy(sentence).forEach((day, position) => {
        const ref: SentenceRef = { article, sentence, focus: focusAt(position) };
        const forDay = references.get(day);
        if (forDay) forDay.push(ref);
        else references.set(day, [ref]);
      });
    }
  }
  return references;
}

/**
 * An article's opening says what it reports; the rest is background and quotes. Two jobs read the
 * opening, and they take different lengths of it:
 * - DAY_LEAD_SENTENCES: the sentences that stand in for the article's publication day when nothing
 *   refers to the day (date-wise), and a day's reports beside the sentences that do (both methods).
 *   They are summary candidates, so only the first few, which report the news.
 * - EVENT_LEAD_SENTENCES: the words that tell which event an article reports (the clusters method's
 *   article vectors, and the stand-ins for its event's day). A vector needs more words than a
 *   summary needs candidates.
 * On Timeline17 one length for both scores lower: 6 in the clusters method gives AR-1 0.121 instead
 * of 0.122 (and 6 for its stand-ins alone concat R2 0.101 instead of 0.102), 10 in the date-wise
 * method AR-1 0.121 instead of 0.123.
 */
export const DAY_LEAD_SENTENCES = 6;
export const EVENT_LEAD_SENTENCES = 10;
/** A day's events are reported on the day and, by papers and overnight wires, on the day after. */
const REPORTING_DAYS = 2;

/** Day → openings of articles published on it or on the following days, naming no date. */
export function reportsByDay(index: IndexedCorpus): Map<IsoDay, SentenceRef[]> {
  const reports = new Map<IsoDay, SentenceRef[]>();
  for (const article of independentArticles(index)) {
    const leads = article.sentences
      .filter((sentence) => sentence.index < DAY_LEAD_SENTENCES && !namesADate(sentence))
      .map((sentence) => ({ article, sentence }));
    if (leads.length === 0) continue;
    for (let back = 0; back < REPORTING_DAYS; back++) {
      const day = addDays(article.article.publishedOn, -back);
      const forDay = reports.get(day);
      if (forDay) forDay.push(...leads);
      else reports.set(day, [...leads]);
    }
  }
  return reports;
}

/**
 * Sentence naming a date → how typical it is of what the collection's sentences naming dates say:
 * its cosine with their centroid, relative to their mean cosine, so that an average reference
 * counts 1. A date named by a sentence about a side story (a market report in a war, a lawsuit in
 * a spill) is weaker evidence that the day mattered to the story than a date named by a sentence
 * about its main events. (Measured against every sentence instead, the result is much the same
 * for five times the work.)
 */
export function typicalityOf(index: IndexedCorpus): Map<Sentence, number> {
  const sentences = independentArticles(index).flatMap((article) => article.sentences.filter(namesADate));
  const similarities = centroidSimilarities(sentences.map((sentence) => contentTerms(sentence.tokens)));
  const mean = similarities.reduce((total, similarity) => total + similarity, 0) / similarities.length;
  return new Map(sentences.map((sentence, i) => [sentence, mean > 0 ? similarities[i]! / mean : 1]));
}
