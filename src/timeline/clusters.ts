// The clustering method (after the CLUST system of Gholipour Ghalandari & Ifrim 2020): first find
// the events, then date them. Articles that say the same thing within a few days of each other
// form one event; the event's date is the day its sentences refer to most; events are ranked by
// how much the whole collection refers to that day, and each is summarised from every sentence in
// the collection about that day.
//
// Compared with the date-wise method, an event that is written about on many days still counts
// once, and a busy day with two unrelated stories gives its date to the bigger one.
import { dayNumber } from '../calendar.js';
import type { AnnotatedArticle, DateRef, IsoDay, Timeline, TimelineOptions } from '../model.js';
import { contentTerms } from '../annotate/terms.js';
import { dateKey, independentArticles, mayShow, type SentenceRef, type TimelineCorpus } from './corpus.js';
import { EVENT_LEAD_SENTENCES, PUBLICATION_WEIGHT, daysReferredBy, focusAt, referencesByDay } from './evidence.js';
import type { TimelineMethod } from './method.js';
import { dateCandidates, summaryContext, summariseDate, takeEntries, timelineOf } from './steps.js';
import { cosine, inverseDocumentFrequency, tfidfVector, type SparseVector } from './vectors.js';

/**
 * Two articles are about the same event above this cosine of their tf-idf vectors. Reports of one
 * event share its names and key words but not their wording; 0.3 joins them while articles that
 * merely share the topic's vocabulary (the IDF of topic words is low) stay apart.
 */
const SAME_EVENT_SIMILARITY = 0.3;
/** An event stops growing when no article has joined it for this many days: news moves on. */
const EVENT_GAP_DAYS = 2;

interface EventCluster {
  articles: AnnotatedArticle[];
  /** Sum of the member vectors: cosine with it is cosine with the centroid. */
  vectorSum: SparseVector;
  lastPublished: number;
}

interface DatedEvent {
  date: DateRef;
  /** References to the day inside the event: which of two events on one day is the bigger. */
  score: number;
  /** The event's own sentences about the day; the summary's source when nothing else refers to it. */
  pool: SentenceRef[];
}

function addInto(sum: SparseVector, vector: SparseVector): void {
  for (const [term, value] of vector) sum.set(term, (sum.get(term) ?? 0) + value);
}

/** Articles in publication order, each joining the most similar recent event or starting its own. */
export function clusterArticles(articles: AnnotatedArticle[]): AnnotatedArticle[][] {
  const ordered = [...articles].sort(
    (a, b) => a.article.publishedOn.localeCompare(b.article.publishedOn) || a.article.id.localeCompare(b.article.id),
  );
  const terms = ordered.map((a) => contentTerms(a.sentences.slice(0, EVENT_LEAD_SENTENCES).flatMap((s) => s.tokens)));
  const idf = inverseDocumentFrequency(terms);
  const clusters: EventCluster[] = [];
  ordered.forEach((article, i) => {
    const vector = tfidfVector(terms[i]!, idf);
    const published = dayNumber(article.article.publishedOn);
    let best: EventCluster | undefined;
    let bestSimilarity = SAME_EVENT_SIMILARITY;
    for (const cluster of clusters) {
      if (published - cluster.lastPublished > EVENT_GAP_DAYS) continue;
      const similarity = cosine(vector, cluster.vectorSum);
      if (similarity >= bestSimilarity) {
        best = cluster;
        bestSimilarity = similarity;
      }
    }
    if (best) {
      best.articles.push(article);
      addInto(best.vectorSum, vector);
      best.lastPublished = published;
    } else {
      clusters.push({ articles: [article], vectorSum: new Map(vector), lastPublished: published });
    }
  });
  return clusters.map((c) => c.articles);
}

function inRange(day: IsoDay, options: TimelineOptions): boolean {
  return (!options.from || day >= options.from) && (!options.to || day <= options.to);
}

/**
 * The day an event's sentences refer to most (publication days count for less), the sentences
 * about that day, and the count as the event's score. Only days: an event happens on a day.
 */
export function dateEvent(articles: AnnotatedArticle[], options: TimelineOptions): DatedEvent | undefined {
  const scores = new Map<IsoDay, number>();
  const add = (day: IsoDay, weight: number) => scores.set(day, (scores.get(day) ?? 0) + weight);
  for (const article of articles) {
    add(article.article.publishedOn, PUBLICATION_WEIGHT);
    for (const sentence of article.sentences) {
      for (const day of daysReferredBy(sentence)) add(day, 1);
    }
  }
  const [day, score] =
    [...scores].filter(([d]) => inRange(d, options)).sort(([da, a], [db, b]) => b - a || da.localeCompare(db))[0] ?? [];
  if (day === undefined || score === undefined) return undefined;
  return { date: { value: day, granularity: 'day' }, score, pool: sentencesAbout(articles, day) };
}

/** Sentences naming the day (the first day a sentence names is its focus); else the openings of articles published that day. */
function sentencesAbout(articles: AnnotatedArticle[], day: IsoDay): SentenceRef[] {
  const referring: SentenceRef[] = [];
  const published: SentenceRef[] = [];
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const days = daysReferredBy(sentence);
      const position = days.indexOf(day);
      if (position >= 0) referring.push({ article, sentence, focus: focusAt(position) });
      else if (days.length === 0 && article.article.publishedOn === day && sentence.index < EVENT_LEAD_SENTENCES)
        published.push({ article, sentence });
    }
  }
  return referring.length > 0 ? referring : published;
}

export const clusters: TimelineMethod = {
  name: 'clusters',
  build(corpus: TimelineCorpus, options: TimelineOptions): Timeline {
    const context = summaryContext(corpus, options);
    const { index } = context;
    // Events are ranked by how much the whole collection refers to their day (the date evidence of
    // the date-wise method), as CLUST ranks by the collection's mentions of the cluster's date: an
    // event's own articles are a few days of reports, the later references to its day are what
    // says it mattered. Within one day the bigger event comes first.
    const evidence = new Map(dateCandidates(index, options).map((c) => [dateKey(c.date), c.score]));
    const evidenceFor = (event: DatedEvent) => evidence.get(dateKey(event.date)) ?? 0;
    const events = clusterArticles(independentArticles(index))
      .map((articles) => dateEvent(articles, options))
      .filter((event): event is DatedEvent => event !== undefined && mayShow(index, event.date))
      .sort((a, b) => evidenceFor(b) - evidenceFor(a) || b.score - a.score || a.date.value.localeCompare(b.date.value));
    // The event chooses the day; the day is then summarised from everything that refers to it, for
    // the same reason: later articles that recall the day (and reports the clustering put in a
    // neighbouring event) often say best what happened on it.
    const references = referencesByDay(index);
    const taken = new Set<IsoDay>();
    const entries = takeEntries(events, options.dates, (event) => {
      // A timeline has one entry per day: a smaller event on a day already taken is left out.
      if (taken.has(event.date.value)) return undefined;
      const pool = references.get(event.date.value) ?? event.pool;
      const entry = summariseDate(event.date, evidenceFor(event), pool, context);
      if (entry !== undefined) taken.add(event.date.value);
      return entry;
    });
    return timelineOf('clusters', entries, context);
  },
};
